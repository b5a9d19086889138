package cn.qualityportal.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/** A department of one region's government (市场监管局, 住建局 …); user accounts belong to one. */
@Entity
class Department {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "region_code")
	private Region region;

	private String name;

	private String shortName;

	@Enumerated(EnumType.STRING)
	private DepartmentKind kind;

	private boolean active = true;

	@Version
	@Column(nullable = false)
	private long version;

	protected Department() {
	}

	Department(Region region, String name, String shortName, DepartmentKind kind) {
		this.region = region;
		update(name, shortName, kind);
	}

	void update(String name, String shortName, DepartmentKind kind) {
		this.name = name;
		this.shortName = shortName;
		this.kind = kind;
	}

	void setActive(boolean active) {
		this.active = active;
	}

	public long getVersion() {
		return version;
	}

	public Long getId() {
		return id;
	}

	public Region getRegion() {
		return region;
	}

	public String getName() {
		return name;
	}

	public String getShortName() {
		return shortName;
	}

	public DepartmentKind getKind() {
		return kind;
	}

	public boolean isActive() {
		return active;
	}


	/** What the audit trail records of it. */
	java.util.Map<String, Object> state() {
		java.util.Map<String, Object> state = new java.util.LinkedHashMap<>();
		state.put("regionCode", region.getCode());
		state.put("name", name);
		state.put("shortName", shortName);
		state.put("kind", kind);
		state.put("active", active);
		return state;
	}

}

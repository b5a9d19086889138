package cn.qualityportal.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/** An administrative region keyed by its six-digit GB/T 2260 code, e.g. 450600 防城港市. */
@Entity
class Region {

	@Id
	private String code;

	private String name;

	@Enumerated(EnumType.STRING)
	private RegionLevel level;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent_code")
	private Region parent;

	private boolean active = true;

	@Version
	@Column(nullable = false)
	private long version;

	protected Region() {
	}

	Region(String code, String name, RegionLevel level, Region parent) {
		this.code = code;
		update(name, level, parent);
	}

	void update(String name, RegionLevel level, Region parent) {
		this.name = name;
		this.level = level;
		this.parent = parent;
	}

	void setActive(boolean active) {
		this.active = active;
	}

	public long getVersion() {
		return version;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public RegionLevel getLevel() {
		return level;
	}

	public Region getParent() {
		return parent;
	}

	public boolean isActive() {
		return active;
	}


	/** What the audit trail records of it. */
	java.util.Map<String, Object> state() {
		java.util.Map<String, Object> state = new java.util.LinkedHashMap<>();
		state.put("code", code);
		state.put("name", name);
		state.put("level", level);
		state.put("parentCode", parent == null ? null : parent.getCode());
		state.put("active", active);
		return state;
	}

}

package cn.qualityportal.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

	private String kind;

	private boolean active = true;

	@Version
	@Column(nullable = false)
	private long version;

	protected Department() {
	}

	Long getId() {
		return id;
	}

	Region getRegion() {
		return region;
	}

	String getName() {
		return name;
	}

	String getShortName() {
		return shortName;
	}

	String getKind() {
		return kind;
	}

	boolean isActive() {
		return active;
	}

}

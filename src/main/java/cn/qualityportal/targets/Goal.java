package cn.qualityportal.targets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A goal area or goal statement of a document, in the document's order. */
@Entity
class Goal {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long documentId;

	@Enumerated(EnumType.STRING)
	private GoalArea area;

	private String title;

	private int position;

	@Version
	@Column(nullable = false)
	private long version;

	protected Goal() {
	}

	Goal(long documentId, GoalArea area, String title, int position) {
		this.documentId = documentId;
		this.area = area;
		this.title = title;
		this.position = position;
	}

	public Long getId() {
		return id;
	}

	public long getDocumentId() {
		return documentId;
	}

	public GoalArea getArea() {
		return area;
	}

	public String getTitle() {
		return title;
	}

	public int getPosition() {
		return position;
	}

}

package cn.qualityportal.targets;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

/** A qualitative work item (重点任务) of a document, with responsible departments and dated progress notes. */
@Entity
class Task {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long documentId;

	private Long goalId;

	private String title;

	private Long leadDepartmentId;

	@ElementCollection
	@CollectionTable(name = "task_cooperating_department", joinColumns = @JoinColumn(name = "task_id"))
	@Column(name = "department_id")
	private Set<Long> cooperatingDepartmentIds = new HashSet<>();

	private Integer dueYear;

	@Enumerated(EnumType.STRING)
	private TaskStatus status = TaskStatus.NOT_STARTED;

	@Version
	@Column(nullable = false)
	private long version;

	protected Task() {
	}

	Task(long documentId) {
		this.documentId = documentId;
	}

	void update(TaskForm form) {
		this.goalId = form.goalId();
		this.title = form.title().strip();
		this.leadDepartmentId = form.leadDepartmentId();
		this.cooperatingDepartmentIds.clear();
		if (form.cooperatingDepartmentIds() != null) {
			this.cooperatingDepartmentIds.addAll(form.cooperatingDepartmentIds());
		}
		this.dueYear = form.dueYear();
		this.status = form.status();
	}

	public Long getId() {
		return id;
	}

	public long getDocumentId() {
		return documentId;
	}

	public Long getGoalId() {
		return goalId;
	}

	public String getTitle() {
		return title;
	}

	public Long getLeadDepartmentId() {
		return leadDepartmentId;
	}

	public Set<Long> getCooperatingDepartmentIds() {
		return cooperatingDepartmentIds;
	}

	public Integer getDueYear() {
		return dueYear;
	}

	public TaskStatus getStatus() {
		return status;
	}

	public long getVersion() {
		return version;
	}


	/** What the audit trail records of it. */
	java.util.Map<String, Object> state() {
		java.util.Map<String, Object> state = new java.util.LinkedHashMap<>();
		state.put("documentId", getDocumentId());
		state.put("goalId", getGoalId());
		state.put("title", getTitle());
		state.put("leadDepartmentId", getLeadDepartmentId());
		state.put("cooperatingDepartmentIds", new java.util.TreeSet<>(getCooperatingDepartmentIds()));
		state.put("dueYear", getDueYear());
		state.put("status", getStatus());
		return state;
	}

}

package cn.qualityportal.targets;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

/** An indicator's target for one region, set by one document, with a deadline (and yearly milestones). */
@Entity
class Target {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "indicator_id")
	private Indicator indicator;

	private String regionCode;

	private long documentId;

	private Long goalId;

	@Enumerated(EnumType.STRING)
	private Comparator comparator;

	private BigDecimal value;

	private BigDecimal valueMax;

	private BigDecimal tolerance;

	private String unit;

	private BigDecimal baselineValue;

	private Integer baselineYear;

	private int deadlineYear;

	private boolean increment;

	private Long leadDepartmentId;

	@ElementCollection
	@CollectionTable(name = "target_cooperating_department", joinColumns = @JoinColumn(name = "target_id"))
	@Column(name = "department_id")
	private Set<Long> cooperatingDepartmentIds = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "milestone", joinColumns = @JoinColumn(name = "target_id"))
	@OrderBy("year")
	private List<Milestone> milestones = new ArrayList<>();

	private Long parentTargetId;

	private String quote;

	private Instant createdAt = Instant.now();

	@Version
	@Column(nullable = false)
	private long version;

	protected Target() {
	}

	Target(Indicator indicator, String regionCode, long documentId) {
		this.indicator = indicator;
		this.regionCode = regionCode;
		this.documentId = documentId;
	}

	void update(TargetForm form, Indicator indicator) {
		this.indicator = indicator;
		this.goalId = form.goalId();
		this.comparator = form.comparator();
		this.value = form.value();
		this.valueMax = form.comparator() == Comparator.RANGE ? form.valueMax() : null;
		this.tolerance = form.comparator() == Comparator.ABOUT ? form.tolerance() : null;
		this.unit = form.unit() == null || form.unit().isBlank() ? indicator.getUnit() : form.unit().strip();
		this.baselineValue = form.baselineValue();
		this.baselineYear = form.baselineYear();
		this.deadlineYear = form.deadlineYear();
		this.increment = Boolean.TRUE.equals(form.increment());
		this.leadDepartmentId = form.leadDepartmentId();
		this.cooperatingDepartmentIds.clear();
		if (form.cooperatingDepartmentIds() != null) {
			this.cooperatingDepartmentIds.addAll(form.cooperatingDepartmentIds());
		}
		this.quote = Indicator.blankToNull(form.quote());
	}

	void cascadedFrom(Target parent) {
		this.parentTargetId = parent.getId();
	}

	void replaceMilestones(List<Milestone> milestones) {
		this.milestones.clear();
		this.milestones.addAll(milestones);
	}

	/** What the audit trail keeps of a target before and after a change. */
	Map<String, Object> state() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("indicator", indicator.getCode());
		state.put("regionCode", regionCode);
		state.put("documentId", documentId);
		state.put("comparator", comparator);
		state.put("value", value);
		state.put("valueMax", valueMax);
		state.put("tolerance", tolerance);
		state.put("unit", unit);
		state.put("baselineValue", baselineValue);
		state.put("baselineYear", baselineYear);
		state.put("deadlineYear", deadlineYear);
		state.put("leadDepartmentId", leadDepartmentId);
		state.put("cooperatingDepartmentIds", new TreeSet<>(getCooperatingDepartmentIds()));
		state.put("milestones", getMilestones().stream().map(m -> m.year() + ":" + m.value().toPlainString()).toList());
		return state;
	}

	public Long getId() {
		return id;
	}

	public Indicator getIndicator() {
		return indicator;
	}

	public String getRegionCode() {
		return regionCode;
	}

	public long getDocumentId() {
		return documentId;
	}

	public Long getGoalId() {
		return goalId;
	}

	public Comparator getComparator() {
		return comparator;
	}

	public BigDecimal getValue() {
		return value;
	}

	public BigDecimal getValueMax() {
		return valueMax;
	}

	public BigDecimal getTolerance() {
		return tolerance;
	}

	public String getUnit() {
		return unit;
	}

	public BigDecimal getBaselineValue() {
		return baselineValue;
	}

	public Integer getBaselineYear() {
		return baselineYear;
	}

	public int getDeadlineYear() {
		return deadlineYear;
	}

	public boolean isIncrement() {
		return increment;
	}

	public Long getLeadDepartmentId() {
		return leadDepartmentId;
	}

	public Set<Long> getCooperatingDepartmentIds() {
		return cooperatingDepartmentIds;
	}

	public List<Milestone> getMilestones() {
		return milestones;
	}

	public Long getParentTargetId() {
		return parentTargetId;
	}

	public String getQuote() {
		return quote;
	}

	public long getVersion() {
		return version;
	}

}

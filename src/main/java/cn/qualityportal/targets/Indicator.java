package cn.qualityportal.targets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A reusable metric definition (指标): what is measured, in which unit, and which way is better. */
@Entity
class Indicator {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	@Enumerated(EnumType.STRING)
	private GoalArea category;

	private String unit;

	@Enumerated(EnumType.STRING)
	private ValueType valueType;

	@Enumerated(EnumType.STRING)
	private Direction direction;

	@Enumerated(EnumType.STRING)
	private Aggregation aggregation;

	@Enumerated(EnumType.STRING)
	private ReportingFrequency reportingFrequency = ReportingFrequency.ANNUAL;

	/** Decimals its figures are shown with; null: the default of its value type. */
	private Integer decimals;

	private String definition;

	private String numeratorDefinition;

	private String denominatorDefinition;

	private Long supplierDepartmentId;

	private boolean active = true;

	@Version
	@Column(nullable = false)
	private long version;

	protected Indicator() {
	}

	Indicator(String code) {
		this.code = code;
	}

	void update(IndicatorForm form) {
		this.name = form.name().strip();
		this.category = form.category();
		this.unit = form.unit() == null ? "" : form.unit().strip();
		this.valueType = form.valueType();
		this.direction = form.direction();
		this.aggregation = form.aggregation();
		this.reportingFrequency = form.reportingFrequency() == null ? ReportingFrequency.ANNUAL : form.reportingFrequency();
		this.definition = blankToNull(form.definition());
		this.numeratorDefinition = blankToNull(form.numeratorDefinition());
		this.denominatorDefinition = blankToNull(form.denominatorDefinition());
		this.supplierDepartmentId = form.supplierDepartmentId();
		this.decimals = form.decimals();
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	public Long getId() {
		return id;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public GoalArea getCategory() {
		return category;
	}

	public String getUnit() {
		return unit;
	}

	public ValueType getValueType() {
		return valueType;
	}

	public Direction getDirection() {
		return direction;
	}

	public Aggregation getAggregation() {
		return aggregation;
	}

	public ReportingFrequency getReportingFrequency() {
		return reportingFrequency;
	}

	public Integer getDecimals() {
		return decimals;
	}

	public String getDefinition() {
		return definition;
	}

	public String getNumeratorDefinition() {
		return numeratorDefinition;
	}

	public String getDenominatorDefinition() {
		return denominatorDefinition;
	}

	public Long getSupplierDepartmentId() {
		return supplierDepartmentId;
	}

	public boolean isActive() {
		return active;
	}

	public long getVersion() {
		return version;
	}


	/** What the audit trail records of it. */
	java.util.Map<String, Object> state() {
		java.util.Map<String, Object> state = new java.util.LinkedHashMap<>();
		state.put("code", getCode());
		state.put("name", getName());
		state.put("category", getCategory());
		state.put("unit", getUnit());
		state.put("valueType", getValueType());
		state.put("direction", getDirection());
		state.put("aggregation", getAggregation());
		state.put("reportingFrequency", getReportingFrequency());
		state.put("supplierDepartmentId", getSupplierDepartmentId());
		state.put("active", isActive());
		return state;
	}

}

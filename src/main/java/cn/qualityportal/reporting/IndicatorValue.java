package cn.qualityportal.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A figure one region reported for one indicator and period, with where it stands in review. */
@Entity
class IndicatorValue {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long indicatorId;

	private String regionCode;

	private long periodId;

	private BigDecimal value;

	private BigDecimal numerator;

	private BigDecimal denominator;

	private String note;

	@Enumerated(EnumType.STRING)
	private ValueStatus status = ValueStatus.DRAFT;

	private String returnReason;

	private String updatedBy;

	/** Who submitted it (填报人), set by the figure's trigger when it is submitted (V85); never written from here. */
	@Column(insertable = false, updatable = false)
	private String submittedBy;

	/** When a reviewer last returned this figure, why, and what it held then (null if never returned). */
	private Instant returnedAt;

	private String returnedReason;

	private BigDecimal returnedValue;

	private BigDecimal returnedNumerator;

	private BigDecimal returnedDenominator;

	private String returnedNote;

	private Instant updatedAt = Instant.now();

	@Version
	@Column(nullable = false)
	private long version;

	protected IndicatorValue() {
	}

	IndicatorValue(long indicatorId, String regionCode, long periodId) {
		this.indicatorId = indicatorId;
		this.regionCode = regionCode;
		this.periodId = periodId;
	}

	void edit(BigDecimal value, BigDecimal numerator, BigDecimal denominator, String note, String by) {
		this.value = value;
		this.numerator = numerator;
		this.denominator = denominator;
		this.note = note;
		touched(by);
	}

	/** Whether these are already the figures held, so saving them again changes nothing. */
	boolean holds(BigDecimal value, BigDecimal numerator, BigDecimal denominator, String note) {
		return same(this.value, value) && same(this.numerator, numerator) && same(this.denominator, denominator)
				&& java.util.Objects.equals(this.note, note);
	}

	private static boolean same(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	void moveTo(ValueStatus status, String returnReason, String by) {
		this.status = status;
		this.returnReason = returnReason;
		touched(by);
		if (status == ValueStatus.RETURNED) {
			returnedAt = updatedAt;
			returnedReason = returnReason;
			returnedValue = value;
			returnedNumerator = numerator;
			returnedDenominator = denominator;
			returnedNote = note;
		}
	}

	/** Returned, and holding exactly what it held when returned: resubmitting it needs a new note. */
	boolean unchangedSinceReturn() {
		return status == ValueStatus.RETURNED && returnedAt != null
				&& holds(returnedValue, returnedNumerator, returnedDenominator, returnedNote);
	}

	private void touched(String by) {
		this.updatedBy = by;
		this.updatedAt = Instant.now();
	}

	/** What the audit trail keeps of this figure. */
	Map<String, Object> state() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("value", value);
		state.put("numerator", numerator);
		state.put("denominator", denominator);
		state.put("note", note);
		state.put("status", status);
		state.put("version", version);
		return state;
	}

	public Long getId() {
		return id;
	}

	public long getIndicatorId() {
		return indicatorId;
	}

	public String getRegionCode() {
		return regionCode;
	}

	public long getPeriodId() {
		return periodId;
	}

	public BigDecimal getValue() {
		return value;
	}

	public BigDecimal getNumerator() {
		return numerator;
	}

	public BigDecimal getDenominator() {
		return denominator;
	}

	public String getNote() {
		return note;
	}

	public ValueStatus getStatus() {
		return status;
	}

	public String getReturnReason() {
		return returnReason;
	}

	public String getUpdatedBy() {
		return updatedBy;
	}

	/** Who submitted it; for a figure submitted before V85 recorded it, whoever last changed it. */
	public String getSubmittedBy() {
		return submittedBy != null ? submittedBy : updatedBy;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public long getVersion() {
		return version;
	}

}

package cn.qualityportal.targets;

import java.math.BigDecimal;

/** What kind of number an indicator is, and the values it may take. */
public enum ValueType {

	RATE(BigDecimal.ZERO, BigDecimal.valueOf(100), false), PER_MILLE(BigDecimal.ZERO, BigDecimal.valueOf(1000), false),
	COUNT(BigDecimal.ZERO, null, true), AMOUNT(null, null, false), INDEX(null, null, false),
	YES_NO(BigDecimal.ZERO, BigDecimal.ONE, true);

	private final BigDecimal min;

	private final BigDecimal max;

	private final boolean whole;

	ValueType(BigDecimal min, BigDecimal max, boolean whole) {
		this.min = min;
		this.max = max;
		this.whole = whole;
	}

	/** Decimals shown when the indicator declares none: 1 for %, 0 for counts and yes/no, else 2. */
	public int defaultDecimals() {
		return switch (this) {
			case RATE -> 1;
			case COUNT, YES_NO -> 0;
			case PER_MILLE, AMOUNT, INDEX -> 2;
		};
	}

	/** The message key of the first rule {@code value} breaks, or null. */
	public String violation(BigDecimal value) {
		if (value == null) {
			return null;
		}
		if (min != null && value.compareTo(min) < 0 || max != null && value.compareTo(max) > 0) {
			return "validation.value.range." + name();
		}
		if (whole && value.stripTrailingZeros().scale() > 0) {
			return "validation.value.whole";
		}
		return null;
	}

}

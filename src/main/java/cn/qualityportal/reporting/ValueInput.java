package cn.qualityportal.reporting;

import java.math.BigDecimal;

/**
 * A figure as a reporter enters it: either {@code value} or, for rates, {@code numerator} and
 * {@code denominator} (the value is then computed). {@code period} is empty for the annual period,
 * else H1/H2 or Q1…Q4. {@code version} is the one the reporter saw; null only for a new figure.
 */
record ValueInput(String indicatorCode, String regionCode, Integer year, String period, BigDecimal value,
		BigDecimal numerator, BigDecimal denominator, String note, Long version) {

	PeriodKind kind() {
		if (period == null || period.isBlank()) {
			return PeriodKind.ANNUAL;
		}
		return period.toUpperCase().startsWith("H") ? PeriodKind.HALF_YEARLY : PeriodKind.QUARTERLY;
	}

	int number() {
		if (period == null || period.isBlank()) {
			return 0;
		}
		try {
			return Integer.parseInt(period.strip().substring(1));
		}
		catch (NumberFormatException | StringIndexOutOfBoundsException ex) {
			return -1;
		}
	}

}

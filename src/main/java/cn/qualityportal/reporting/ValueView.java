package cn.qualityportal.reporting;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reported figure as the API shows it (exact); pages show {@code value} with {@code decimals}, the
 * indicator's declared precision ({@code @figures}).
 */
record ValueView(long id, String indicatorCode, String indicatorName, String unit, String regionCode, String regionName,
		int year, String period, BigDecimal value, BigDecimal numerator, BigDecimal denominator, String note,
		ValueStatus status, String returnReason, String updatedBy, Instant updatedAt, long version, int evidenceCount,
		int decimals, String updatedByName, boolean awaitingAcceptance) {

	/** The status as people are told it: approved and waiting for acceptance reads so (两级审核), not plain 已审核. */
	public String statusKey() {
		return awaitingAcceptance ? "valueStatus.APPROVED_AWAITING" : "valueStatus." + status;
	}

	static String periodLabel(PeriodKind kind, int number) {
		return switch (kind) {
			case ANNUAL -> "";
			case HALF_YEARLY -> "H" + number;
			case QUARTERLY -> "Q" + number;
		};
	}

}

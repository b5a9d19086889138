package cn.qualityportal.reporting;

/**
 * The office reopened a closed reporting period (with a recorded reason): its year may no longer be
 * the default judged year. The counterpart of {@link PeriodClosed}.
 */
public record PeriodReopened(long periodId, int year, String kind, int number) {
}

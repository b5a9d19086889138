package cn.qualityportal.reporting;

/**
 * The office opened a reporting period; while no period is closed the newest year is the default
 * judged year. The counterpart of {@link PeriodClosed}.
 */
public record PeriodOpened(long periodId, int year, String kind, int number) {
}

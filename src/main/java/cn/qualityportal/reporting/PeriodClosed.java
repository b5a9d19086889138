package cn.qualityportal.reporting;

/**
 * The office closed a reporting period: its figures are final and, for an annual period, its year
 * may now be the judged year dashboards open with. Published after the change, handled by the
 * modules that react (progress keeps that judged year's statuses materialised).
 */
public record PeriodClosed(long periodId, int year, String kind, int number) {
}

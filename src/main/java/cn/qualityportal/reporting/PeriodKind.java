package cn.qualityportal.reporting;

/** How often an indicator is reported: yearly by default, or by half-year or quarter. */
public enum PeriodKind {

	ANNUAL, HALF_YEARLY, QUARTERLY

}

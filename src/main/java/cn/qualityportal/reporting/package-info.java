/**
 * Reporting: the periods the office opens, the figures each region reports for an indicator and
 * period, and their review (draft → submitted → approved, or returned with a reason). Every change
 * and transition is written to the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting", allowedDependencies = { "targets", "organisation", "audit", "spreadsheets", "security", "system" })
@cn.qualityportal.DatabaseObjects(owns = { "reporting_period", "indicator_value", "value_evidence", "reporting_obligation_source", "indicator_value_facts" },
		publishes = { "reporting_obligation", "reporting_obligation_unit", "reported_figure", "reporting_year" })
package cn.qualityportal.reporting;

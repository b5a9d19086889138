/**
 * Reporting: the periods the office opens, the figures each region reports for an indicator and
 * period, and their review (draft → submitted → approved, or returned with a reason). Every change
 * and transition is written to the audit trail.
 *
 * <p>Owns: {@code reporting_period}, {@code indicator_value}, {@code value_evidence},
 * {@code reporting_obligation_source}, {@code indicator_value_facts}, {@code review_setting},
 * {@code value_comment}.
 * <p>Publishes: {@code reporting_obligation}, {@code reporting_obligation_unit},
 * {@code reported_figure}, {@code reporting_year}, {@code reporting_window}, {@code value_standing} (which figures are final: the
 * one rule of two-level review).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting", allowedDependencies = { "targets", "organisation", "audit", "spreadsheets", "security", "system" })
package cn.qualityportal.reporting;

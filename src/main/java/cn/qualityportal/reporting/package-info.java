/**
 * Reporting: the periods the office opens, the figures each region reports for an indicator and
 * period, and their review (draft → submitted → approved, or returned with a reason). Every change
 * and transition is written to the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package cn.qualityportal.reporting;

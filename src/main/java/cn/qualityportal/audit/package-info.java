/**
 * The append-only audit trail: who changed what, when, from which address, the old and new state
 * and the reason. Modules record through {@link cn.qualityportal.audit.AuditTrail}; PostgreSQL
 * refuses to update or delete its rows (a trigger), whoever asks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = { "spreadsheets" })
@cn.qualityportal.DatabaseObjects(owns = { "audit_log", "audit_log_is_append_only" },
		publishes = { "audit_history" })
package cn.qualityportal.audit;

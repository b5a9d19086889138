/**
 * The append-only audit trail: who changed what, when, from which address, the old and new state
 * and the reason. Modules record through {@link cn.qualityportal.audit.AuditTrail}; PostgreSQL
 * refuses to update or delete its rows (a trigger), whoever asks.
 *
 * <p>Owns: {@code audit_log}, {@code audit_log_is_append_only}.
 * <p>Publishes: {@code audit_history}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = { "spreadsheets" })
package cn.qualityportal.audit;

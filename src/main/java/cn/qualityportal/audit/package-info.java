/**
 * The append-only audit trail: who changed what, when, from which address, the old and new state
 * and the reason. Modules record through {@link cn.qualityportal.audit.AuditTrail}; PostgreSQL
 * refuses to update or delete its rows (a trigger), whoever asks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package cn.qualityportal.audit;

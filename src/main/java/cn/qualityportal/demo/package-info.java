/**
 * Demo data for trying every role: 防城港市 and its four county-level units, their departments,
 * the city's real 2017 decision (防政发〔2017〕14号) with its goals and targets, its parents, a
 * district plan implementing it, and one account per role. Loaded once, by default only in the
 * zero-setup mode; nothing depends on this module.
 *
 * <p>Loads fixtures: it inserts demo rows into other modules' tables, as a migration would, and
 * nothing reads through it; its SQL is not checked against table ownership, except that it never
 * names the audit trail's tables: its changes are recorded through {@code audit.AuditTrail}, the
 * trail's only writer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data", allowedDependencies = { "audit" })
package cn.qualityportal.demo;

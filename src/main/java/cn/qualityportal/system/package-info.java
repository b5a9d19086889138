/**
 * The shell every page lives in: home page, layout, languages, error pages, and the embedded
 * PostgreSQL of the zero-setup mode ({@code system.database}). Nothing here knows the domain.
 *
 * <p>Owns: {@code shedlock}, {@code database_backup}, {@code event_publication} (Spring Modulith's registry of
 * events between modules, until each listener completed).
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", allowedDependencies = { "audit" })
package cn.qualityportal.system;

/**
 * The shell every page lives in: home page, layout, languages, error pages, and the embedded
 * PostgreSQL of the zero-setup mode ({@code system.database}). Nothing here knows the domain.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", allowedDependencies = { "audit" })
@cn.qualityportal.DatabaseObjects(owns = { "shedlock", "database_backup" })
package cn.qualityportal.system;

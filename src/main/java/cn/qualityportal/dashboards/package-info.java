/**
 * Dashboards for leadership and the office: the overview (landing page of LEADER and OFFICE), and
 * the region, department, document and indicator pages, each chart with a table of the same
 * numbers beside it, printable and exportable to xlsx; plus the annual report (HTML and PDF).
 * Read models only: nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboards", allowedDependencies = { "progress", "assessment", "publication", "reporting", "documents", "targets", "organisation", "spreadsheets", "security", "system" })
package cn.qualityportal.dashboards;

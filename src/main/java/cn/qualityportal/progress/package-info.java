/**
 * Progress: how each target is going. The rules ({@link cn.qualityportal.progress.ProgressRules}:
 * met or not, forecast to the deadline, status and its explanation), the roll-up of district
 * figures into city figures, and the materialised statuses that dashboards and the API read. It
 * reads the tables of targets and reporting with set-based SQL and writes only its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Progress", allowedDependencies = { "targets", "organisation", "system" })
@cn.qualityportal.DatabaseObjects(owns = { "progress_change", "progress_freshness", "target_progress", "progress_changed", "progress_milestone_changed", "progress_indicator_changed", "progress_tree_changed", "progress_document_changed" },
		publishes = { "progress_version" })
package cn.qualityportal.progress;

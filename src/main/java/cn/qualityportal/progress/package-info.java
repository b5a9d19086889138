/**
 * Progress: how each target is going. The rules ({@link cn.qualityportal.progress.ProgressRules}:
 * met or not, forecast to the deadline, status and its explanation), the roll-up of district
 * figures into city figures, and the materialised statuses that dashboards and the API read. It
 * reads what targets, reporting and organisation publish (target_term, reported_figure,
 * region_directory …) with set-based SQL and writes only its own tables; it reacts to reporting's
 * period events ({@code PeriodClosed} …) with {@link cn.qualityportal.progress.JudgedYears}.
 *
 * <p>Owns: {@code progress_change}, {@code progress_freshness}, {@code target_progress},
 * {@code progress_changed}, {@code progress_milestone_changed}, {@code progress_indicator_changed},
 * {@code progress_tree_changed}, {@code progress_document_changed}, {@code progress_materialised},
 * {@code progress_obligation}, {@code progress_region_change}.
 * <p>Publishes: {@code progress_version}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Progress", allowedDependencies = { "reporting", "targets", "documents", "organisation", "system" })
package cn.qualityportal.progress;

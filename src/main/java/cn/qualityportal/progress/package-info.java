/**
 * Progress: how each target is going. The rules ({@link cn.qualityportal.progress.ProgressRules}:
 * met or not, forecast to the deadline, status and its explanation), the roll-up of district
 * figures into city figures, and the materialised statuses that dashboards and the API read. It
 * reads the tables of targets and reporting with set-based SQL and writes only its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Progress")
package cn.qualityportal.progress;

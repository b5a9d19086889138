/**
 * What the documents commit to: goals (目标), reusable indicators (指标), targets (目标值) with
 * yearly milestones and their cascade to districts, and qualitative tasks (重点任务). Reads go
 * through the reader's data scope; the leading-group office writes within its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Targets", allowedDependencies = { "extraction", "documents", "organisation", "audit", "system" })
@cn.qualityportal.DatabaseObjects(owns = { "goal", "indicator", "target", "target_cooperating_department", "milestone", "task", "task_cooperating_department", "task_note", "consistency_acknowledgement", "extraction_candidate" },
		publishes = { "target_term", "target_milestone", "target_cooperation", "department_task", "indicator_directory", "goal_directory", "counted_target" })
package cn.qualityportal.targets;

/**
 * What the documents commit to: goals (目标), reusable indicators (指标), targets (目标值) with
 * yearly milestones and their cascade to districts, and qualitative tasks (重点任务). Reads go
 * through the reader's data scope; the leading-group office writes within its own.
 *
 * <p>Owns: {@code goal}, {@code indicator}, {@code target}, {@code target_cooperating_department},
 * {@code milestone}, {@code task}, {@code task_cooperating_department}, {@code task_note},
 * {@code consistency_acknowledgement}, {@code extraction_candidate}.
 * <p>Publishes: {@code target_term}, {@code target_milestone}, {@code target_cooperation},
 * {@code department_task}, {@code indicator_directory}, {@code goal_directory},
 * {@code counted_target}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Targets", allowedDependencies = { "extraction", "documents", "organisation", "audit", "system" })
package cn.qualityportal.targets;

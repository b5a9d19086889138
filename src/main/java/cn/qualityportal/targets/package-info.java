/**
 * What the documents commit to: goals (目标), reusable indicators (指标), targets (目标值) with
 * yearly milestones and their cascade to districts, and qualitative tasks (重点任务). Reads go
 * through the reader's data scope; the leading-group office writes within its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Targets")
package cn.qualityportal.targets;

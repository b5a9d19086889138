/**
 * The work that comes to a person: the to-do list (待办) with its badges in the navigation, the
 * notification centre (站内消息), the office's announcements (通知公告) and reminders of late
 * reporting (催报), in the portal and by e-mail. What is due is read from the reporting module's
 * read model ({@code reporting_obligation_unit}), never decided here: a dependency on reporting that
 * exists only in SQL, declared all the same.
 *
 * <p>Owns: {@code announcement}, {@code notification}, {@code notification_setting}, {@code reminder},
 * {@code reminder_digest}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work list and notifications", allowedDependencies = { "organisation", "reporting", "security", "audit", "system" })
package cn.qualityportal.worklist;

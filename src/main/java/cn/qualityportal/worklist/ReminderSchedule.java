package cn.qualityportal.worklist;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When reminders go out by themselves: daily for periods due soon or overdue, weekly the office's
 * digest, both in Beijing time and each on one instance only (ShedLock's lock row, as the audit
 * retention job; a second instance finds the lock taken and skips the run). Sending twice is
 * refused by the database anyway ({@code reminder}'s unique indexes, {@code reminder_digest}).
 */
@Component
class ReminderSchedule {

	private final Reminders reminders;

	ReminderSchedule(Reminders reminders) {
		this.reminders = reminders;
	}

	@Scheduled(cron = "${portal.reminders.cron:0 0 8 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "reminders", lockAtLeastFor = "PT1M")
	public void remindDue() {
		reminders.remindDue(Reminders.today());
	}

	@Scheduled(cron = "${portal.reminders.digest-cron:0 30 8 * * MON}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "reminder-digest", lockAtLeastFor = "PT1M")
	public void digest() {
		reminders.digest(Reminders.today());
	}

}

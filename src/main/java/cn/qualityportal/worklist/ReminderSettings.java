package cn.qualityportal.worklist;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminders (催报) and the links in notifications and e-mails.
 *
 * @param daysBefore reporters (and their reviewers) are reminded this many days before a period's due date,
 *        and the to-do list shows the period as closing soon from then on
 * @param baseUrl the portal's address as users reach it, for the links in e-mails
 * @param mailFrom sender of the e-mails (SMTP itself is {@code spring.mail.*})
 */
@ConfigurationProperties("portal.reminders")
record ReminderSettings(@DefaultValue("7") int daysBefore, @DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("portal@localhost") String mailFrom) {

	ReminderSettings {
		if (daysBefore < 0 || daysBefore > 365) {
			throw new IllegalArgumentException("portal.reminders.days-before must lie between 0 and 365: " + daysBefore);
		}
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

}

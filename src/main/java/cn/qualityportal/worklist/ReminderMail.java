package cn.qualityportal.worklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends notifications by e-mail when SMTP is configured ({@code spring.mail.host}; without it there
 * is no {@link JavaMailSender} and nothing is sent): one message per recipient with an address in
 * {@code notification_setting}, in Chinese, listing each notification with its link on the portal
 * ({@code portal.reminders.base-url}). Called after the notifications were committed; a notification
 * mailed is marked, so it is never mailed twice, and one that failed stays in the portal.
 */
@Component
class ReminderMail {

	private static final Logger log = LoggerFactory.getLogger(ReminderMail.class);

	/** Reminders are written in Chinese, the offices' language, whatever the reader's page language. */
	static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

	private final ObjectProvider<JavaMailSender> sender;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final ReminderSettings settings;

	ReminderMail(ObjectProvider<JavaMailSender> sender, JdbcClient jdbc, MessageSource messages, ReminderSettings settings) {
		this.sender = sender;
		this.jdbc = jdbc;
		this.messages = messages;
		this.settings = settings;
	}

	private record Line(long id, String email, String key, String[] args, String link) {
	}

	/** E-mails these notifications to their recipients who gave an address; the number of e-mails sent. */
	int send(List<Long> notifications) {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null || notifications.isEmpty()) {
			return 0;
		}
		Map<String, List<Line>> byAddress = new LinkedHashMap<>();
		jdbc.sql("""
				select n.id, s.email, n.message_key, n.arguments, n.link
				from notification n join notification_setting s on s.account_id = n.account_id and s.email is not null
				where n.id = any(:ids) and n.mailed_at is null and n.message_key is not null
				order by s.email, n.id""")
			.param("ids", notifications.toArray(Long[]::new))
			.query((rs, row) -> byAddress.computeIfAbsent(rs.getString("email"), email -> new ArrayList<>())
				.add(new Line(rs.getLong("id"), rs.getString("email"), rs.getString("message_key"),
						(String[]) rs.getArray("arguments").getArray(), rs.getString("link"))))
			.list();
		int sent = 0;
		List<Long> mailed = new ArrayList<>();
		for (Map.Entry<String, List<Line>> recipient : byAddress.entrySet()) {
			try {
				var message = mail.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
				helper.setFrom(settings.mailFrom());
				helper.setTo(recipient.getKey());
				List<Line> lines = recipient.getValue();
				helper.setSubject(lines.size() == 1 ? text(lines.get(0), ".title")
						: messages.getMessage("reminder.mail.subject", new Object[] { lines.size() }, LANGUAGE));
				helper.setText(body(lines), false);
				mail.send(message);
				lines.forEach(line -> mailed.add(line.id()));
				sent++;
			}
			catch (MessagingException | MailException failure) {
				log.warn("Reminder e-mail to {} not sent: {}", recipient.getKey(), failure.getMessage());
			}
		}
		if (!mailed.isEmpty()) {
			jdbc.sql("update notification set mailed_at = now() where id = any(:ids)")
				.param("ids", mailed.toArray(Long[]::new))
				.update();
		}
		return sent;
	}

	private String body(List<Line> lines) {
		StringBuilder body = new StringBuilder(messages.getMessage("reminder.mail.greeting", null, LANGUAGE)).append("\n\n");
		for (Line line : lines) {
			body.append(text(line, ".title")).append('\n').append(text(line, ".body")).append('\n');
			if (line.link() != null) {
				body.append(settings.baseUrl()).append(line.link()).append('\n');
			}
			body.append('\n');
		}
		return body.append(messages.getMessage("reminder.mail.footer", new Object[] { settings.baseUrl() + "/notifications" },
				LANGUAGE)).toString();
	}

	private String text(Line line, String part) {
		return messages.getMessage(line.key() + part, NotificationText.arguments(line.args(), messages, LANGUAGE), LANGUAGE);
	}

}

package cn.qualityportal.worklist;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.qualityportal.audit.AuditTrail;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification centre's store (站内消息): a person's messages, newest first, read or unread.
 * Every query names the account, so nobody reads or marks another person's messages.
 */
@Service
class Notifications {

	static final int PAGE_SIZE = 20;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Notifications(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * One message: a system message as its key and arguments (shown in the reader's language), an
	 * announcement as the office wrote it.
	 */
	record NotificationView(long id, String kind, String messageKey, String[] arguments, String title, String body,
			String publishedBy, String link, Instant createdAt, boolean read) {
	}

	@Transactional(readOnly = true)
	Page<NotificationView> page(long account, boolean unreadOnly, int page) {
		int number = Math.max(0, Math.min(page, 10_000));
		String unread = unreadOnly ? " and n.read_at is null" : "";
		long[] total = { -1 };
		List<NotificationView> rows = jdbc.sql("""
				select n.id, n.kind, n.message_key, n.arguments, a.title, a.body, a.published_by, n.link, n.created_at,
				       n.read_at is not null as read, count(*) over () as total
				from notification n left join announcement a on a.id = n.announcement_id
				where n.account_id = :account""" + unread + """

				order by n.created_at desc, n.id desc
				limit :size offset :offset""")
			.param("account", account)
			.param("size", PAGE_SIZE)
			.param("offset", number * PAGE_SIZE)
			.query((rs, row) -> {
				total[0] = rs.getLong("total");
				return new NotificationView(rs.getLong("id"), rs.getString("kind"), rs.getString("message_key"),
					rs.getArray("arguments") == null ? null : (String[]) rs.getArray("arguments").getArray(),
					rs.getString("title"), rs.getString("body"), rs.getString("published_by"), rs.getString("link"),
					rs.getTimestamp("created_at").toInstant(), rs.getBoolean("read"));
			})
			.list();
		return new PageImpl<>(rows, PageRequest.of(number, PAGE_SIZE), rows.isEmpty() ? count(account, unreadOnly) : total[0]);
	}

	/** Past the last page the window count is not there: ask once. */
	private long count(long account, boolean unreadOnly) {
		return jdbc.sql("select count(*) from notification where account_id = :account"
				+ (unreadOnly ? " and read_at is null" : "")).param("account", account).query(Long.class).single();
	}

	/** Marks one of the account's messages read; its link, or null when it is not the account's. */
	@Transactional
	String markRead(long account, long id) {
		return jdbc.sql("""
				update notification set read_at = coalesce(read_at, now()) where id = :id and account_id = :account
				returning coalesce(link, '')""")
			.param("id", id)
			.param("account", account)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** Marks every unread message of the account read; how many. */
	@Transactional
	int markAllRead(long account) {
		return jdbc.sql("update notification set read_at = now() where account_id = :account and read_at is null")
			.param("account", account)
			.update();
	}

	@Transactional(readOnly = true)
	String email(long account) {
		return jdbc.sql("select email from notification_setting where account_id = :account")
			.param("account", account)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** The address reminders are e-mailed to (none when blank); audited as a change of the account's settings. */
	@Transactional
	void setEmail(long account, String username, String email) {
		String before = email(account);
		String after = email == null || email.isBlank() ? null : email.strip();
		if (java.util.Objects.equals(before, after)) {
			return;
		}
		jdbc.sql("""
				insert into notification_setting (account_id, email) values (:account, :email)
				on conflict (account_id) do update set email = excluded.email, version = notification_setting.version + 1""")
			.param("account", account)
			.param("email", after)
			.update();
		audit.record(username, "notification_setting", account, "UPDATE", before == null ? Map.of() : Map.of("email", before),
				after == null ? Map.of() : Map.of("email", after), null);
	}

}

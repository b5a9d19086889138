package cn.qualityportal.worklist;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.organisation.DataScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 催报: reminds the units (a department of a region) that still owe figures of an open period, in
 * the portal and by e-mail, and records every reminder ({@code reminder}, and the audit trail).
 * What a unit owes is the reporting module's read model {@code reporting_obligation_unit}, the same
 * as completeness reads: a figure missing, a draft or returned is outstanding.
 *
 * <p>Everything is set-based: one statement finds and records the units to remind (a unique index
 * refuses a second scheduled reminder of the same unit, period and kind, and a second manual one the
 * same day), one delivers the notifications to the unit's reporters and to the reviewers whose scope
 * covers its region, one counts them; e-mails go out after the commit ({@link ReminderMail}).
 */
@Service
public class Reminders {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	/** The outstanding figures per unit and open period with a due date: missing, draft or returned. */
	private static final String OUTSTANDING = """
			select o.period_id, o.region_code, o.department_id, p.due_on, count(*) as outstanding
			from reporting_obligation_unit o
			join reporting_window p on p.id = o.period_id and p.open
			left join reported_figure v on v.indicator_id = o.indicator_id and v.region_code = o.region_code
			     and v.period_id = o.period_id
			where (v.id is null or v.status in ('DRAFT', 'RETURNED'))""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AuditTrail audit;

	private final ReminderMail mail;

	private final ReminderSettings settings;

	Reminders(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit, ReminderMail mail,
			ReminderSettings settings) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.audit = audit;
		this.mail = mail;
		this.settings = settings;
	}

	/** What one sending did: reminders recorded, notifications delivered, e-mails sent. */
	public record Sent(int reminders, int notifications, int mails) {
	}

	static LocalDate today() {
		return LocalDate.now(BEIJING);
	}

	/**
	 * The scheduled run: every unit owing figures of an open period due within
	 * {@code portal.reminders.days-before} days (DUE_SOON) or overdue (OVERDUE), once per unit, period
	 * and kind.
	 */
	public Sent remindDue(LocalDate today) {
		return send("""
				select period_id, region_code, department_id,
				       case when due_on < :today then 'OVERDUE' else 'DUE_SOON' end as kind, outstanding
				from (""" + OUTSTANDING + """
				 and p.due_on <= :soon
				group by o.period_id, o.region_code, o.department_id, p.due_on) owed""",
				Map.of("soon", today.plusDays(settings.daysBefore())), "system", "SCHEDULED", today);
	}

	/** The office's 催报 of one unit of a period: refused outside its scope; at most once a day. */
	public Sent chase(long periodId, String regionCode, long departmentId, String actor, DataScope scope, LocalDate today) {
		if (!scope.covers(regionCode)) {
			throw new cn.qualityportal.system.Refusal(org.springframework.http.HttpStatus.NOT_FOUND, "error.404.detail");
		}
		return send(manual(" and o.region_code = :region and o.department_id = :department"),
				Map.of("period", periodId, "region", regionCode, "department", departmentId), actor, "MANUAL", today);
	}

	/** The office's 催报 of every unit in its scope that still owes figures of the period. */
	public Sent chaseAll(long periodId, String actor, DataScope scope, LocalDate today) {
		if (scope.everything()) {
			return send(manual(""), Map.of("period", periodId), actor, "MANUAL_ALL", today);
		}
		return send(manual(" and o.region_code = any(:regions)"),
				Map.of("period", periodId, "regions", scope.writableArray()), actor, "MANUAL_ALL", today);
	}

	private static String manual(String filter) {
		return "select period_id, region_code, department_id, 'MANUAL' as kind, outstanding from (" + OUTSTANDING
				+ " and o.period_id = :period" + filter
				+ " group by o.period_id, o.region_code, o.department_id, p.due_on) owed";
	}

	/** An open period (with its due date) the office may chase. */
	public record OpenPeriod(long id, int year, String kind, int number, LocalDate dueOn) {
	}

	public List<OpenPeriod> openPeriods() {
		return jdbc.sql("""
				select id, year, kind, number, due_on from reporting_window where open
				order by due_on nulls last, year desc, kind, number""")
			.query((rs, row) -> new OpenPeriod(rs.getLong("id"), rs.getInt("year"), rs.getString("kind"), rs.getInt("number"),
					rs.getObject("due_on", LocalDate.class)))
			.list();
	}

	/** Units of a period in the scope that still owe figures, with what was sent to them: the office's 催报 page. */
	public record LateUnit(String regionCode, String regionName, long departmentId, String departmentName, int outstanding,
			java.time.Instant lastReminded, String lastKind) {
	}

	public List<LateUnit> outstanding(long periodId, DataScope scope) {
		String inScope = scope.everything() ? "" : " and o.region_code = any(:regions)";
		var statement = jdbc.sql("""
				with owed as (""" + OUTSTANDING + " and o.period_id = :period" + inScope + """
				    group by o.period_id, o.region_code, o.department_id, p.due_on)
				select owed.region_code, r.name as region_name, owed.department_id, d.name as department_name, owed.outstanding,
				       last.sent_at, last.kind
				from owed
				join region_directory r on r.code = owed.region_code
				join department_directory d on d.id = owed.department_id
				left join lateral (select m.sent_at, m.kind from reminder m
				                   where m.period_id = owed.period_id and m.region_code = owed.region_code
				                     and m.department_id = owed.department_id
				                   order by m.sent_at desc, m.id desc limit 1) last on true
				order by owed.outstanding desc, owed.region_code, d.name
				limit 5000""").param("period", periodId);
		if (!scope.everything()) {
			statement = statement.param("regions", scope.writableArray());
		}
		return statement.query((rs, row) -> new LateUnit(rs.getString("region_code"), rs.getString("region_name"),
				rs.getLong("department_id"), rs.getString("department_name"), rs.getInt("outstanding"),
				rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(), rs.getString("kind")))
			.list();
	}

	/** Reminders sent for a period to units in the scope, newest first. */
	public record SentReminder(java.time.Instant sentAt, String kind, String sentBy, String regionName, String departmentName,
			int outstanding, int recipients, int mails) {
	}

	public List<SentReminder> sent(long periodId, DataScope scope) {
		String inScope = scope.everything() ? "" : " and m.region_code = any(:regions)";
		var statement = jdbc.sql("""
				select m.sent_at, m.kind, person_name(m.sent_by) as sent_by, r.name as region_name, d.name as department_name, m.outstanding,
				       m.recipients, m.mails
				from reminder m join region_directory r on r.code = m.region_code
				join department_directory d on d.id = m.department_id
				where m.period_id = :period""" + inScope + """

				order by m.sent_at desc, m.id desc limit 200""").param("period", periodId);
		if (!scope.everything()) {
			statement = statement.param("regions", scope.writableArray());
		}
		return statement.query((rs, row) -> new SentReminder(rs.getTimestamp("sent_at").toInstant(), rs.getString("kind"),
				rs.getString("sent_by"), rs.getString("region_name"), rs.getString("department_name"), rs.getInt("outstanding"),
				rs.getInt("recipients"), rs.getInt("mails")))
			.list();
	}

	/**
	 * Records the candidates' reminders (those not sent before), delivers them and audits the sending
	 * in one transaction; then e-mails them.
	 */
	private Sent send(String candidates, Map<String, Object> params, String actor, String how, LocalDate today) {
		Map<String, Object> all = new LinkedHashMap<>(params);
		all.put("today", today);
		all.put("actor", actor);
		long started = System.nanoTime();
		Delivered delivered = transactions.execute(status -> {
			List<Long> reminders = jdbc.sql("""
					with candidates as (""" + candidates + """
					)
					insert into reminder (period_id, region_code, department_id, kind, sent_on, sent_by, outstanding)
					select period_id, region_code, department_id, kind, :today, :actor, outstanding from candidates
					on conflict do nothing
					returning id""").params(all).query(Long.class).list();
			if (reminders.isEmpty()) {
				return new Delivered(List.of(), List.of());
			}
			Long[] ids = reminders.toArray(Long[]::new);
			List<Long> notifications = deliver(ids);
			jdbc.sql("""
					update reminder m set recipients = n.recipients
					from (select reminder_id, count(*) as recipients from notification where reminder_id = any(:ids)
					      group by reminder_id) n
					where m.id = n.reminder_id""").param("ids", ids).update();
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("how", how);
			state.put("reminders", reminders.size());
			state.put("notifications", notifications.size());
			state.put("ids", reminders);
			audit.record(actor, "reminder", reminders.size() == 1 ? reminders.get(0) : null, "SEND", null, state, null);
			return new Delivered(reminders, notifications);
		});
		int mails = mail.send(delivered.notifications());
		if (mails > 0) {
			transactions.executeWithoutResult(status -> jdbc.sql("""
					update reminder m set mails = (select count(*) from notification n
					                               where n.reminder_id = m.id and n.mailed_at is not null)
					where m.id = any(:ids)""").param("ids", delivered.reminders().toArray(Long[]::new)).update());
		}
		if (!delivered.reminders().isEmpty()) {
			log.info("Reminders ({}): {} units reminded, {} notifications, {} e-mails in {} ms", how,
					delivered.reminders().size(), delivered.notifications().size(), mails, (System.nanoTime() - started) / 1_000_000);
		}
		return new Sent(delivered.reminders().size(), delivered.notifications().size(), mails);
	}

	private record Delivered(List<Long> reminders, List<Long> notifications) {
	}

	/**
	 * One notification per reminder and recipient: the unit's reporters (enabled, role REPORTER, of
	 * the department) lead to the grid; the reviewers whose scope covers the region (their region, or
	 * one above it when their scope includes the regions below) lead to completeness.
	 */
	private List<Long> deliver(Long[] reminders) {
		return jdbc.sql("""
				with reminded as (
				    select m.id, m.period_id, m.region_code, m.department_id, m.kind, m.outstanding,
				           p.year, p.kind as period_kind, p.number, p.due_on, r.name as region_name, d.name as department_name
				    from reminder m
				    join reporting_window p on p.id = m.period_id
				    join region_directory r on r.code = m.region_code
				    join department_directory d on d.id = m.department_id
				    where m.id = any(:ids)),
				-- Each reminded region with itself and every region above it (depth 0: the region itself).
				above (code, ancestor, depth) as (
				    select x.region_code, a.code, a.depth
				    from (select distinct region_code from reminded) x cross join lateral region_ancestry(x.region_code) a),
				recipients as (
				    select m.id as reminder_id, h.account_id, '/reporting?period=' || m.period_id as link
				    from reminded m
				    join role_holder h on h.department_id = m.department_id and h.role = 'REPORTER'
				    union
				    select m.id, h.account_id, '/reporting/completeness?period=' || m.period_id
				    from reminded m
				    join above u on u.code = m.region_code
				    join role_holder h on h.region_code = u.ancestor and h.role = 'REVIEWER' and (u.depth = 0 or h.subregions))
				insert into notification (account_id, kind, message_key, arguments, link, reminder_id)
				select distinct on (x.reminder_id, x.account_id) x.account_id, 'REMINDER', 'reminder.' || m.kind,
				       -- The period as people say it (2020年度, 2020年上半年, 2020年第二季度: NotificationText translates
				       -- reminder.period.*), and the unit named once: a department whose name already begins with its
				       -- region's (东兴市市场监督管理局) without the region before it.
				       array[m.year::text,
				             'reminder.period.' || case m.period_kind when 'HALF_YEARLY' then 'H' || m.number
				                                                      when 'QUARTERLY' then 'Q' || m.number else 'ANNUAL' end,
				             case when m.number = 0 then '' else m.number::text end,
				             case when starts_with(m.department_name, m.region_name) then '' else m.region_name end,
				             m.department_name, m.outstanding::text, coalesce(to_char(m.due_on, 'YYYY-MM-DD'), '')],
				       x.link, m.id
				from recipients x join reminded m on m.id = x.reminder_id
				order by x.reminder_id, x.account_id, x.link desc
				returning id""").param("ids", reminders).query(Long.class).list();
	}

	/**
	 * The office's weekly digest: to each office account, how many units in its scope still owe
	 * figures of an overdue open period, once per account and week (Monday of the week in Beijing).
	 */
	public Sent digest(LocalDate today) {
		LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<Long> notifications = transactions.execute(status -> {
			List<Long> ids = jdbc.sql("""
					with offices as (
					    select account_id, region_code, subregions from role_holder where role = 'OFFICE'),
					-- The regions each office may change: its own, and all below when its scope includes them.
					scope (account_id, code) as (
					    select account_id, region_code from offices where not subregions
					    union all
					    select o.account_id, s.code from offices o cross join lateral region_subtree(o.region_code) s
					    where o.subregions),
					late as (
					    select distinct o.region_code, o.department_id
					    from reporting_obligation_unit o
					    join reporting_window p on p.id = o.period_id and p.open and p.due_on < :today
					    left join reported_figure v on v.indicator_id = o.indicator_id and v.region_code = o.region_code
					         and v.period_id = o.period_id
					    where v.id is null or v.status in ('DRAFT', 'RETURNED')),
					counted as (
					    select s.account_id, count(*) as late_units from scope s join late l on l.region_code = s.code
					    group by s.account_id),
					digest as (
					    insert into reminder_digest (account_id, week_of, late_units)
					    select account_id, :week, late_units from counted
					    on conflict do nothing
					    returning account_id, late_units)
					insert into notification (account_id, kind, message_key, arguments, link)
					select account_id, 'DIGEST', 'reminder.DIGEST', array[late_units::text, to_char(cast(:week as date), 'YYYY-MM-DD')],
					       '/reminders'
					from digest
					returning id""").param("today", today).param("week", week).query(Long.class).list();
			if (!ids.isEmpty()) {
				audit.record("system", "reminder", null, "DIGEST", null, Map.of("week", week.toString(), "offices", ids.size()),
						null);
			}
			return ids;
		});
		int mails = mail.send(notifications);
		return new Sent(0, notifications.size(), mails);
	}

}

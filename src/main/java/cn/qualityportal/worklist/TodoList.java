package cn.qualityportal.worklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.qualityportal.security.PortalUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's to-do list and the counts of its badges: every {@link TodoKind} that applies to the
 * account's roles, put together in one statement, scoped on the server by the account's unit and
 * its place in the region tree. The badge counts and the unread notifications are one query, the
 * page is one more, however many kinds, periods or regions there are.
 */
@Service
public class TodoList {

	/**
	 * The account's writable regions ({@code Regions.scopeOf}: its region, and those below when its
	 * scope includes them) and what its own unit owes in the open periods (the read model
	 * {@code reporting_obligation_unit}, as the grid reads it).
	 */
	private static final String CONTEXT = """
			with recursive writable (code) as (
			    -- The account's region, and with its scope the regions below (organisation's one subtree query).
			    select s.code from region_subtree(cast(:region as varchar)) s
			    where :hasUnit and (:subregions or s.code = cast(:region as varchar))),
			unit_owed as (
			    select o.period_id, o.region_code, o.indicator_id, p.due_on, v.status
			    from reporting_obligation_unit o
			    join reporting_window p on p.id = o.period_id and p.open
			    left join reported_figure v on v.indicator_id = o.indicator_id and v.region_code = o.region_code
			         and v.period_id = o.period_id
			    where o.region_code = :region and o.department_id = :department)
			""";

	/** The unread notifications' count travels in the badge query under this name. */
	static final String UNREAD = "unread";

	private final JdbcClient jdbc;

	private final List<TodoKind> kinds;

	private final ReminderSettings settings;

	TodoList(JdbcClient jdbc, List<TodoKind> kinds, ReminderSettings settings) {
		this.jdbc = jdbc;
		this.kinds = kinds.stream().sorted(Comparator.comparingInt(TodoKind::order)).toList();
		this.settings = settings;
	}

	/** One line of the list: so many items of a kind in a period (and region), and where to do them. */
	public record Entry(String kind, Long periodId, Integer year, String periodKind, Integer periodNumber, LocalDate dueOn,
			String regionCode, String regionName, long items, String link) {

		/** Days until the period's due date, negative when overdue; null without one. */
		public Long daysLeft(LocalDate today) {
			return dueOn == null ? null : java.time.temporal.ChronoUnit.DAYS.between(today, dueOn);
		}

	}

	/** The badges: items per kind (only kinds that apply), the to-do total and unread notifications. */
	public record Badges(Map<String, Long> byKind, long todo, long unread) {
	}

	@Transactional(readOnly = true)
	public Badges badges(PortalUser user, LocalDate today) {
		List<TodoKind> applying = applying(user);
		StringBuilder sql = new StringBuilder(CONTEXT);
		for (TodoKind kind : applying) {
			sql.append("select '").append(kind.name()).append("' as kind, coalesce(sum(e.items), 0) as items from (")
				.append(kind.entries())
				.append(") e\nunion all\n");
		}
		sql.append("select '" + UNREAD + "', count(*) from notification where account_id = :account and read_at is null");
		Map<String, Long> counts = new LinkedHashMap<>();
		params(jdbc.sql(sql.toString()), user, today).query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
		long unread = counts.remove(UNREAD);
		long todo = applying.stream().filter(TodoKind::counted).mapToLong(kind -> counts.getOrDefault(kind.name(), 0L)).sum();
		return new Badges(counts, todo, unread);
	}

	@Transactional(readOnly = true)
	public List<Entry> entries(PortalUser user, LocalDate today) {
		List<TodoKind> applying = applying(user);
		if (applying.isEmpty()) {
			return List.of();
		}
		List<String> parts = new ArrayList<>();
		for (TodoKind kind : applying) {
			parts.add("select '" + kind.name() + "' as kind, " + kind.order() + " as position, k.period_id, "
					+ "cast(k.region_code as varchar) as region_code, k.items, k.link from (" + kind.entries() + ") k");
		}
		String sql = CONTEXT + """
				select e.kind, e.period_id, p.year, p.kind as period_kind, p.number, p.due_on, e.region_code, r.name as region_name,
				       e.items, e.link
				from (""" + String.join("\nunion all\n", parts) + """
				) e
				left join reporting_window p on p.id = e.period_id
				left join region_directory r on r.code = e.region_code
				where e.items > 0
				order by e.position, p.due_on nulls last, p.year desc, p.kind, p.number, e.region_code
				limit 500""";
		return params(jdbc.sql(sql), user, today)
			.query((rs, row) -> new Entry(rs.getString("kind"), (Long) rs.getObject("period_id"),
					(Integer) rs.getObject("year"), rs.getString("period_kind"), (Integer) rs.getObject("number"),
					rs.getObject("due_on", LocalDate.class), rs.getString("region_code"), rs.getString("region_name"),
					rs.getLong("items"), rs.getString("link")))
			.list();
	}

	/** The kinds of work this account has, by its roles. */
	List<TodoKind> applying(PortalUser user) {
		return kinds.stream().filter(kind -> kind.roles().stream().anyMatch(user::hasRole)).toList();
	}

	List<TodoKind> kinds() {
		return kinds;
	}

	private JdbcClient.StatementSpec params(JdbcClient.StatementSpec statement, PortalUser user, LocalDate today) {
		boolean hasUnit = user.unit() != null;
		return statement.param("account", user.id())
			.param("hasUnit", hasUnit)
			.param("region", hasUnit ? user.unit().regionCode() : "")
			.param("department", hasUnit ? user.unit().departmentId() : -1L)
			.param("subregions", hasUnit && user.scopeIncludesSubregions())
			.param("today", today)
			.param("soon", today.plusDays(settings.daysBefore()));
	}

}

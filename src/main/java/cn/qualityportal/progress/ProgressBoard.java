package cn.qualityportal.progress;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.targets.Comparator;
import cn.qualityportal.targets.GoalArea;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads materialised progress for the pages, reports and the API, always within the reader's
 * scope (their own region, and those below it when their account covers them; never a sibling's,
 * and not the figures of regions above). The only reader of {@code target_progress}.
 * <p>
 * Statuses are brought up to date off the reader's path by {@link ProgressRefresher}: a reader
 * reads the last consistent statuses and {@link #freshness} says as of when, and whether a
 * recomputation is pending. With {@code portal.progress.background=false} (the tests) there is no
 * background refresher and each read first recomputes what is stale itself, so a test that writes
 * a figure reads its status at once; neither way takes a lock a writer waits for.
 */
@Service
public class ProgressBoard {

	private final ProgressStore store;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final boolean background;

	/**
	 * How long a result read while the statuses stayed the same may be given again. Every change to
	 * figures, targets, milestones, indicators, documents or the region tree starts a recomputation,
	 * which ends the results it changes at once (a change to figures: the rows of the regions whose
	 * statuses differ, and every result over more than one region; any other: every result);
	 * renaming a region or a department, or a goal's area, does not, and shows after at most this long.
	 */
	public static final Duration KEPT_AT_MOST = Duration.ofSeconds(30);

	/** A page's rows are kept up to this many: a county's 200, not a province's export. */
	private static final int KEPT_ROWS_PER_PAGE = 2_000;

	/**
	 * The rows of a query as of when they last changed: for one region's rows, the last refresh
	 * that changed that region's rows (a county's page outlives the refreshes of other counties'
	 * figures); otherwise the statuses' last refresh. Not whether a newer one is pending: the rows
	 * are the same.
	 */
	private record Kept(Query query, DataScope scope, OffsetDateTime changedAt) {
	}

	/**
	 * The rows of pages recently read (a county's region page is read by its leaders, the API and the
	 * export alike), each valid only for the freshness it was read under. At most 25,000 rows (some 60 MB).
	 */
	private final Cache<Kept, List<ProgressRow>> kept = Caffeine.newBuilder()
		.maximumWeight(25_000)
		.weigher((Kept key, List<ProgressRow> rows) -> Math.max(1, rows.size()))
		.expireAfterWrite(KEPT_AT_MOST)
		.build();

	ProgressBoard(ProgressStore store, JdbcClient jdbc, JsonMapper json,
			@Value("${portal.progress.background:true}") boolean background) {
		this.store = store;
		this.jdbc = jdbc;
		this.json = json;
		this.background = background;
	}

	/**
	 * How current the statuses of a judged year are: consistent as of {@code asOf} (null: not yet
	 * computed), and whether a recomputation of newer changes is pending (pages then say "as of").
	 */
	public record Freshness(OffsetDateTime asOf, boolean pending) {

		/** The time shown to readers: Beijing time, whatever the server's zone. */
		public java.time.LocalDateTime asOfInBeijing() {
			return asOf == null ? null : asOf.atZoneSameInstant(BEIJING).toLocalDateTime();
		}

	}

	private static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");

	/**
	 * What to read: the judged year, whether submitted figures count, and optional filters (an exact
	 * region, a region and everything below it, a document, goal area, lead or cooperating
	 * department, status, indicator).
	 */
	public record Query(int year, boolean includeSubmitted, String regionCode, String underRegionCode, Long documentId,
			GoalArea area, Long departmentId, TargetStatus status, Long indicatorId) {

		public static Query of(int year, boolean includeSubmitted) {
			return new Query(year, includeSubmitted, null, null, null, null, null, null, null);
		}

		public Query region(String code) {
			return new Query(year, includeSubmitted, code, underRegionCode, documentId, area, departmentId, status, indicatorId);
		}

		public Query under(String code) {
			return new Query(year, includeSubmitted, regionCode, code, documentId, area, departmentId, status, indicatorId);
		}

		public Query document(Long id) {
			return new Query(year, includeSubmitted, regionCode, underRegionCode, id, area, departmentId, status, indicatorId);
		}

		public Query area(GoalArea goalArea) {
			return new Query(year, includeSubmitted, regionCode, underRegionCode, documentId, goalArea, departmentId, status, indicatorId);
		}

		public Query department(Long id) {
			return new Query(year, includeSubmitted, regionCode, underRegionCode, documentId, area, id, status, indicatorId);
		}

		public Query status(TargetStatus targetStatus) {
			return new Query(year, includeSubmitted, regionCode, underRegionCode, documentId, area, departmentId, targetStatus, indicatorId);
		}

		public Query indicator(Long id) {
			return new Query(year, includeSubmitted, regionCode, underRegionCode, documentId, area, departmentId, status, id);
		}

	}

	/**
	 * The year judged when none is asked for: the latest year whose annual reporting period is
	 * closed (its figures are final), else the latest annual period, else last year.
	 */
	@Transactional(readOnly = true)
	public int defaultYear() {
		Integer year = jdbc.sql("""
				select coalesce(max(year) filter (where closed), max(year))
				from reporting_year""").query(Integer.class).optional().orElse(null);
		return year != null ? year : Year.now().getValue() - 1;
	}

	/** The year asked for (1949–2100, else a 400), or {@link #defaultYear()} when none was. */
	public int judgedYear(Integer asked) {
		if (asked != null && (asked < 1949 || asked > 2100)) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "progress.yearInvalid");
		}
		return asked == null ? defaultYear() : asked;
	}

	/**
	 * How current the statuses of a year are. In the background mode a year never asked for is
	 * requested (the refresher computes it within seconds; until then the reader sees none); without
	 * the background refresher, stale statuses are recomputed here first.
	 */
	public Freshness freshness(int year, boolean includeSubmitted) {
		// Within one request the answer is asked once: a page reads several parts of the same year. Only in
		// a request the DispatcherServlet handles: a test method's own mock request spans writes and reads.
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null
				&& request.getAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) == null) {
			request = null;
		}
		String key = ProgressBoard.class.getName() + "." + year + "." + includeSubmitted;
		if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Freshness known) {
			return known;
		}
		Freshness freshness = bringUpToDate(year, includeSubmitted);
		if (request != null) {
			request.setAttribute(key, freshness, RequestAttributes.SCOPE_REQUEST);
		}
		return freshness;
	}

	private Freshness bringUpToDate(int year, boolean includeSubmitted) {
		ProgressStore.State state = store.state(year, includeSubmitted);
		if (!state.pending()) {
			return new Freshness(state.asOf(), false);
		}
		if (background) {
			if (state.asOf() == null) {
				store.request(year, includeSubmitted);
			}
			return new Freshness(state.asOf(), true);
		}
		store.refresh(year, includeSubmitted);
		state = store.state(year, includeSubmitted);
		return new Freshness(state.asOf(), state.pending());
	}

	/**
	 * Waits (polling, up to {@code timeout}) until no recomputation of the year is pending; true when
	 * none is. For tests and benchmarks of the background mode; pages never wait.
	 */
	public boolean awaitCurrent(int year, boolean includeSubmitted, java.time.Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (freshness(year, includeSubmitted).pending()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/**
	 * All rows of the query. The statuses are materialised, so the same query under the same
	 * {@link #freshness} reads the same rows: they are kept (see {@link #KEPT_AT_MOST}) and given
	 * to the next reader instead of read again.
	 */
	public List<ProgressRow> rows(Query query, DataScope scope) {
		OffsetDateTime asOf = freshness(query.year(), query.includeSubmitted()).asOf();
		Kept key = new Kept(query, scope, query.regionCode() == null || asOf == null ? asOf
				: store.regionChangedAt(query.year(), query.includeSubmitted(), query.regionCode()));
		List<ProgressRow> known = kept.getIfPresent(key);
		if (known != null) {
			return known;
		}
		List<ProgressRow> rows = List.copyOf(rows(query, scope, 0, Long.MAX_VALUE));
		if (rows.size() <= KEPT_ROWS_PER_PAGE) {
			kept.put(key, rows);
		}
		return rows;
	}

	/** A page of the rows, in a stable order (region, goal area, indicator, deadline, target). */
	public List<ProgressRow> rows(Query query, DataScope scope, long offset, long limit) {
		freshness(query.year(), query.includeSubmitted());
		List<Object[]> params = new ArrayList<>();
		return select(where(query, scope, params), params, offset, limit);
	}

	/** How many rows {@link #rows(Query, DataScope, long, long)} pages through. */
	public long count(Query query, DataScope scope) {
		freshness(query.year(), query.includeSubmitted());
		List<Object[]> params = new ArrayList<>();
		var statement = jdbc.sql("""
				select count(*)
				from target_progress p
				join target_term t on t.id = p.target_id""" + where(query, scope, params));
		for (Object[] param : params) {
			statement = statement.param((String) param[0], param[1]);
		}
		return statement.query(Long.class).single();
	}

	/** The targets of a region and of the regions below it that the reader covers, with their goal area. */
	private static final String SUBTREE = """
			with scoped as (
			    select t.id, t.region_code, t.indicator_id, t.indicator_code, t.indicator_name, t.area
			    from target_term t
			    where t.region_code in (select code from region_subtree(:root)) and (:everything or t.region_code = any(:scope)))
			""";

	/** How many targets of one region and goal area have one status. */
	public record StatusCount(String regionCode, String regionName, GoalArea area, TargetStatus status, int count) {
	}

	/** A target whose status differs from the year before. */
	public record StatusChange(long targetId, String regionName, String indicatorName, TargetStatus before, TargetStatus now) {
	}

	/** Status counts by region and goal area over a region and everything below it the reader covers. */
	public List<StatusCount> counts(String root, int year, boolean includeSubmitted, DataScope scope) {
		freshness(year, includeSubmitted);
		return subtree(root, scope, """
				select c.region_code, r.name, c.area, c.status, c.n
				from (select s.region_code, s.area, p.status, count(*) as n
				      from scoped s join target_progress p on p.target_id = s.id and p.as_of_year = :year and p.include_submitted = :submitted
				      group by s.region_code, s.area, p.status) c
				-- Named after counting: a province's 25,400 rows are not sorted with their region's name.
				join region_directory r on r.code = c.region_code
				order by c.region_code""").param("year", year)
			.param("submitted", includeSubmitted)
			.query((rs, row) -> new StatusCount(rs.getString(1), rs.getString(2), GoalArea.of(rs.getString(3)),
					TargetStatus.valueOf(rs.getString(4)), rs.getInt(5)))
			.list();
	}

	/** Up to {@code limit} targets of the subtree whose status differs from the year before, by region and indicator. */
	public List<StatusChange> changes(String root, int year, boolean includeSubmitted, DataScope scope, int limit) {
		freshness(year, includeSubmitted);
		freshness(year - 1, includeSubmitted);
		return subtree(root, scope, """
				select s.id, r.name as region_name, s.indicator_name, before.status as before, now.status as now
				from scoped s
				join target_progress now on now.target_id = s.id and now.as_of_year = :year and now.include_submitted = :submitted
				join target_progress before on before.target_id = s.id and before.as_of_year = :year - 1
				     and before.include_submitted = :submitted
				join region_directory r on r.code = s.region_code
				where before.status <> now.status
				order by s.region_code, s.indicator_code
				limit :limit""").param("year", year)
			.param("submitted", includeSubmitted)
			.param("limit", limit)
			.query((rs, row) -> new StatusChange(rs.getLong("id"), rs.getString("region_name"), rs.getString("indicator_name"),
					TargetStatus.valueOf(rs.getString("before")), TargetStatus.valueOf(rs.getString("now"))))
			.list();
	}

	/** How many figures a region owes in the judged year, and how many of them are submitted (or approved) and approved. */
	public record Completion(String regionCode, String regionName, int expected, int submitted, int approved) {

		public int percent() {
			return expected == 0 ? 100 : Math.round(100f * submitted / expected);
		}

	}

	/**
	 * Reporting completeness of the region and every region below it the reader covers: what each
	 * owes (the reporting module's {@code reporting_obligation}, materialised with the statuses, so
	 * as of {@link #freshness}) against the figures as they are now.
	 */
	public List<Completion> completion(String root, int year, boolean includeSubmitted, DataScope scope) {
		freshness(year, includeSubmitted);
		// Counted per region first and named after, and only the figures of the periods owed are read: the
		// join alone would read every figure of every year (a province's 252,000) for one year's 22,400.
		return jdbc.sql("""
				with owed as (
				    select o.region_code, o.indicator_id, o.period_id from progress_obligation o
				    where o.as_of_year = :year and o.region_code in (select code from region_subtree(:root))
				      and (:everything or o.region_code = any(:scope))),
				counted as (
				    select o.region_code,
				           count(*) as expected,
				           count(v.value_id) filter (where v.is_final or v.in_review) as submitted,
				           count(v.value_id) filter (where v.is_final) as approved
				    from owed o
				    -- Final figures, and those in review, by the reporting module's one rule (view value_standing).
				    left join value_standing v on v.indicator_id = o.indicator_id and v.region_code = o.region_code
				         and v.period_id = o.period_id and v.period_id in (select period_id from owed)
				    group by o.region_code)
				select c.region_code, r.name, c.expected, c.submitted, c.approved
				from counted c join region_directory r on r.code = c.region_code
				order by c.region_code""")
			.param("root", root)
			.param("year", year)
			.param("everything", scope.everything())
			.param("scope", scope.writableArray())
			.query((rs, row) -> new Completion(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
			.list();
	}

	/** A counted target of a region directly below another, with its status, as a ranking reads it. */
	public record TargetBelow(String regionCode, String regionName, long targetId, String indicatorCode,
			String indicatorName, GoalArea area, TargetStatus status, String document) {
	}

	/**
	 * Every counted target of the regions directly below {@code parent} with its status, by region,
	 * indicator and target (statuses exist only for the targets that count in the year).
	 */
	public List<TargetBelow> targetsBelow(String parent, int year, boolean includeSubmitted) {
		freshness(year, includeSubmitted);
		return jdbc.sql("""
				select t.region_code, r.name as region_name, t.id, t.indicator_code as code, t.indicator_name as name, t.area, p.status,
				       coalesce(d.doc_number, d.title) as document
				from target_term t
				join region_directory r on r.code = t.region_code and r.parent_code = :parent
				join document_directory d on d.id = t.document_id
				join target_progress p on p.target_id = t.id and p.as_of_year = :year and p.include_submitted = :submitted
				order by t.region_code, t.indicator_code, t.id""")
			.param("parent", parent)
			.param("year", year)
			.param("submitted", includeSubmitted)
			.query((rs, row) -> new TargetBelow(rs.getString("region_code"), rs.getString("region_name"), rs.getLong("id"),
					rs.getString("code"), rs.getString("name"), GoalArea.of(rs.getString("area")),
					TargetStatus.valueOf(rs.getString("status")), rs.getString("document")))
			.list();
	}

	/**
	 * A SQL expression (text) that changes whenever statuses may have changed: a change to what they
	 * are computed from (appended by triggers) or a recomputation. Caches of pages showing statuses
	 * put it in their ETag's statement, so it costs no statement of its own.
	 */
	public static final String VERSION_SQL = """
			((select coalesce(max(id), 0) from progress_change) || '-'
			 || coalesce((select max(refreshed_at)::text from progress_materialised), ''))""";

	private JdbcClient.StatementSpec subtree(String root, DataScope scope, String select) {
		return jdbc.sql(SUBTREE + select)
			.param("root", root)
			.param("everything", scope.everything())
			.param("scope", scope.writableArray());
	}

	private static String where(Query query, DataScope scope, List<Object[]> params) {
		StringBuilder where = new StringBuilder(" where p.as_of_year = :year and p.include_submitted = :submitted");
		params.add(new Object[] { "year", query.year() });
		params.add(new Object[] { "submitted", query.includeSubmitted() });
		if (!scope.everything()) {
			where.append(" and t.region_code = any(:scope)");
			params.add(new Object[] { "scope", scope.writableArray() });
		}
		if (query.regionCode() != null) {
			where.append(" and t.region_code = :region");
			params.add(new Object[] { "region", query.regionCode() });
		}
		if (query.underRegionCode() != null) {
			where.append("""
					 and t.region_code in (select code from region_subtree(:under))""");
			params.add(new Object[] { "under", query.underRegionCode() });
		}
		if (query.documentId() != null) {
			where.append(" and (t.document_id = :document or t.parent_target_id in (select id from target_term where document_id = :document))");
			params.add(new Object[] { "document", query.documentId() });
		}
		if (query.area() != null) {
			where.append(" and t.area = :area");
			params.add(new Object[] { "area", query.area().name() });
		}
		if (query.departmentId() != null) {
			where.append(" and (t.lead_department_id = :department or exists (select 1 from target_cooperation c"
					+ " where c.target_id = t.id and c.department_id = :department))");
			params.add(new Object[] { "department", query.departmentId() });
		}
		if (query.status() != null) {
			where.append(" and p.status = :status");
			params.add(new Object[] { "status", query.status().name() });
		}
		if (query.indicatorId() != null) {
			where.append(" and t.indicator_id = :indicator");
			params.add(new Object[] { "indicator", query.indicatorId() });
		}
		return where.toString();
	}

	private List<ProgressRow> select(String where, List<Object[]> params, long offset, long limit) {
		var statement = jdbc.sql("""
				select t.id, t.indicator_id, t.indicator_code as code, t.indicator_name as name, t.unit, t.area, t.region_code,
				       r.name as region_name, t.document_id, d.doc_number, d.title, t.comparator, t.value, t.value_max,
				       t.tolerance, t.baseline_value, t.baseline_year, t.deadline_year, t.increment, t.direction, t.value_type, t.decimals,
				       ld.name as lead_name, p.status, p.latest_value, p.latest_year, p.provisional, p.source,
				       p.milestone_value, p.forecast_value, p.ratio, p.explanation, p.series,
				       array(select cd.name from target_cooperation c join department_directory cd on cd.id = c.department_id
				             where c.target_id = t.id order by cd.name) as cooperating_names
				from target_progress p
				join target_term t on t.id = p.target_id
				join region_directory r on r.code = t.region_code
				join document_directory d on d.id = t.document_id
				left join department_directory ld on ld.id = t.lead_department_id""" + where + """

				order by t.region_code, t.area, t.indicator_code, t.deadline_year, t.id
				offset :offset limit :limit""");
		for (Object[] param : params) {
			statement = statement.param((String) param[0], param[1]);
		}
		statement = statement.param("offset", offset).param("limit", limit);
		return statement.query((rs, row) -> {
			Terms terms = new Terms(Comparator.valueOf(rs.getString("comparator")), rs.getBigDecimal("value"),
					rs.getBigDecimal("value_max"), rs.getBigDecimal("tolerance"), rs.getBigDecimal("baseline_value"),
					(Integer) rs.getObject("baseline_year"), rs.getInt("deadline_year"), rs.getBoolean("increment"),
					cn.qualityportal.targets.Direction.valueOf(rs.getString("direction")),
					cn.qualityportal.targets.ValueType.valueOf(rs.getString("value_type")), rs.getString("unit"),
					(Integer) rs.getObject("decimals"));
			return new ProgressRow(rs.getLong("id"), rs.getLong("indicator_id"), rs.getString("code"), rs.getString("name"),
					rs.getString("unit"), GoalArea.of(rs.getString("area")), rs.getString("region_code"), rs.getString("region_name"),
					rs.getLong("document_id"), rs.getString("doc_number"), rs.getString("title"), terms.comparator(),
					rs.getBigDecimal("value"), rs.getBigDecimal("value_max"), rs.getInt("deadline_year"),
					rs.getBoolean("increment"), terms.conditionText(),
					rs.getString("lead_name"), TargetStatus.valueOf(rs.getString("status")), rs.getBigDecimal("latest_value"),
					(Integer) rs.getObject("latest_year"), rs.getBoolean("provisional"),
					rs.getString("source") == null ? null : Figure.Source.valueOf(rs.getString("source")),
					rs.getBigDecimal("milestone_value"), rs.getBigDecimal("forecast_value"), rs.getBigDecimal("ratio"),
					ProgressStore.ExplanationJson.fromTree(json.readTree(rs.getString("explanation"))),
					series(rs.getString("series")), List.of((String[]) rs.getArray("cooperating_names").getArray()),
					terms.precision());
		}).list();
	}

	private List<ProgressRow.Point> series(String text) {
		List<ProgressRow.Point> points = new ArrayList<>();
		for (JsonNode point : json.readTree(text)) {
			points.add(new ProgressRow.Point(point.get(0).asInt(), point.get(1).decimalValue()));
		}
		return points;
	}


}

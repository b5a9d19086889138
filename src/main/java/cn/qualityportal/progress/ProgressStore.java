package cn.qualityportal.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.qualityportal.targets.Aggregation;
import cn.qualityportal.targets.Comparator;
import cn.qualityportal.targets.Direction;
import cn.qualityportal.targets.ValueType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code target_progress} true for the targets that count in each judged year (view
 * {@code counted_target}, docs/progress.md "What counts"): the indicators changed since they were
 * last materialised (see V11__target_progress.sql and V55__progress_off_the_readers_path.sql) are
 * recomputed, all their targets at once, from one query for figures (final ones, or also those in
 * review: the reporting module's view {@code value_standing}, the one rule of what is final), one
 * for targets and one for the region tree, in one transaction per judged year, so readers see the
 * statuses of before or of after, never a mixture. Writers take no lock: a refresh records the snapshot it started from, and
 * a change committed later (whatever its id) is still ahead of it. Refreshers of all instances
 * take one advisory lock, which no writer and no reader of statuses ever takes.
 */
@Service
class ProgressStore {

	/** The advisory lock that makes one refresher run at a time across instances; writers never take it. */
	static final long REFRESHER_LOCK = 715101;

	/** Statuses written at once above which the table's statistics are refreshed. */
	private static final int ANALYZE_AFTER = 5_000;

	/** A change not absorbed by a refresh that recorded watermark {@code w} and snapshot {@code s}. */
	private static final String AHEAD = """
			(c.id > %1$s.watermark or (%1$s.snapshot is not null and c.xid >= pg_snapshot_xmin(%1$s.snapshot)
			                           and not pg_visible_in_snapshot(c.xid, %1$s.snapshot)))""";

	/** A change that can alter the statuses judged in year {@code y}: a figure of a later year cannot (V94). */
	private static final String ALTERS = "(c.from_year is null or c.from_year <= %s)";

	private static final String STALE = """
			select i.id from (select distinct indicator_id as id from target_term) i
			where not exists (
			    select 1 from progress_freshness f
			    where f.indicator_id = i.id and f.as_of_year = :year and f.include_submitted = :submitted
			      and not exists (select 1 from progress_change c
			                      where (c.indicator_id = i.id or c.indicator_id is null) and """ + ALTERS.formatted(":year")
			+ " and " + AHEAD.formatted("f") + "))";

	/**
	 * Each judged year kept fresh: when it was last made consistent (null: never) and whether a
	 * change is ahead of that. Cheap whatever the size: at most a few index probes per year.
	 */
	private static final String STATES = """
			select m.as_of_year, m.include_submitted, m.refreshed_at,
			       m.refreshed_at is null or exists (select 1 from progress_change c
			                                 where """ + ALTERS.formatted("m.as_of_year") + " and " + AHEAD.formatted("m") + """
			) as pending
			from progress_materialised m""";

	/** What a reader is told about the statuses it reads: consistent as of when, and whether newer are on the way. */
	record State(java.time.OffsetDateTime asOf, boolean pending) {

		static final State NEVER = new State(null, true);

	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final TransactionTemplate separate;

	ProgressStore(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The state of every judged year kept fresh, keyed by year and "count submitted". */
	Map<List<Object>, State> states() {
		Map<List<Object>, State> states = new LinkedHashMap<>();
		jdbc.sql(STATES + " order by m.refreshed_at is not null, m.as_of_year desc, m.include_submitted")
			.query((rs, row) -> states.put(List.of(rs.getInt(1), rs.getBoolean(2)),
					new State(rs.getObject(3, java.time.OffsetDateTime.class), rs.getBoolean(4))))
			.list();
		return states;
	}

	/** The state of one judged year; {@link State#NEVER} when it was never asked for. */
	State state(int year, boolean includeSubmitted) {
		return jdbc.sql(STATES + " where m.as_of_year = :year and m.include_submitted = :submitted")
			.param("year", year)
			.param("submitted", includeSubmitted)
			.query((rs, row) -> new State(rs.getObject(3, java.time.OffsetDateTime.class), rs.getBoolean(4)))
			.optional()
			.orElse(State.NEVER);
	}

	/**
	 * When the rows of a region's page last changed in a judged year: the later of the last refresh
	 * that changed every region's page and the last that changed this region's statuses (V94). Null
	 * when the year was never computed.
	 */
	java.time.OffsetDateTime regionChangedAt(int year, boolean includeSubmitted, String regionCode) {
		return jdbc.sql("""
				select greatest(m.terms_changed_at, (select r.changed_at from progress_region_change r
				                                    where r.as_of_year = m.as_of_year and r.include_submitted = m.include_submitted
				                                      and r.region_code = :region))
				from progress_materialised m where m.as_of_year = :year and m.include_submitted = :submitted""")
			.param("year", year)
			.param("submitted", includeSubmitted)
			.param("region", regionCode)
			.query(java.time.OffsetDateTime.class)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
	}

	/** Asks for a judged year to be kept fresh from now on (a no-op when it already is). */
	void request(int year, boolean includeSubmitted) {
		separate.executeWithoutResult(status -> jdbc.sql("""
				insert into progress_materialised (as_of_year, include_submitted) values (:year, :submitted)
				on conflict do nothing""").param("year", year).param("submitted", includeSubmitted).update());
	}

	/**
	 * Recomputes what changed since last time, waiting for a refresher of another thread or
	 * instance if one is running; returns how many indicators were recomputed.
	 */
	int refresh(int year, boolean includeSubmitted) {
		return refresh(year, includeSubmitted, true);
	}

	/**
	 * Recomputes what changed since last time; returns how many indicators were recomputed, or -1
	 * when {@code wait} is false and another refresher holds the lock (it will see the changes too).
	 */
	int refresh(int year, boolean includeSubmitted, boolean wait) {
		Integer recomputed = separate.execute(status -> {
			boolean locked = jdbc.sql(wait ? "select true from pg_advisory_xact_lock(:lock)" : "select pg_try_advisory_xact_lock(:lock)")
				.param("lock", REFRESHER_LOCK)
				.query(Boolean.class)
				.single();
			if (!locked) {
				return -1;
			}
			// One statement: the watermark is the largest id this snapshot sees, and the snapshot says
			// which transactions were still running (their changes, whatever their ids, stay ahead).
			Map<String, Object> mark = jdbc.sql("select coalesce(max(id), 0) as watermark, pg_current_snapshot()::text as snapshot from progress_change")
				.query()
				.singleRow();
			long watermark = ((Number) mark.get("watermark")).longValue();
			String snapshot = (String) mark.get("snapshot");
			// Whether this refresh changes more than statuses (the first computation of the year, or a
			// change to anything but figures): then every region's page changes, else only those of the
			// regions whose rows differ. Read after the mark, so it sees every change the refresh absorbs.
			boolean everything = jdbc.sql("""
					select m.refreshed_at is null or exists (select 1 from progress_change c
					    where not c.figures_only and """ + ALTERS.formatted("m.as_of_year") + " and " + AHEAD.formatted("m") + """
					)
					from progress_materialised m where m.as_of_year = :year and m.include_submitted = :submitted""")
				.param("year", year)
				.param("submitted", includeSubmitted)
				.query(Boolean.class)
				.optional()
				.orElse(true);
			List<Long> indicators = stale(year, includeSubmitted);
			Set<String> changedRegions = indicators.isEmpty() ? Set.of()
					: materialise(indicators, year, includeSubmitted, watermark, snapshot);
			jdbc.sql("""
					insert into progress_materialised (as_of_year, include_submitted, refreshed_at, watermark, snapshot, terms_changed_at)
					values (:year, :submitted, now(), :watermark, cast(:snapshot as pg_snapshot), now())
					on conflict (as_of_year, include_submitted) do update
					set refreshed_at = excluded.refreshed_at, watermark = excluded.watermark, snapshot = excluded.snapshot,
					    terms_changed_at = case when :everything then excluded.terms_changed_at
					                            else progress_materialised.terms_changed_at end""")
				.param("year", year)
				.param("submitted", includeSubmitted)
				.param("watermark", watermark)
				.param("snapshot", snapshot)
				.param("everything", everything)
				.update();
			if (!everything && !changedRegions.isEmpty()) {
				jdbc.sql("""
						insert into progress_region_change (as_of_year, include_submitted, region_code, changed_at)
						select :year, :submitted, unnest(cast(:regions as varchar[])), now()
						on conflict (as_of_year, include_submitted, region_code) do update set changed_at = excluded.changed_at""")
					.param("year", year)
					.param("submitted", includeSubmitted)
					.param("regions", changedRegions.toArray(String[]::new))
					.update();
			}
			return indicators.size();
		});
		return recomputed == null ? 0 : recomputed;
	}

	/**
	 * Deletes the change rows that every kept judged year has absorbed, so the table (appended to by
	 * every write) stays as small as what is pending. A row is kept while any year's refresh, or any
	 * indicator's freshness it names, still has it ahead; the newest row is always kept, because a
	 * refresh takes its watermark from the largest id. Runs under the refresher's lock (tried, not
	 * awaited); returns how many rows went, -1 when another refresher holds the lock.
	 */
	int prune() {
		Integer pruned = separate.execute(status -> {
			if (!jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", REFRESHER_LOCK).query(Boolean.class).single()) {
				return -1;
			}
			return jdbc.sql("""
					delete from progress_change c
					where c.id < (select max(id) from progress_change)
					  and not exists (select 1 from progress_materialised m
					                  where """ + ALTERS.formatted("m.as_of_year") + " and " + AHEAD.formatted("m") + """
					)
					  and not exists (select 1 from progress_freshness f
					                  where (f.indicator_id = c.indicator_id or c.indicator_id is null)
					                    and """ + ALTERS.formatted("f.as_of_year") + " and " + AHEAD.formatted("f") + ")")
				.update();
		});
		return pruned == null ? 0 : pruned;
	}

	private List<Long> stale(int year, boolean includeSubmitted) {
		return jdbc.sql(STALE).param("year", year).param("submitted", includeSubmitted).query(Long.class).list();
	}

	private record TargetTerms(long id, long indicatorId, String regionCode, Terms terms, Aggregation aggregation,
			BigDecimal milestone) {
	}

	/** Recomputes the indicators' statuses; returns the regions whose rows changed. */
	private Set<String> materialise(List<Long> indicators, int year, boolean includeSubmitted, long watermark, String snapshot) {
		Long[] ids = indicators.toArray(Long[]::new);
		Map<String, List<RollUp.Child>> children = new HashMap<>();
		// Which years a region is active is organisation's rule (region_active_in); it holds up to a last year.
		jdbc.sql("""
				select code, parent_code,
				       (select max(y) from generate_series(1949, :year) y where region_active_in(active, active_until, y))
				from region_directory where parent_code is not null""")
			.param("year", year)
			.query((rs, row) -> children.computeIfAbsent(rs.getString(2), parent -> new ArrayList<>())
				.add(new RollUp.Child(rs.getString(1), (Integer) rs.getObject(3))))
			.list();

		Map<Long, List<RollUp.Reported>> reported = new HashMap<>();
		jdbc.sql("""
				select v.indicator_id, v.region_code, v.year, v.value, v.numerator, v.denominator, v.is_final
				from value_standing v
				where v.indicator_id = any(:ids) and v.kind = 'ANNUAL' and v.year <= :year
				  and (v.is_final or (:submitted and v.in_review))""")
			.param("ids", ids)
			.param("year", year)
			.param("submitted", includeSubmitted)
			.query((rs, row) -> reported.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
				.add(new RollUp.Reported(rs.getString(2), rs.getInt(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
						rs.getBigDecimal(6), !rs.getBoolean(7))))
			.list();

		List<TargetTerms> targets = jdbc.sql("""
				select t.id, t.indicator_id, t.region_code, t.comparator, t.value, t.value_max, t.tolerance, t.baseline_value,
				       t.baseline_year, t.deadline_year, t.increment, t.unit, t.direction, t.value_type, t.decimals, t.aggregation,
				       m.value as milestone
				from target_term t
				join counted_target c on c.target_id = t.id and :year between c.first_year and c.last_year
				left join target_milestone m on m.target_id = t.id and m.year = :year
				where t.indicator_id = any(:ids)""")
			.param("ids", ids)
			.param("year", year)
			.query((rs, row) -> new TargetTerms(rs.getLong("id"), rs.getLong("indicator_id"), rs.getString("region_code"),
					new Terms(Comparator.valueOf(rs.getString("comparator")), rs.getBigDecimal("value"),
							rs.getBigDecimal("value_max"), rs.getBigDecimal("tolerance"), rs.getBigDecimal("baseline_value"),
							(Integer) rs.getObject("baseline_year"), rs.getInt("deadline_year"), rs.getBoolean("increment"),
							Direction.valueOf(rs.getString("direction")), ValueType.valueOf(rs.getString("value_type")),
							rs.getString("unit"), (Integer) rs.getObject("decimals")),
					Aggregation.valueOf(rs.getString("aggregation")), rs.getBigDecimal("milestone")))
			.list();

		Map<Long, RollUp> rollUps = new HashMap<>();
		Rows rows = new Rows();
		for (TargetTerms target : targets) {
			RollUp rollUp = rollUps.computeIfAbsent(target.indicatorId(), id -> new RollUp(children, target.aggregation(),
					target.terms().valueType(), reported.getOrDefault(id, List.of())));
			List<Figure> series = rollUp.series(target.regionCode());
			Progress progress = ProgressRules.evaluate(target.terms(), series, target.milestone(), year);
			RollUp.Partial partial = rollUp.latestPartial(target.regionCode(), progress.latestYear());
			if (partial != null) {
				progress = progress.withExplanation(Explanation.of("progress.note.partial", progress.explanation(),
						String.valueOf(partial.year()), String.valueOf(partial.reported()),
						String.valueOf(partial.expected())));
			}
			rows.add(target, progress, series);
		}

		// Only the rows that differ are written (and the targets no longer counted removed): the
		// regions of those rows are the ones whose pages changed, and unchanged rows leave no dead tuples.
		List<String> changedRegions = jdbc.sql("""
				with fresh as (
				    select * from unnest(cast(:target as bigint[]), cast(:indicator as bigint[]), cast(:status as text[]),
				            cast(:latestYear as int[]), cast(:latestValue as numeric[]), cast(:provisional as boolean[]),
				            cast(:source as text[]), cast(:milestone as numeric[]), cast(:milestoneMet as boolean[]),
				            cast(:forecast as numeric[]), cast(:ratio as numeric[]), cast(:explanation as text[]),
				            cast(:series as text[]))
				     as r (target_id, indicator_id, status, latest_year, latest_value, provisional, source, milestone_value,
				           milestone_met, forecast_value, ratio, explanation, series)),
				removed as (
				    delete from target_progress p
				    where p.as_of_year = :year and p.include_submitted = :submitted and p.indicator_id = any(:ids)
				      and not exists (select 1 from fresh f where f.target_id = p.target_id)
				    returning p.target_id),
				written as (
				    insert into target_progress (target_id, as_of_year, include_submitted, indicator_id, status, latest_year,
				        latest_value, provisional, source, milestone_value, milestone_met, forecast_value, ratio, explanation, series)
				    select target_id, :year, :submitted, indicator_id, status, latest_year, latest_value, provisional, source,
				           milestone_value, milestone_met, forecast_value, ratio, explanation::jsonb, series::jsonb
				    from fresh
				    on conflict (as_of_year, include_submitted, target_id) do update
				    set indicator_id = excluded.indicator_id, status = excluded.status, latest_year = excluded.latest_year,
				        latest_value = excluded.latest_value, provisional = excluded.provisional, source = excluded.source,
				        milestone_value = excluded.milestone_value, milestone_met = excluded.milestone_met,
				        forecast_value = excluded.forecast_value, ratio = excluded.ratio, explanation = excluded.explanation,
				        series = excluded.series
				    where (target_progress.indicator_id, target_progress.status, target_progress.latest_year,
				           target_progress.latest_value, target_progress.provisional, target_progress.source,
				           target_progress.milestone_value, target_progress.milestone_met, target_progress.forecast_value,
				           target_progress.ratio, target_progress.explanation, target_progress.series)
				          is distinct from (excluded.indicator_id, excluded.status, excluded.latest_year, excluded.latest_value,
				           excluded.provisional, excluded.source, excluded.milestone_value, excluded.milestone_met,
				           excluded.forecast_value, excluded.ratio, excluded.explanation, excluded.series)
				    returning target_id)
				select distinct t.region_code from target_term t
				where t.id in (select target_id from removed union all select target_id from written)""")
			.param("year", year)
			.param("submitted", includeSubmitted)
			.param("target", rows.target.toArray(Long[]::new))
			.param("indicator", rows.indicator.toArray(Long[]::new))
			.param("status", rows.status.toArray(String[]::new))
			.param("latestYear", rows.latestYear.toArray(Integer[]::new))
			.param("latestValue", rows.latestValue.toArray(String[]::new))
			.param("provisional", rows.provisional.toArray(Boolean[]::new))
			.param("source", rows.source.toArray(String[]::new))
			.param("milestone", rows.milestone.toArray(String[]::new))
			.param("milestoneMet", rows.milestoneMet.toArray(Boolean[]::new))
			.param("forecast", rows.forecast.toArray(String[]::new))
			.param("ratio", rows.ratio.toArray(String[]::new))
			.param("explanation", rows.explanation.toArray(String[]::new))
			.param("series", rows.series.toArray(String[]::new))
			.param("ids", ids)
			.query(String.class)
			.list();
		// What is due in the year, by the reporting module's one rule (reporting_obligation), for the
		// overview's completion; an indicator whose last target went is stale no more, so drop its rows too.
		jdbc.sql("""
				delete from progress_obligation o where o.as_of_year = :year
				  and (o.indicator_id = any(:ids) or not exists (select 1 from target_term t where t.indicator_id = o.indicator_id))""")
			.param("year", year)
			.param("ids", ids)
			.update();
		jdbc.sql("""
				insert into progress_obligation (as_of_year, indicator_id, region_code, period_id)
				select :year, o.indicator_id, o.region_code, o.period_id from reporting_obligation o
				where o.year = :year and o.kind = 'ANNUAL' and o.indicator_id = any(:ids)
				on conflict do nothing""")
			.param("year", year)
			.param("ids", ids)
			.update();
		if (rows.target.size() >= ANALYZE_AFTER) {
			// A large batch (the first materialisation of a year) leaves the planner's statistics far off,
			// and dashboards would get nested-loop plans over tens of thousands of rows until autovacuum runs.
			jdbc.sql("analyze target_progress").update();
			jdbc.sql("analyze progress_obligation").update();
		}
		jdbc.sql("""
				insert into progress_freshness (indicator_id, as_of_year, include_submitted, watermark, snapshot)
				select unnest(cast(:ids as bigint[])), :year, :submitted, :watermark, cast(:snapshot as pg_snapshot)
				on conflict (indicator_id, as_of_year, include_submitted)
				do update set watermark = excluded.watermark, snapshot = excluded.snapshot""")
			.param("ids", ids)
			.param("year", year)
			.param("submitted", includeSubmitted)
			.param("watermark", watermark)
			.param("snapshot", snapshot)
			.update();
		return Set.copyOf(changedRegions);
	}

	/** Column arrays for one {@code unnest} insert. */
	private final class Rows {

		final List<Long> target = new ArrayList<>();

		final List<Long> indicator = new ArrayList<>();

		final List<String> status = new ArrayList<>();

		final List<Integer> latestYear = new ArrayList<>();

		final List<String> latestValue = new ArrayList<>();

		final List<Boolean> provisional = new ArrayList<>();

		final List<String> source = new ArrayList<>();

		final List<String> milestone = new ArrayList<>();

		final List<Boolean> milestoneMet = new ArrayList<>();

		final List<String> forecast = new ArrayList<>();

		final List<String> ratio = new ArrayList<>();

		final List<String> explanation = new ArrayList<>();

		final List<String> series = new ArrayList<>();

		void add(TargetTerms terms, Progress progress, List<Figure> figures) {
			target.add(terms.id());
			indicator.add(terms.indicatorId());
			status.add(progress.status().name());
			latestYear.add(progress.latestYear());
			latestValue.add(text(progress.latestValue()));
			provisional.add(progress.provisional());
			source.add(progress.source() == null ? null : progress.source().name());
			milestone.add(text(progress.milestoneValue()));
			milestoneMet.add(progress.milestoneMet());
			forecast.add(text(progress.forecastValue()));
			ratio.add(text(progress.ratio()));
			explanation.add(json.writeValueAsString(ExplanationJson.toTree(progress.explanation())));
			List<List<Object>> points = new ArrayList<>();
			for (Figure figure : figures) {
				points.add(List.of(figure.year(), figure.value().setScale(4, java.math.RoundingMode.HALF_UP)));
			}
			series.add(json.writeValueAsString(points));
		}

		private static String text(BigDecimal number) {
			return number == null ? null : number.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString();
		}

	}

	/** Explanations as stored: {@code {"code": …, "args": [string | explanation …]}}. */
	static final class ExplanationJson {

		private ExplanationJson() {
		}

		static Map<String, Object> toTree(Explanation explanation) {
			Map<String, Object> tree = new LinkedHashMap<>();
			tree.put("code", explanation.code());
			tree.put("args", explanation.args()
				.stream()
				.map(arg -> arg instanceof Explanation nested ? toTree(nested) : String.valueOf(arg))
				.toList());
			return tree;
		}

		static Explanation fromTree(JsonNode tree) {
			List<Object> args = new ArrayList<>();
			for (JsonNode arg : tree.get("args")) {
				args.add(arg.isObject() ? fromTree(arg) : arg.asString());
			}
			return new Explanation(tree.get("code").asString(), args);
		}

	}

}

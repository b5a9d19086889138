package cn.qualityportal.progress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * {@code counted_target}, docs/progress.md "What counts"): before any read, the indicators changed since they were
 * last materialised (see V11__target_progress.sql) are recomputed, all their targets at once,
 * from one query for figures, one for targets and one for the region tree. When nothing changed
 * a refresh costs one query.
 */
@Service
class ProgressStore {

	/** The advisory lock writers share (in the triggers) and the refresher holds alone. */
	static final long LOCK = 715100;

	/** Statuses written at once above which the table's statistics are refreshed. */
	private static final int ANALYZE_AFTER = 5_000;

	private static final String STALE = """
			select i.id from (select distinct indicator_id as id from target_term) i
			where not exists (
			    select 1 from progress_freshness f
			    where f.indicator_id = i.id and f.as_of_year = :year and f.include_submitted = :submitted
			      and not exists (select 1 from progress_change c
			                      where (c.indicator_id = i.id or c.indicator_id is null) and c.id > f.watermark))""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final TransactionTemplate separate;

	ProgressStore(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Recomputes what changed since last time; returns how many indicators were recomputed. */
	int refresh(int year, boolean includeSubmitted) {
		if (stale(year, includeSubmitted).isEmpty()) {
			return 0;
		}
		Integer recomputed = separate.execute(status -> {
			jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query().singleValue();
			long watermark = jdbc.sql("select coalesce(max(id), 0) from progress_change").query(Long.class).single();
			List<Long> indicators = stale(year, includeSubmitted);
			if (!indicators.isEmpty()) {
				materialise(indicators, year, includeSubmitted, watermark);
			}
			return indicators.size();
		});
		return recomputed == null ? 0 : recomputed;
	}

	private List<Long> stale(int year, boolean includeSubmitted) {
		return jdbc.sql(STALE).param("year", year).param("submitted", includeSubmitted).query(Long.class).list();
	}

	private record TargetTerms(long id, long indicatorId, String regionCode, Terms terms, Aggregation aggregation,
			BigDecimal milestone) {
	}

	private void materialise(List<Long> indicators, int year, boolean includeSubmitted, long watermark) {
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
				select v.indicator_id, v.region_code, v.year, v.value, v.numerator, v.denominator, v.status
				from reported_figure v
				where v.kind = 'ANNUAL' and v.indicator_id = any(:ids) and v.year <= :year
				  and (v.status = 'APPROVED' or (:submitted and v.status = 'SUBMITTED'))""")
			.param("ids", ids)
			.param("year", year)
			.param("submitted", includeSubmitted)
			.query((rs, row) -> reported.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
				.add(new RollUp.Reported(rs.getString(2), rs.getInt(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
						rs.getBigDecimal(6), rs.getString(7).equals("SUBMITTED"))))
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

		jdbc.sql("delete from target_progress where as_of_year = :year and include_submitted = :submitted and indicator_id = any(:ids)")
			.param("year", year)
			.param("submitted", includeSubmitted)
			.param("ids", ids)
			.update();
		jdbc.sql("""
				insert into target_progress (target_id, as_of_year, include_submitted, indicator_id, status, latest_year,
				    latest_value, provisional, source, milestone_value, milestone_met, forecast_value, ratio, explanation, series)
				select target_id, :year, :submitted, indicator_id, status, latest_year, latest_value, provisional, source,
				       milestone_value, milestone_met, forecast_value, ratio, explanation::jsonb, series::jsonb
				from unnest(cast(:target as bigint[]), cast(:indicator as bigint[]), cast(:status as text[]),
				            cast(:latestYear as int[]), cast(:latestValue as numeric[]), cast(:provisional as boolean[]),
				            cast(:source as text[]), cast(:milestone as numeric[]), cast(:milestoneMet as boolean[]),
				            cast(:forecast as numeric[]), cast(:ratio as numeric[]), cast(:explanation as text[]),
				            cast(:series as text[]))
				     as r (target_id, indicator_id, status, latest_year, latest_value, provisional, source, milestone_value,
				           milestone_met, forecast_value, ratio, explanation, series)""")
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
			.update();
		if (rows.target.size() >= ANALYZE_AFTER) {
			// A large batch (the first materialisation of a year) leaves the planner's statistics far off,
			// and dashboards would get nested-loop plans over tens of thousands of rows until autovacuum runs.
			jdbc.sql("analyze target_progress").update();
		}
		jdbc.sql("""
				insert into progress_freshness (indicator_id, as_of_year, include_submitted, watermark)
				select unnest(cast(:ids as bigint[])), :year, :submitted, :watermark
				on conflict (indicator_id, as_of_year, include_submitted) do update set watermark = excluded.watermark""")
			.param("ids", ids)
			.param("year", year)
			.param("submitted", includeSubmitted)
			.param("watermark", watermark)
			.update();
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

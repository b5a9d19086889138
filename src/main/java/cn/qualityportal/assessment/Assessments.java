package cn.qualityportal.assessment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.system.StaleForms;
import cn.qualityportal.progress.ProgressBoard;
import cn.qualityportal.progress.TargetStatus;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.targets.GoalArea;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schemes, live rankings and publication. A live ranking is computed from the materialised
 * statuses and the reporting record in four queries; a published one is read back exactly as it
 * was stored, whatever changed since.
 */
@Service
public class Assessments {

	private final JdbcClient jdbc;

	private final ProgressBoard board;

	private final AuditTrail audit;

	private final JsonMapper json;

	Assessments(JdbcClient jdbc, ProgressBoard board, AuditTrail audit, JsonMapper json) {
		this.jdbc = jdbc;
		this.board = board;
		this.audit = audit;
		this.json = json;
	}

	/** A region's place: its rank, last year's rank (null when it had none) and its explained score. */
	public record Ranked(int rank, Integer previousRank, AssessmentScore.RegionScore score) {

		/** Places gained since last year (positive is up), or null. */
		public Integer movement() {
			return previousRank == null ? null : previousRank - rank;
		}

	}

	public record Ranking(int year, String parentCode, String parentName, boolean published, OffsetDateTime publishedAt,
			String publishedBy, Scheme scheme, List<Ranked> rows) {

		public Optional<Ranked> of(String regionCode) {
			return rows.stream().filter(row -> row.score().regionCode().equals(regionCode)).findFirst();
		}

	}

	/** The year's scheme, or the defaults when none was saved. */
	@Transactional(readOnly = true)
	public Scheme scheme(int year) {
		Optional<Scheme> saved = jdbc.sql("select * from assessment_scheme where year = :year")
			.param("year", year)
			.query((rs, row) -> {
				Map<TargetStatus, BigDecimal> points = new EnumMap<>(TargetStatus.class);
				points.put(TargetStatus.ACHIEVED, rs.getBigDecimal("points_achieved"));
				points.put(TargetStatus.ON_TRACK, rs.getBigDecimal("points_on_track"));
				points.put(TargetStatus.NEEDS_ACCELERATION, rs.getBigDecimal("points_needs_acceleration"));
				points.put(TargetStatus.OFF_TRACK, rs.getBigDecimal("points_off_track"));
				points.put(TargetStatus.OVERDUE, rs.getBigDecimal("points_overdue"));
				points.put(TargetStatus.NO_DATA, rs.getBigDecimal("points_no_data"));
				return new Scheme(year, points, rs.getBigDecimal("deduction_late"), rs.getBigDecimal("deduction_missing"),
						rs.getBigDecimal("deduction_returned"), rs.getBoolean("include_submitted"), Map.of(), Map.of(),
						rs.getLong("version"), true);
			})
			.optional();
		if (saved.isEmpty()) {
			return Scheme.defaults(year);
		}
		Map<GoalArea, BigDecimal> areas = new EnumMap<>(GoalArea.class);
		Map<String, BigDecimal> indicators = new LinkedHashMap<>();
		jdbc.sql("""
				select w.area, i.code, w.weight from assessment_weight w left join indicator_directory i on i.id = w.indicator_id
				where w.year = :year order by w.area nulls last, i.code""")
			.param("year", year)
			.query((rs, row) -> {
				if (rs.getString("area") != null) {
					areas.put(GoalArea.valueOf(rs.getString("area")), rs.getBigDecimal("weight"));
				}
				else {
					indicators.put(rs.getString("code"), rs.getBigDecimal("weight"));
				}
				return null;
			})
			.list();
		Scheme scheme = saved.get();
		return new Scheme(year, scheme.points(), scheme.lateDeduction(), scheme.missingDeduction(),
				scheme.returnedDeduction(), scheme.includeSubmitted(), areas, indicators, scheme.version(), true);
	}

	/**
	 * Saves a year's scheme if nobody changed it since {@code version} was read and no ranking of
	 * the year is published; the change is audited.
	 */
	@Transactional
	public void save(Scheme scheme, String actor) {
		if (isPublishedAnywhere(scheme.year())) {
			throw new Refusal(HttpStatus.CONFLICT, "assessment.schemeFrozen");
		}
		Scheme before = scheme(scheme.year());
		// Version 0 is the unsaved defaults; a saved scheme starts at 1.
		if (before.version() != scheme.version()) {
			throw new Refusal(HttpStatus.CONFLICT, StaleForms.CONFLICT);
		}
		Map<TargetStatus, BigDecimal> points = scheme.points();
		int updated = jdbc.sql("""
				insert into assessment_scheme (year, points_achieved, points_on_track, points_needs_acceleration, points_off_track,
				    points_overdue, points_no_data, deduction_late, deduction_missing, deduction_returned, include_submitted,
				    updated_by, updated_at, version)
				values (:year, :achieved, :onTrack, :acceleration, :offTrack, :overdue, :noData, :late, :missing, :returned,
				        :submitted, :actor, now(), 1)
				on conflict (year) do update set points_achieved = excluded.points_achieved,
				    points_on_track = excluded.points_on_track, points_needs_acceleration = excluded.points_needs_acceleration,
				    points_off_track = excluded.points_off_track, points_overdue = excluded.points_overdue,
				    points_no_data = excluded.points_no_data, deduction_late = excluded.deduction_late,
				    deduction_missing = excluded.deduction_missing, deduction_returned = excluded.deduction_returned,
				    include_submitted = excluded.include_submitted, updated_by = excluded.updated_by, updated_at = now(),
				    version = assessment_scheme.version + 1
				where assessment_scheme.version = :version""")
			.param("year", scheme.year())
			.param("achieved", points.get(TargetStatus.ACHIEVED))
			.param("onTrack", points.get(TargetStatus.ON_TRACK))
			.param("acceleration", points.get(TargetStatus.NEEDS_ACCELERATION))
			.param("offTrack", points.get(TargetStatus.OFF_TRACK))
			.param("overdue", points.get(TargetStatus.OVERDUE))
			.param("noData", points.get(TargetStatus.NO_DATA))
			.param("late", scheme.lateDeduction())
			.param("missing", scheme.missingDeduction())
			.param("returned", scheme.returnedDeduction())
			.param("submitted", scheme.includeSubmitted())
			.param("actor", actor)
			.param("version", scheme.version())
			.update();
		if (updated == 0) {
			throw new Refusal(HttpStatus.CONFLICT, StaleForms.CONFLICT);
		}
		jdbc.sql("delete from assessment_weight where year = :year").param("year", scheme.year()).update();
		scheme.areaWeights().forEach((area, weight) -> jdbc.sql(
				"insert into assessment_weight (year, area, weight) values (:year, :area, :weight)")
			.param("year", scheme.year())
			.param("area", area.name())
			.param("weight", weight)
			.update());
		scheme.indicatorWeights().forEach((code, weight) -> jdbc.sql("""
				insert into assessment_weight (year, indicator_id, weight)
				select :year, id, :weight from indicator_directory where code = :code""")
			.param("year", scheme.year())
			.param("code", code)
			.param("weight", weight)
			.update());
		audit.record(actor, "assessment_scheme", (long) scheme.year(), before.saved() ? "UPDATE" : "CREATE",
				before.saved() ? state(before) : null, state(scheme), null);
	}

	/** The ranking of the regions directly below {@code parent}: as published, or computed now. */
	@Transactional(readOnly = true)
	public Ranking ranking(String parent, int year) {
		return published(parent, year).orElseGet(() -> live(parent, year, true));
	}

	/**
	 * Each subregion's score of the year, by region code: as published, or computed now. Unlike
	 * {@link #ranking} it leaves out last year's ranking (only movement needs it), so the
	 * rubric's automatic criteria cost one live computation of one year.
	 */
	@Transactional(readOnly = true)
	public Map<String, AssessmentScore.RegionScore> scores(String parent, int year) {
		Map<String, AssessmentScore.RegionScore> scores = new HashMap<>();
		published(parent, year).orElseGet(() -> live(parent, year, false))
			.rows()
			.forEach(row -> scores.put(row.score().regionCode(), row.score()));
		return scores;
	}

	/** Freezes today's ranking: stored as computed, with the scheme used, and audited. */
	@Transactional
	public Ranking publish(String parent, int year, String actor) {
		if (published(parent, year).isPresent()) {
			throw new Refusal(HttpStatus.CONFLICT, "assessment.alreadyPublished");
		}
		Ranking ranking = live(parent, year, true);
		if (ranking.rows().isEmpty()) {
			throw new Refusal(HttpStatus.CONFLICT, "assessment.nothingToPublish");
		}
		jdbc.sql("""
				insert into assessment_publication (year, parent_region_code, scheme, published_by)
				values (:year, :parent, cast(:scheme as jsonb), :actor)""")
			.param("year", year)
			.param("parent", parent)
			.param("scheme", json.writeValueAsString(ranking.scheme()))
			.param("actor", actor)
			.update();
		for (Ranked row : ranking.rows()) {
			jdbc.sql("""
					insert into assessment_result (year, parent_region_code, region_code, rank, score, detail)
					values (:year, :parent, :region, :rank, :score, cast(:detail as jsonb))""")
				.param("year", year)
				.param("parent", parent)
				.param("region", row.score().regionCode())
				.param("rank", row.rank())
				.param("score", row.score().score())
				.param("detail", json.writeValueAsString(row))
				.update();
		}
		List<Map<String, Object>> summary = ranking.rows()
			.stream()
			.map(row -> Map.<String, Object>of("region", row.score().regionCode(), "rank", row.rank(), "score",
					row.score().score()))
			.toList();
		audit.record(actor, "assessment", (long) year, "PUBLISH", null,
				Map.of("year", year, "region", parent, "ranking", summary), null);
		return published(parent, year).orElseThrow();
	}

	private Optional<Ranking> published(String parent, int year) {
		Optional<Map<String, Object>> publication = jdbc.sql("""
				select p.scheme::text as scheme, p.published_at, p.published_by, r.name
				from assessment_publication p join region_directory r on r.code = p.parent_region_code
				where p.year = :year and p.parent_region_code = :parent""")
			.param("year", year)
			.param("parent", parent)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (publication.isEmpty()) {
			return Optional.empty();
		}
		List<Ranked> rows = jdbc.sql("""
				select detail::text from assessment_result where year = :year and parent_region_code = :parent
				order by rank, region_code""")
			.param("year", year)
			.param("parent", parent)
			.query((rs, row) -> json.readValue(rs.getString(1), Ranked.class))
			.list();
		Map<String, Object> p = publication.get();
		return Optional.of(new Ranking(year, parent, (String) p.get("name"), true,
				((java.sql.Timestamp) p.get("published_at")).toInstant().atOffset(java.time.ZoneOffset.ofHours(8)),
				(String) p.get("published_by"), json.readValue((String) p.get("scheme"), Scheme.class), rows));
	}

	private boolean isPublishedAnywhere(int year) {
		return jdbc.sql("select exists (select 1 from assessment_publication where year = :year)")
			.param("year", year)
			.query(Boolean.class)
			.single();
	}

	private Ranking live(String parent, int year, boolean withPrevious) {
		Scheme scheme = scheme(year);
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, List<AssessmentScore.Target>> targets = new LinkedHashMap<>();
		// Statuses exist only for the targets that count in the year (docs/progress.md, "What counts").
		for (ProgressBoard.TargetBelow target : board.targetsBelow(parent, year, scheme.includeSubmitted())) {
			names.put(target.regionCode(), target.regionName());
			targets.computeIfAbsent(target.regionCode(), code -> new ArrayList<>())
				.add(new AssessmentScore.Target(target.targetId(), target.indicatorCode(), target.indicatorName(),
						target.area(), target.status(), target.document()));
		}
		Map<String, AssessmentScore.Reporting> reporting = reporting(parent, year);
		List<AssessmentScore.RegionScore> scores = new ArrayList<>();
		targets.forEach((code, lines) -> scores.add(AssessmentScore.score(scheme, code, names.get(code), lines,
				reporting.getOrDefault(code, AssessmentScore.Reporting.NONE))));
		scores.sort(java.util.Comparator.comparing(AssessmentScore.RegionScore::score)
			.reversed()
			.thenComparing(AssessmentScore.RegionScore::regionCode));
		int[] ranks = AssessmentScore.ranks(scores.stream().map(AssessmentScore.RegionScore::score).toList());
		Map<String, Integer> previous = new HashMap<>();
		if (withPrevious) {
			Ranking before = published(parent, year - 1).orElseGet(() -> live(parent, year - 1, false));
			before.rows().forEach(row -> previous.put(row.score().regionCode(), row.rank()));
		}
		List<Ranked> rows = new ArrayList<>();
		for (int i = 0; i < scores.size(); i++) {
			rows.add(new Ranked(ranks[i], previous.get(scores.get(i).regionCode()), scores.get(i)));
		}
		String parentName = jdbc.sql("select name from region_directory where code = :parent").param("parent", parent)
			.query(String.class).optional().orElse(parent);
		return new Ranking(year, parent, parentName, false, null, null, scheme, rows);
	}

	/**
	 * Per subregion: what it and the regions below it owed for the year's annual period (the
	 * reporting module's {@code reporting_obligation}) that was late (first submitted after the
	 * period's due date), missing (never submitted) or returned (now or at any time). Lateness and
	 * returns are facts stored on the figure when they happened, never read from the audit trail,
	 * which is purged.
	 */
	private Map<String, AssessmentScore.Reporting> reporting(String parent, int year) {
		Map<String, AssessmentScore.Reporting> reporting = new HashMap<>();
		jdbc.sql("""
				with below (ranked, code) as (
				    select c.code, b.code from region_directory c cross join lateral region_subtree(c.code) b
				    where c.parent_code = :parent)
				select b.ranked,
				       count(*) filter (where v.submitted_late) as late,
				       count(*) filter (where v.id is null or v.status = 'DRAFT') as missing,
				       count(*) filter (where v.status = 'RETURNED' or v.return_count > 0) as returned
				from below b
				join reporting_obligation o on o.region_code = b.code and o.year = :year and o.kind = 'ANNUAL'
				left join reported_figure v on v.indicator_id = o.indicator_id and v.region_code = o.region_code
				     and v.period_id = o.period_id
				group by b.ranked""")
			.param("parent", parent)
			.param("year", year)
			.query((rs, row) -> reporting.put(rs.getString(1),
					new AssessmentScore.Reporting(rs.getInt(2), rs.getInt(3), rs.getInt(4))))
			.list();
		return reporting;
	}

	private static Map<String, Object> state(Scheme scheme) {
		Map<String, Object> state = new LinkedHashMap<>();
		scheme.points().forEach((status, points) -> state.put("points." + status, points));
		state.put("deduction.late", scheme.lateDeduction());
		state.put("deduction.missing", scheme.missingDeduction());
		state.put("deduction.returned", scheme.returnedDeduction());
		state.put("includeSubmitted", scheme.includeSubmitted());
		scheme.areaWeights().forEach((area, weight) -> state.put("weight." + area, weight));
		scheme.indicatorWeights().forEach((code, weight) -> state.put("weight." + code, weight));
		return state;
	}


}

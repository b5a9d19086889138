package cn.qualityportal.dashboards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.progress.ProgressBoard;
import cn.qualityportal.progress.TargetStatus;
import cn.qualityportal.targets.GoalArea;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The leadership overview of one region as set-based SQL over the materialised statuses: status
 * counts by goal area, the region and its direct subregions by goal area (heat table and ranking),
 * what changed since the year before, and reporting completeness. Four queries whatever the size.
 */
@Service
class Overview {

	/** The region, the regions below it, and only those the reader covers. */
	private static final String SUBTREE = """
			with scoped as (
			    select t.id, t.region_code, t.indicator_id, t.indicator_code, t.indicator_name, t.deadline_year, t.area
			    from target_term t
			    where t.region_code in (select code from region_subtree(:root)) and (:everything or t.region_code = any(:scope)))
			""";

	private final JdbcClient jdbc;

	private final ProgressBoard board;

	Overview(JdbcClient jdbc, ProgressBoard board) {
		this.jdbc = jdbc;
		this.board = board;
	}

	record Standing(String regionCode, String regionName, boolean root, Map<TargetStatus, Integer> counts,
			Map<GoalArea, int[]> byArea) {

		public int total() {
			return counts.values().stream().mapToInt(Integer::intValue).sum();
		}

		public int good() {
			return counts.getOrDefault(TargetStatus.ACHIEVED, 0) + counts.getOrDefault(TargetStatus.ON_TRACK, 0);
		}

		public int behind() {
			return counts.getOrDefault(TargetStatus.OFF_TRACK, 0) + counts.getOrDefault(TargetStatus.OVERDUE, 0);
		}

		/** Share of targets achieved or on track, 0–100. */
		public double share() {
			return total() == 0 ? 0 : 100.0 * good() / total();
		}

		/** The heat-table cell of an area: {achieved or on track, all}; null when the region has none there. */
		public int[] cell(GoalArea area) {
			return byArea.get(area);
		}

	}

	record Change(long targetId, String regionName, String indicatorName, TargetStatus before, TargetStatus now) {
	}

	record Completion(String regionCode, String regionName, int expected, int submitted, int approved) {

		public int percent() {
			return expected == 0 ? 100 : Math.round(100f * submitted / expected);
		}

	}

	record View(Map<GoalArea, Map<TargetStatus, Integer>> byArea, List<Standing> standings, List<Change> changes,
			List<Completion> completion) {

		/** The subregions, best first: share achieved or on track, then fewer behind, then code. */
		public List<Standing> ranking() {
			return standings.stream()
				.filter(standing -> !standing.root())
				.sorted(Comparator.comparingDouble(Standing::share)
					.reversed()
					.thenComparingInt(Standing::behind)
					.thenComparing(Standing::regionCode))
				.toList();
		}

		public List<GoalArea> areas() {
			return List.copyOf(byArea.keySet());
		}

		public Map<TargetStatus, Integer> totals() {
			Map<TargetStatus, Integer> totals = new EnumMap<>(TargetStatus.class);
			byArea.values().forEach(counts -> counts.forEach((status, count) -> totals.merge(status, count, Integer::sum)));
			return totals;
		}

	}

	View of(String root, int year, boolean includeSubmitted, DataScope scope) {
		board.refresh(year, includeSubmitted);
		board.refresh(year - 1, includeSubmitted);

		Map<GoalArea, Map<TargetStatus, Integer>> byArea = new java.util.TreeMap<>();
		Map<String, Standing> standings = new LinkedHashMap<>();
		// One pass over (region, area, status) gives both the area counts and the per-region standings.
		params(jdbc.sql(SUBTREE + """
				select s.region_code, r.name, s.region_code = :root as root, s.area, p.status, count(*) as n
				from scoped s join target_progress p on p.target_id = s.id and p.as_of_year = :year and p.include_submitted = :submitted
				join region_directory r on r.code = s.region_code
				group by s.region_code, r.name, s.area, p.status
				order by s.region_code"""), root, scope).param("year", year)
			.param("submitted", includeSubmitted)
			.query((rs, row) -> {
				GoalArea area = GoalArea.of(rs.getString("area"));
				TargetStatus status = TargetStatus.valueOf(rs.getString("status"));
				int n = rs.getInt("n");
				byArea.computeIfAbsent(area, a -> new EnumMap<>(TargetStatus.class)).merge(status, n, Integer::sum);
				return new Object[] { rs.getString("region_code"), rs.getString("name"), rs.getBoolean("root"), area, status, n };
			})
			.list()
			.forEach(row -> {
				Standing standing = standings.computeIfAbsent((String) row[0], code -> new Standing(code, (String) row[1],
						(Boolean) row[2], new EnumMap<>(TargetStatus.class), new EnumMap<>(GoalArea.class)));
				TargetStatus status = (TargetStatus) row[4];
				int n = (Integer) row[5];
				standing.counts().merge(status, n, Integer::sum);
				int[] cell = standing.byArea().computeIfAbsent((GoalArea) row[3], a -> new int[2]);
				cell[0] += status.isGood() ? n : 0;
				cell[1] += n;
			});
		List<Standing> direct = directChildrenFirst(root, standings);

		List<Change> changes = params(jdbc.sql(SUBTREE + """
				select s.id, r.name as region_name, s.indicator_name, before.status as before, now.status as now
				from scoped s
				join target_progress now on now.target_id = s.id and now.as_of_year = :year and now.include_submitted = :submitted
				join target_progress before on before.target_id = s.id and before.as_of_year = :year - 1
				     and before.include_submitted = :submitted
				join region_directory r on r.code = s.region_code
				where before.status <> now.status
				order by s.region_code, s.indicator_code
				limit 50"""), root, scope).param("year", year)
			.param("submitted", includeSubmitted)
			.query((rs, row) -> new Change(rs.getLong("id"), rs.getString("region_name"), rs.getString("indicator_name"),
					TargetStatus.valueOf(rs.getString("before")), TargetStatus.valueOf(rs.getString("now"))))
			.list();

		List<Completion> completion = params(jdbc.sql("""
				-- What each region owes (the reporting module's reporting_obligation): not what rolls up from below.
				select o.region_code, r.name,
				       count(*) as expected,
				       count(v.id) filter (where v.status in ('SUBMITTED', 'APPROVED')) as submitted,
				       count(v.id) filter (where v.status = 'APPROVED') as approved
				from reporting_obligation o join region_directory r on r.code = o.region_code
				left join reported_figure v on v.indicator_id = o.indicator_id and v.region_code = o.region_code
				     and v.period_id = o.period_id
				where o.year = :year and o.kind = 'ANNUAL' and o.region_code in (select code from region_subtree(:root))
				  and (:everything or o.region_code = any(:scope))
				group by o.region_code, r.name
				order by o.region_code"""), root, scope).param("year", year)
			.query((rs, row) -> new Completion(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
			.list();
		return new View(byArea, direct, changes, completion);
	}

	/** The root and the regions directly below it (deeper regions count only in the area totals). */
	private List<Standing> directChildrenFirst(String root, Map<String, Standing> standings) {
		List<String> children = jdbc.sql("select code from region_directory where parent_code = :root order by code")
			.param("root", root)
			.query(String.class)
			.list();
		List<Standing> direct = new ArrayList<>();
		if (standings.containsKey(root)) {
			direct.add(standings.get(root));
		}
		children.stream().filter(standings::containsKey).map(standings::get).forEach(direct::add);
		return direct;
	}

	private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec statement, String root, DataScope scope) {
		return statement.param("root", root).param("everything", scope.everything()).param("scope", scope.writableArray());
	}


}

package cn.qualityportal.dashboards;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.progress.ProgressBoard;
import cn.qualityportal.progress.TargetStatus;
import cn.qualityportal.targets.GoalArea;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The leadership overview of one region, read through {@link ProgressBoard} from the materialised
 * statuses and obligations: status counts by goal area, the region and its direct subregions by goal
 * area (heat table and ranking), what changed since the year before, and reporting completeness.
 * Four queries whatever the size.
 *
 * <p>A province's overview counts 25,400 statuses and its completeness in PostgreSQL (a third of a
 * second), and every leader of the province asks for the same one at sign-in. So a computed view is
 * kept and given to the next reader of the same region, year and scope while the statuses it was
 * computed from are still the last ones: neither the year's nor the year before's (the changes since
 * then) has been refreshed since ({@link ProgressBoard.Freshness#asOf}). A change to figures or
 * targets starts a refresh, and the refresh ends the kept view; until it has run the page says "as
 * of", as it does for the statuses. Names of regions and departments start no refresh: a kept view
 * is at most {@link ProgressBoard#KEPT_AT_MOST} old.
 */
@Service
class Overview {

	private final JdbcClient jdbc;

	private final ProgressBoard board;

	private final Cache<Key, View> kept = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(ProgressBoard.KEPT_AT_MOST).build();

	Overview(JdbcClient jdbc, ProgressBoard board) {
		this.jdbc = jdbc;
		this.board = board;
	}

	/**
	 * An overview as of the last refresh of the judged year's statuses and of the year before's (its
	 * changes); a recomputation still pending changes none of them.
	 */
	private record Key(String root, int year, boolean includeSubmitted, DataScope scope, OffsetDateTime judged,
			OffsetDateTime yearBefore) {
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
		Key key = new Key(root, year, includeSubmitted, scope, board.freshness(year, includeSubmitted).asOf(),
				board.freshness(year - 1, includeSubmitted).asOf());
		// Readers arriving while it is computed wait for that one computation instead of starting their own.
		return kept.get(key, k -> compute(root, year, includeSubmitted, scope));
	}

	private View compute(String root, int year, boolean includeSubmitted, DataScope scope) {
		Map<GoalArea, Map<TargetStatus, Integer>> byArea = new java.util.TreeMap<>();
		Map<String, Standing> standings = new LinkedHashMap<>();
		// One pass over (region, area, status) gives both the area counts and the per-region standings.
		for (ProgressBoard.StatusCount count : board.counts(root, year, includeSubmitted, scope)) {
			byArea.computeIfAbsent(count.area(), a -> new EnumMap<>(TargetStatus.class))
				.merge(count.status(), count.count(), Integer::sum);
			Standing standing = standings.computeIfAbsent(count.regionCode(), code -> new Standing(code, count.regionName(),
					code.equals(root), new EnumMap<>(TargetStatus.class), new EnumMap<>(GoalArea.class)));
			standing.counts().merge(count.status(), count.count(), Integer::sum);
			int[] cell = standing.byArea().computeIfAbsent(count.area(), a -> new int[2]);
			cell[0] += count.status().isGood() ? count.count() : 0;
			cell[1] += count.count();
		}
		List<Standing> direct = directChildrenFirst(root, standings);

		List<Change> changes = board.changes(root, year, includeSubmitted, scope, 50)
			.stream()
			.map(change -> new Change(change.targetId(), change.regionName(), change.indicatorName(), change.before(),
					change.now()))
			.toList();

		List<Completion> completion = board.completion(root, year, includeSubmitted, scope)
			.stream()
			.map(line -> new Completion(line.regionCode(), line.regionName(), line.expected(), line.submitted(), line.approved()))
			.toList();
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

}

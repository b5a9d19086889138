package cn.qualityportal.dashboards;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.qualityportal.assessment.Assessments;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.Regions;
import cn.qualityportal.progress.ProgressBoard;
import cn.qualityportal.progress.ProgressRow;
import cn.qualityportal.progress.TargetStatus;
import cn.qualityportal.targets.GoalArea;
import org.springframework.stereotype.Service;

/**
 * What a region's annual report says, for its HTML page and its PDF alike: status by goal area,
 * the targets at risk with their explanations, and the region's assessment result.
 */
@Service
class AnnualReport {

	/** Statuses that put a target on the "at risk" list. */
	static final List<TargetStatus> AT_RISK = List.of(TargetStatus.OVERDUE, TargetStatus.OFF_TRACK,
			TargetStatus.NEEDS_ACCELERATION);

	private final ProgressBoard board;

	private final Assessments assessments;

	AnnualReport(ProgressBoard board, Assessments assessments) {
		this.board = board;
		this.assessments = assessments;
	}

	record Content(Regions.RegionOption region, int year, Map<GoalArea, Map<TargetStatus, Integer>> byArea,
			Map<TargetStatus, Integer> totals, List<ProgressRow> atRisk, int targets,
			Assessments.Ranked assessment, int ranked, boolean assessmentPublished, List<Assessments.Ranked> subregions) {
	}

	Content of(Regions.RegionOption region, int year, DataScope scope) {
		List<ProgressRow> rows = board.rows(ProgressBoard.Query.of(year, false).region(region.code()), scope);
		Map<GoalArea, Map<TargetStatus, Integer>> byArea = new TreeMap<>();
		Map<TargetStatus, Integer> totals = new EnumMap<>(TargetStatus.class);
		for (TargetStatus status : TargetStatus.values()) {
			totals.put(status, 0);
		}
		for (ProgressRow row : rows) {
			byArea.computeIfAbsent(row.area(), area -> new EnumMap<>(TargetStatus.class)).merge(row.status(), 1, Integer::sum);
			totals.merge(row.status(), 1, Integer::sum);
		}
		List<ProgressRow> atRisk = rows.stream()
			.filter(row -> AT_RISK.contains(row.status()))
			.sorted(java.util.Comparator.comparingInt(row -> AT_RISK.indexOf(row.status())))
			.toList();
		Assessments.Ranked assessment = null;
		int ranked = 0;
		boolean published = false;
		if (region.parentCode() != null) {
			Assessments.Ranking ranking = assessments.ranking(region.parentCode(), year);
			// A region alone under its parent (the city under the province) has no one to be ranked against:
			// no "第 1 名（共 1 个地区）"; its report shows its own subregions' ranking instead, with itself as the reference.
			if (ranking.rows().size() > 1) {
				assessment = ranking.of(region.code()).orElse(null);
				ranked = ranking.rows().size();
				published = ranking.published();
			}
		}
		List<Assessments.Ranked> subregions = List.of();
		if (assessment == null) {
			Assessments.Ranking below = assessments.ranking(region.code(), year);
			subregions = below.rows();
			published = below.published();
		}
		return new Content(region, year, byArea, totals, atRisk, rows.size(), assessment, ranked, published, subregions);
	}

}

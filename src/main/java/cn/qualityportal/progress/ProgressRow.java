package cn.qualityportal.progress;

import java.math.BigDecimal;
import java.util.List;

import cn.qualityportal.targets.Comparator;
import cn.qualityportal.targets.GoalArea;

/**
 * One target with how it stands, as dashboards, reports and the API show it.
 *
 * @param area the target's goal area, else its indicator's category
 * @param series the yearly figures up to the judged year, [year, value] oldest first
 * @param cooperatingDepartmentNames the target's cooperating departments (配合单位), by name
 * @param decimals the decimals its figures are shown with (the indicator's declared, else its kind's)
 */
public record ProgressRow(long targetId, long indicatorId, String indicatorCode, String indicatorName, String unit,
		GoalArea area, String regionCode, String regionName, long documentId, String documentNumber,
		String documentTitle, Comparator comparator, BigDecimal value, BigDecimal valueMax, int deadlineYear,
		boolean increment, String condition, String leadDepartmentName, TargetStatus status, BigDecimal latestValue,
		Integer latestYear, boolean provisional, Figure.Source source, BigDecimal milestoneValue,
		BigDecimal forecastValue, BigDecimal ratio, Explanation explanation, List<Point> series,
		List<String> cooperatingDepartmentNames, int decimals) {

	public record Point(int year, BigDecimal value) {
	}

}

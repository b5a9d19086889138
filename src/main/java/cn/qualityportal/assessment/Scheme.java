package cn.qualityportal.assessment;

import java.math.BigDecimal;
import java.util.Map;

import cn.qualityportal.progress.TargetStatus;
import cn.qualityportal.targets.GoalArea;

/**
 * How a year is scored: points (0–100) per target status, points deducted per late, missing and
 * returned report, weights per goal area and per indicator (an indicator's weight wins; 1 when
 * neither is set), and whether submitted figures count.
 *
 * @param saved false for the defaults of a year nobody configured yet
 */
public record Scheme(int year, Map<TargetStatus, BigDecimal> points, BigDecimal lateDeduction,
		BigDecimal missingDeduction, BigDecimal returnedDeduction, boolean includeSubmitted,
		Map<GoalArea, BigDecimal> areaWeights, Map<String, BigDecimal> indicatorWeights, long version, boolean saved) {

	public Scheme {
		points = Map.copyOf(points);
		areaWeights = Map.copyOf(areaWeights);
		indicatorWeights = Map.copyOf(indicatorWeights);
	}

	static Scheme defaults(int year) {
		return new Scheme(year,
				Map.of(TargetStatus.ACHIEVED, new BigDecimal("100"), TargetStatus.ON_TRACK, new BigDecimal("80"),
						TargetStatus.NEEDS_ACCELERATION, new BigDecimal("50"), TargetStatus.OFF_TRACK, new BigDecimal("20"),
						TargetStatus.OVERDUE, BigDecimal.ZERO, TargetStatus.NO_DATA, BigDecimal.ZERO),
				BigDecimal.ONE, new BigDecimal("2"), new BigDecimal("0.5"), false, Map.of(), Map.of(), 0, false);
	}

	BigDecimal weight(String indicatorCode, GoalArea area) {
		BigDecimal weight = indicatorWeights.get(indicatorCode);
		if (weight == null) {
			weight = areaWeights.get(area);
		}
		return weight == null ? BigDecimal.ONE : weight;
	}

}

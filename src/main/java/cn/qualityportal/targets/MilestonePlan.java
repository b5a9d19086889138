package cn.qualityportal.targets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Proposes yearly milestones on a straight line from the baseline to the target. An increment
 * (新增) counts from zero in the baseline year; a change (提高5个百分点) moves the baseline. Counts
 * are rounded up when more is better and down when less is, so that meeting every milestone
 * meets the target; other values keep two decimals. The office edits the proposal as it likes.
 */
final class MilestonePlan {

	private MilestonePlan() {
	}

	/** Empty when the target has no baseline year (or, for a level, no baseline value) to start from. */
	static List<Milestone> propose(Comparator comparator, BigDecimal value, BigDecimal baselineValue,
			Integer baselineYear, int deadlineYear, boolean increment, ValueType valueType, Direction direction) {
		if (baselineYear == null || deadlineYear <= baselineYear) {
			return List.of();
		}
		BigDecimal start = increment ? BigDecimal.ZERO : baselineValue;
		BigDecimal end = increment ? value : TargetRules.level(comparator, value, baselineValue);
		if (start == null || end == null) {
			return List.of();
		}
		int years = deadlineYear - baselineYear;
		List<Milestone> milestones = new ArrayList<>();
		for (int year = baselineYear + 1; year <= deadlineYear; year++) {
			BigDecimal step = end.subtract(start)
				.multiply(BigDecimal.valueOf(year - baselineYear))
				.divide(BigDecimal.valueOf(years), 6, RoundingMode.HALF_UP);
			milestones.add(new Milestone(year, round(start.add(step), valueType, direction)));
		}
		return milestones;
	}

	private static BigDecimal round(BigDecimal value, ValueType valueType, Direction direction) {
		if (valueType == ValueType.COUNT || valueType == ValueType.YES_NO) {
			return value.setScale(0, direction == Direction.HIGHER ? RoundingMode.CEILING : RoundingMode.FLOOR);
		}
		return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
	}

}

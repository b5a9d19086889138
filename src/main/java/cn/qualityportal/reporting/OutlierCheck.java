package cn.qualityportal.reporting;

import java.math.BigDecimal;
import java.util.List;

/**
 * Whether a figure stands out from its own history enough to need an explanation before it is
 * submitted: a change against the previous period beyond {@code share} (0.3 = 30 %), or, with at
 * least three earlier figures, a distance from their mean of more than three standard deviations
 * (and more than a rounding hair, so a flat series does not flag every tiny step).
 */
final class OutlierCheck {

	private OutlierCheck() {
	}

	static boolean isOutlier(BigDecimal value, List<BigDecimal> earlier, double share) {
		if (value == null || earlier.isEmpty()) {
			return false;
		}
		double current = value.doubleValue();
		double previous = earlier.get(earlier.size() - 1).doubleValue();
		if (previous != 0 && Math.abs(current - previous) / Math.abs(previous) > share) {
			return true;
		}
		if (earlier.size() < 3) {
			return false;
		}
		double mean = earlier.stream().mapToDouble(BigDecimal::doubleValue).average().orElse(0);
		double variance = earlier.stream().mapToDouble(v -> Math.pow(v.doubleValue() - mean, 2)).sum() / (earlier.size() - 1);
		double spread = Math.sqrt(variance);
		return Math.abs(current - mean) > Math.max(3 * spread, 0.01 * Math.max(1, Math.abs(mean)));
	}

}

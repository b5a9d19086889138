package cn.qualityportal.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** How progress writes numbers: at most two decimals, no trailing zeros, no grouping. */
final class Numbers {

	private Numbers() {
	}

	static String plain(BigDecimal number) {
		return number == null ? "" : number.setScale(Math.min(2, Math.max(number.scale(), 0)), RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString();
	}

	static String plain(double number) {
		return plain(BigDecimal.valueOf(number));
	}

	/** A figure of an indicator: at most its declared decimals (1 for %, 0 for counts …), no trailing zeros, no grouping. */
	static String figure(BigDecimal number, int decimals) {
		return cn.qualityportal.targets.Figures.format(number, decimals);
	}

	static String figure(double number, int decimals) {
		return figure(BigDecimal.valueOf(number), decimals);
	}

	/**
	 * An anticipated-progress ratio as a whole percentage, except where rounding would carry it onto
	 * a status threshold it has not reached (0.4964 is 49.6 %, not 50 %, under 滞后; 0.996 is
	 * 99.6 %, not 100 %): then one decimal, rounded down. Negative ratios are not formatted here.
	 */
	static String percent(double ratio) {
		BigDecimal percent = BigDecimal.valueOf(ratio * 100);
		BigDecimal whole = percent.setScale(0, RoundingMode.HALF_UP);
		for (BigDecimal threshold : THRESHOLDS) {
			if (percent.compareTo(threshold) < 0 && whole.compareTo(threshold) >= 0) {
				return percent.setScale(1, RoundingMode.FLOOR).toPlainString() + "%";
			}
		}
		return whole.toPlainString() + "%";
	}

	/** The ratios where the status changes: 需加快 from 50 %, on track only at 100 %. */
	private static final List<BigDecimal> THRESHOLDS = List.of(
			BigDecimal.valueOf(ProgressRules.ACCELERATION_RATIO * 100).setScale(0, RoundingMode.UNNECESSARY),
			BigDecimal.valueOf(100));

	static BigDecimal decimal(Double number) {
		return number == null ? null : BigDecimal.valueOf(number).setScale(4, RoundingMode.HALF_UP);
	}

}

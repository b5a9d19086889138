package cn.qualityportal.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;

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

	static String percent(double ratio) {
		return BigDecimal.valueOf(ratio * 100).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
	}

	static BigDecimal decimal(Double number) {
		return number == null ? null : BigDecimal.valueOf(number).setScale(4, RoundingMode.HALF_UP);
	}

}

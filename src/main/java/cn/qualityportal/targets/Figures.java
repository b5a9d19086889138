package cn.qualityportal.targets;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

/**
 * The one rule for showing an indicator's figure (docs/progress.md §6): at most the indicator's
 * declared decimals ({@link ValueType#defaultDecimals()} when it declares none), rounded half up,
 * trailing zeros dropped, no thousands grouping: a count stored as 8.0000 reads 8, a rate stored
 * as 91.8000 reads 91.8, and 90.7333 of an indicator declared with 2 decimals reads 90.73. Pages
 * use it as {@code ${@figures.text(value, decimals)}}, exports and PDFs through the static methods.
 * The API keeps the exact stored figure.
 */
@Component("figures")
public class Figures {

	/** {@code value} rounded to at most {@code decimals} places, trailing zeros dropped; null stays null. */
	public static BigDecimal rounded(BigDecimal value, int decimals) {
		if (value == null) {
			return null;
		}
		BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
		return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
	}

	/** {@code value} as people read it; "" for no figure. */
	public static String format(BigDecimal value, int decimals) {
		return value == null ? "" : rounded(value, decimals).toPlainString();
	}

	/** For templates: {@code value} as people read it, "—" for no figure. */
	public String text(BigDecimal value, int decimals) {
		return value == null ? "—" : format(value, decimals);
	}

}

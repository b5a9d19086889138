package cn.qualityportal.reporting;

import java.util.Locale;
import java.util.regex.Pattern;

import cn.qualityportal.targets.ValueType;

/**
 * The kind of number a reporter is asked for, as the grid's hint, the field's input mode and the
 * template's prompt say it: from the indicator's value type, and for a plain number from its unit,
 * so an area in 万亩 or 平方米 is "a number with decimals", and only money (元, 万元, 亿元) is an
 * amount. The one place of this rule; the server's check stays {@link ValueType#violation}.
 */
public enum ExpectedNumber {

	INTEGER, PERCENTAGE, PER_MILLE, YES_NO, AMOUNT, DECIMAL;

	/** Units of money: any unit ending in 元 (元, 千元, 万元, 亿元, 美元) or a currency code or sign. */
	private static final Pattern MONEY = Pattern.compile(".*(元|圆)|(cny|rmb|usd|eur|yuan|¥|￥|\\$)",
			Pattern.CASE_INSENSITIVE);

	public static ExpectedNumber of(ValueType type, String unit) {
		return switch (type) {
			case COUNT -> INTEGER;
			case RATE -> PERCENTAGE;
			case PER_MILLE -> PER_MILLE;
			case YES_NO -> YES_NO;
			case AMOUNT, INDEX -> unit != null && MONEY.matcher(unit.strip().toLowerCase(Locale.ROOT)).matches() ? AMOUNT
					: DECIMAL;
		};
	}

	/** The message key of the hint under the grid's field. */
	public String hintKey() {
		return "reporting.expected." + name();
	}

	/** The message key of the template's validation prompt. */
	public String ruleKey() {
		return "excel.rule." + name();
	}

	/** The field's {@code inputmode}: a phone's keyboard without a decimal point for whole numbers. */
	public String inputMode() {
		return this == INTEGER || this == YES_NO ? "numeric" : "decimal";
	}

}

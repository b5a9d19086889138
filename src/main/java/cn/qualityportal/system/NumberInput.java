package cn.qualityportal.system;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one reader of numbers people type or send (forms, the JSON API, imported cells): it accepts
 * what Chinese users naturally write where it is unambiguous (full-width digits, {@code 1,000},
 * {@code 95%} for a percentage) and refuses, with a message key saying which form is expected,
 * anything else. It also bounds every number before any arithmetic is done with it: no exponent,
 * at most 15 significant digits and 4 decimals, and a magnitude the {@code numeric(18, 4)}
 * columns hold, so a value such as {@code 1e-100000000} is refused in microseconds instead of
 * occupying a thread for minutes. The rule is written down in docs/progress.md ("Numbers typed").
 */
public final class NumberInput {

	/** Longest text looked at; anything longer cannot be a number the columns hold. */
	static final int MAX_LENGTH = 40;

	static final int MAX_SIGNIFICANT_DIGITS = 15;

	static final int MAX_DECIMALS = 4;

	/** numeric(18, 4): 14 digits before the point. */
	static final BigDecimal LIMIT = new BigDecimal("100000000000000");

	private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

	private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

	private static final Pattern EXPONENT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)[eE][+-]?\\d+");

	/** What a trailing unit sign may be: {@code %} for percentages, {@code ‰} for per-mille figures, else none. */
	public enum Unit {

		PERCENT("%"), PER_MILLE("‰"), NONE(null);

		private final String sign;

		Unit(String sign) {
			this.sign = sign;
		}

	}

	/** A number, or the message key of why the text is not one (and then the value is null). */
	public record Reading(BigDecimal value, String problem) {

		public boolean ok() {
			return problem == null;
		}

		static Reading of(BigDecimal value) {
			return new Reading(value, null);
		}

		static Reading refused(String problem) {
			return new Reading(null, problem);
		}

	}

	/** Refusal of a number, for binders and deserializers that report problems by exception. */
	public static final class Invalid extends IllegalArgumentException {

		private final String messageKey;

		Invalid(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}

	}

	private NumberInput() {
	}

	/** Blank text reads as no number (null value, no problem). */
	public static Reading read(String text, Unit unit) {
		if (text == null) {
			return Reading.of(null);
		}
		if (text.length() > MAX_LENGTH * 4) {
			return Reading.refused("validation.number.format");
		}
		String normal = normalise(text);
		if (normal.isEmpty()) {
			return Reading.of(null);
		}
		if (normal.length() > MAX_LENGTH) {
			return Reading.refused("validation.number.digits");
		}
		if (normal.endsWith("%") || normal.endsWith("‰")) {
			String sign = normal.substring(normal.length() - 1);
			if (!sign.equals(unit.sign)) {
				return Reading.refused(sign.equals("%") ? "validation.number.percentNotHere" : "validation.number.perMilleNotHere");
			}
			normal = normal.substring(0, normal.length() - 1).strip();
		}
		if (GROUPED.matcher(normal).matches()) {
			normal = normal.replace(",", "");
		}
		if (EXPONENT.matcher(normal).matches()) {
			return Reading.refused("validation.number.exponent");
		}
		if (!PLAIN.matcher(normal).matches()) {
			return Reading.refused(normal.contains(",") ? "validation.number.grouping" : "validation.number.format");
		}
		BigDecimal value = new BigDecimal(normal);
		return check(value);
	}

	/** Checks a number that arrived already parsed (a JSON number, a spreadsheet cell) against the same bounds. */
	public static Reading check(BigDecimal value) {
		if (value == null) {
			return Reading.of(null);
		}
		// precision() and scale() are cheap; nothing below does arithmetic on an unbounded value.
		if (value.scale() < -MAX_SIGNIFICANT_DIGITS || value.precision() - value.scale() > 14) {
			return Reading.refused("validation.number.magnitude");
		}
		if (value.scale() > MAX_DECIMALS + MAX_SIGNIFICANT_DIGITS + MAX_LENGTH) {
			return Reading.refused("validation.number.decimals");
		}
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.scale() > MAX_DECIMALS) {
			return Reading.refused("validation.number.decimals");
		}
		if (stripped.precision() > MAX_SIGNIFICANT_DIGITS) {
			return Reading.refused("validation.number.digits");
		}
		if (value.abs().compareTo(LIMIT) >= 0) {
			return Reading.refused("validation.number.magnitude");
		}
		return Reading.of(value);
	}

	/** The number, or {@link Invalid} with the message key. */
	public static BigDecimal parse(String text, Unit unit) {
		Reading reading = read(text, unit);
		if (!reading.ok()) {
			throw new Invalid(reading.problem());
		}
		return reading.value();
	}

	/** Full-width digits and signs as their ASCII forms; spaces (also U+3000 and no-break) around it removed, inside it kept (and refused). */
	private static String normalise(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '０' && c <= '９') {
				out.append((char) ('0' + (c - '０')));
			}
			else if (c == '．') {
				out.append('.');
			}
			else if (c == '，') {
				out.append(',');
			}
			else if (c == '－' || c == '−') {
				out.append('-');
			}
			else if (c == '＋') {
				out.append('+');
			}
			else if (c == '％') {
				out.append('%');
			}
			else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				out.append(' ');
			}
			else {
				out.append(c);
			}
		}
		return out.toString().strip();
	}

}

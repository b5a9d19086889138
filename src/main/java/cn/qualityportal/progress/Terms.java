package cn.qualityportal.progress;

import java.math.BigDecimal;

import cn.qualityportal.targets.Comparator;
import cn.qualityportal.targets.Direction;
import cn.qualityportal.targets.TargetRow;
import cn.qualityportal.targets.ValueType;

/**
 * What a target asks for, as the rules need it: the comparison, its number(s), the baseline, the
 * deadline, whether the number is a gain counted from the baseline year (新增 …), and the kind and
 * direction of the indicator.
 */
public record Terms(Comparator comparator, BigDecimal value, BigDecimal valueMax, BigDecimal tolerance,
		BigDecimal baselineValue, Integer baselineYear, int deadlineYear, boolean increment, Direction direction,
		ValueType valueType, String unit, Integer decimals) {

	/** Terms of an indicator that declares no precision (its value type's default applies). */
	public Terms(Comparator comparator, BigDecimal value, BigDecimal valueMax, BigDecimal tolerance, BigDecimal baselineValue,
			Integer baselineYear, int deadlineYear, boolean increment, Direction direction, ValueType valueType, String unit) {
		this(comparator, value, valueMax, tolerance, baselineValue, baselineYear, deadlineYear, increment, direction,
				valueType, unit, null);
	}

	/** At most this many decimals in the numbers of the explanation: the indicator's own, else its kind's. */
	int precision() {
		return decimals != null ? decimals : valueType.defaultDecimals();
	}

	/** Relative tolerance of {@code ~} when the target sets none. */
	static final BigDecimal DEFAULT_RELATIVE_TOLERANCE = new BigDecimal("0.05");

	/** The number compared is a gain against a base, not the figure itself. */
	boolean measuresChange() {
		return increment || comparator.isChange();
	}

	/**
	 * Whether more of the measured quantity is better. Comparators that state a direction decide;
	 * for {@code =}, {@code ~} and ranges the indicator's direction does.
	 */
	boolean upward() {
		return switch (comparator) {
			case GE, GT, INCREASE_BY, DECREASE_BY -> true;
			case LE, LT -> false;
			case EQ, ABOUT, RANGE -> direction != Direction.LOWER;
		};
	}

	/**
	 * The bound the measured quantity must reach. A figure beyond a target on the better side never
	 * fails it, so {@code = x} is "reach x", {@code ~ x} is "reach x less the tolerance" and a range is
	 * "reach its nearer end".
	 */
	double threshold() {
		double x = value.doubleValue();
		return switch (comparator) {
			case ABOUT -> {
				double tolerance = this.tolerance != null ? this.tolerance.doubleValue()
						: Math.abs(x) * DEFAULT_RELATIVE_TOLERANCE.doubleValue();
				yield upward() ? x - tolerance : x + tolerance;
			}
			case RANGE -> upward() ? x : valueMax.doubleValue();
			default -> x;
		};
	}

	/** Whether a measured quantity meets the target; {@code >} and {@code <} exclude the bound. */
	boolean meets(double measure) {
		return meets(measure, threshold(), comparator == Comparator.GT || comparator == Comparator.LT);
	}

	/** Whether a measured quantity meets a yearly milestone (always inclusive). */
	boolean meetsMilestone(double measure, double milestone) {
		return meets(measure, milestone, false);
	}

	private boolean meets(double measure, double bound, boolean strict) {
		double epsilon = 1e-9;
		if (upward()) {
			return strict ? measure > bound + epsilon : measure >= bound - epsilon;
		}
		return strict ? measure < bound - epsilon : measure <= bound + epsilon;
	}

	/** "新增 ≥ 8个" for increments, else {@link #conditionText()}. */
	Object condition() {
		return increment ? Explanation.of("progress.condition.increment", conditionText()) : conditionText();
	}

	/** "≥ 93%", "2–3 个", "+5 百分点": the comparison and number(s) in short. */
	String conditionText() {
		return TargetRow.condition(comparator, value, valueMax, unit);
	}

}

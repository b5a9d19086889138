package cn.qualityportal.targets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a target's numbers must follow, given its indicator: values within the indicator's
 * range (percentages 0–100, per-mille 0–1000, counts whole and not negative), a range's minimum
 * not above its maximum, a deadline not before the baseline year, and a unit that is the
 * indicator's (or 百分点 for a change of a percentage).
 */
final class TargetRules {

	static final String PERCENTAGE_POINTS = "百分点";

	record Violation(String field, String code) {
	}

	private TargetRules() {
	}

	static List<Violation> check(TargetForm form, Indicator indicator) {
		List<Violation> violations = new ArrayList<>();
		Comparator comparator = form.comparator();
		if (comparator == null || form.value() == null) {
			return violations;
		}
		String unit = form.unit() == null || form.unit().isBlank() ? indicator.getUnit() : form.unit().strip();
		boolean pointsOfAPercentage = comparator.isChange() && PERCENTAGE_POINTS.equals(unit)
				&& "%".equals(indicator.getUnit());
		if (!unit.equals(indicator.getUnit()) && !pointsOfAPercentage) {
			violations.add(new Violation("unit", "validation.target.unit"));
		}
		if (comparator.isChange()) {
			if (form.value().signum() < 0) {
				violations.add(new Violation("value", "validation.target.changeNegative"));
			}
			else if (indicator.getValueType() == ValueType.COUNT && form.value().stripTrailingZeros().scale() > 0) {
				violations.add(new Violation("value", "validation.value.whole"));
			}
		}
		else {
			addIfBroken(violations, "value", indicator.getValueType().violation(form.value()));
		}
		if (comparator == Comparator.RANGE) {
			if (form.valueMax() == null) {
				violations.add(new Violation("valueMax", "validation.target.rangeMax"));
			}
			else {
				addIfBroken(violations, "valueMax", indicator.getValueType().violation(form.valueMax()));
				if (form.valueMax().compareTo(form.value()) < 0) {
					violations.add(new Violation("valueMax", "validation.target.rangeOrder"));
				}
			}
		}
		if (comparator == Comparator.ABOUT && form.tolerance() != null && form.tolerance().signum() < 0) {
			violations.add(new Violation("tolerance", "validation.target.tolerance"));
		}
		if (form.baselineValue() != null && !comparator.isChange()) {
			addIfBroken(violations, "baselineValue", indicator.getValueType().violation(form.baselineValue()));
		}
		if (form.baselineYear() != null && form.deadlineYear() != null && form.deadlineYear() < form.baselineYear()) {
			violations.add(new Violation("deadlineYear", "validation.target.deadlineBeforeBaseline"));
		}
		if (Boolean.TRUE.equals(form.increment()) && form.baselineYear() == null) {
			violations.add(new Violation("baselineYear", "validation.target.incrementNeedsBaseline"));
		}
		return violations;
	}

	private static void addIfBroken(List<Violation> violations, String field, String code) {
		if (code != null) {
			violations.add(new Violation(field, code));
		}
	}

	/** The level a target aims at: its value, or the baseline moved by the change. Null when unknown. */
	static BigDecimal level(Comparator comparator, BigDecimal value, BigDecimal baseline) {
		return switch (comparator) {
			case INCREASE_BY -> baseline == null ? null : baseline.add(value);
			case DECREASE_BY -> baseline == null ? null : baseline.subtract(value);
			default -> value;
		};
	}

}

package cn.qualityportal.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import cn.qualityportal.system.NumberInput;
import cn.qualityportal.targets.Indicators.IndicatorInfo;
import cn.qualityportal.targets.ValueType;

/**
 * The rules of a reported figure. Its review: which step leads from which status to which
 * ({@link #next}), and which steps need a reason ({@link Step#needsReason}). What it must be, given its indicator: within the indicator's range (percentages
 * 0–100, per mille 0–1000, counts whole and not negative); for a rate given as numerator and
 * denominator, both present, the numerator not above the denominator, and the value computed from
 * them (or, when also given, agreeing with them to 0.01).
 */
final class ValueRules {

	record Problem(String field, String code) {
	}

	record Checked(BigDecimal value, List<Problem> problems) {
	}

	private ValueRules() {
	}

	/** A step of the review, taken by the reporter, the region's reviewer or a level above. */
	enum Step {

		SUBMIT, APPROVE, RETURN, ACCEPT, RETURN_AT_ACCEPTANCE, REOPEN;

		/** Sending a figure back (to its reporter or to a lower level) always says why. */
		boolean needsReason() {
			return this == RETURN || this == RETURN_AT_ACCEPTANCE || this == REOPEN;
		}

	}

	/**
	 * Where a step leads from a status, or null when it may not be taken from it. {@code twoLevel}:
	 * whether the figure's review has two levels (the setting, for the figure's year).
	 * <ul>
	 * <li>submit: 草稿 or 已退回 → 已提交; approve: 已提交 → 已审核; return: 已提交 → 已退回;</li>
	 * <li>two levels only: accept 已审核 → 已验收, or return at acceptance 已审核 → 已退回;</li>
	 * <li>reopen (a level above undoes a lower level's decision): 已审核 → 已提交, 已验收 → 已审核.</li>
	 * </ul>
	 */
	static ValueStatus next(ValueStatus from, Step step, boolean twoLevel) {
		return switch (step) {
			case SUBMIT -> from.isEditable() ? ValueStatus.SUBMITTED : null;
			case APPROVE -> from == ValueStatus.SUBMITTED ? ValueStatus.APPROVED : null;
			case RETURN -> from == ValueStatus.SUBMITTED ? ValueStatus.RETURNED : null;
			case ACCEPT -> twoLevel && from == ValueStatus.APPROVED ? ValueStatus.ACCEPTED : null;
			case RETURN_AT_ACCEPTANCE -> twoLevel && from == ValueStatus.APPROVED ? ValueStatus.RETURNED : null;
			case REOPEN -> from == ValueStatus.APPROVED ? ValueStatus.SUBMITTED
					: from == ValueStatus.ACCEPTED ? ValueStatus.APPROVED : null;
		};
	}

	/** The unit sign a typed figure of this indicator may carry ({@code 95%} for a rate). */
	static NumberInput.Unit unitOf(IndicatorInfo indicator) {
		return switch (indicator.valueType()) {
			case RATE -> NumberInput.Unit.PERCENT;
			case PER_MILLE -> NumberInput.Unit.PER_MILLE;
			default -> NumberInput.Unit.NONE;
		};
	}

	static Checked check(IndicatorInfo indicator, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
		List<Problem> problems = new ArrayList<>();
		BigDecimal result = value;
		if (numerator != null || denominator != null) {
			if (numerator == null || denominator == null) {
				problems.add(new Problem(numerator == null ? "numerator" : "denominator", "validation.reportedValue.pair"));
			}
			else if (denominator.signum() <= 0) {
				problems.add(new Problem("denominator", "validation.reportedValue.denominator"));
			}
			else if (numerator.signum() < 0) {
				problems.add(new Problem("numerator", "validation.reportedValue.negative"));
			}
			else if (numerator.compareTo(denominator) > 0) {
				problems.add(new Problem("numerator", "validation.reportedValue.numeratorAbove"));
			}
			else {
				BigDecimal scale = indicator.valueType() == ValueType.PER_MILLE ? BigDecimal.valueOf(1000)
						: indicator.valueType() == ValueType.RATE ? BigDecimal.valueOf(100) : BigDecimal.ONE;
				BigDecimal computed = numerator.multiply(scale).divide(denominator, 4, RoundingMode.HALF_UP);
				if (value != null && value.subtract(computed).abs().compareTo(new BigDecimal("0.01")) > 0) {
					problems.add(new Problem("value", "validation.reportedValue.mismatch"));
				}
				result = computed;
			}
		}
		if (result != null) {
			String broken = indicator.valueType().violation(result);
			if (broken != null) {
				problems.add(new Problem("value", broken));
			}
		}
		return new Checked(result, problems);
	}

}

package cn.qualityportal.targets;

import java.math.BigDecimal;
import java.util.List;

/** A target as lists, the document page and the API show it, with its lead and cooperating departments (牵头/配合单位). */
public record TargetRow(long id, long indicatorId, String indicatorCode, String indicatorName, GoalArea category,
		ValueType valueType, Direction direction, String unit, String regionCode, String regionName, long documentId,
		String documentNumber, String documentTitle, Long goalId, Comparator comparator, BigDecimal value,
		BigDecimal valueMax, BigDecimal baselineValue, Integer baselineYear, int deadlineYear, boolean increment,
		Long parentTargetId, String leadDepartmentName, List<String> cooperatingDepartmentNames, long version) {

	/** "≥ 93%", "2–3 个", "提高 5 百分点": the condition in short. */
	public String condition() {
		return condition(comparator, value, valueMax, unit);
	}

	/** The short condition of any comparison, for modules that hold a target's terms but not a row. */
	public static String condition(Comparator comparator, BigDecimal value, BigDecimal valueMax, String unit) {
		String number = plain(value) + (comparator == Comparator.RANGE ? "–" + plain(valueMax) : "");
		return switch (comparator) {
			case GE -> "≥ " + number + unit;
			case GT -> "> " + number + unit;
			case LE -> "≤ " + number + unit;
			case LT -> "< " + number + unit;
			case EQ -> "= " + number + unit;
			case ABOUT -> "≈ " + number + unit;
			case RANGE -> number + " " + unit;
			case INCREASE_BY -> "+" + number + " " + unit;
			case DECREASE_BY -> "−" + number + " " + unit;
		};
	}

	static String plain(BigDecimal number) {
		return number == null ? "" : number.stripTrailingZeros().toPlainString();
	}

}

package cn.qualityportal.targets;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TargetRulesTests {

	@ParameterizedTest(name = "{0} {1} {2}{4} on a {3} indicator → {5}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			GE          | 93   | null | RATE      | %   | ok
			GE          | 101  | null | RATE      | %   | value:validation.value.range.RATE
			GE          | -1   | null | RATE      | %   | value:validation.value.range.RATE
			LE          | 1001 | null | PER_MILLE | ‰   | value:validation.value.range.PER_MILLE
			GE          | 2.5  | null | COUNT     | 个  | value:validation.value.whole
			GE          | -3   | null | COUNT     | 个  | value:validation.value.range.COUNT
			RANGE       | 2    | 3    | COUNT     | 个  | ok
			RANGE       | 3    | 2    | COUNT     | 个  | valueMax:validation.target.rangeOrder
			RANGE       | 2    | null | COUNT     | 个  | valueMax:validation.target.rangeMax
			INCREASE_BY | 5    | null | RATE      | 百分点 | ok
			INCREASE_BY | -5   | null | RATE      | 百分点 | value:validation.target.changeNegative
			GE          | 5    | null | RATE      | 百分点 | unit:validation.target.unit
			GE          | 30   | null | COUNT     | 家  | unit:validation.target.unit
			GE          | 92   | null | INDEX     |     | ok
			GE          | 1000 | null | AMOUNT    | 亿元 | ok
			""")
	void checksValuesAgainstTheIndicator(Comparator comparator, BigDecimal value, BigDecimal valueMax,
			ValueType valueType, String unit, String expected) {
		String indicatorUnit = switch (valueType) {
			case RATE -> "%";
			case PER_MILLE -> "‰";
			case COUNT -> "个";
			case AMOUNT -> "亿元";
			default -> "";
		};
		List<TargetRules.Violation> violations = TargetRules.check(form(comparator, value, valueMax, unit == null ? "" : unit,
				null, 2020, false), indicator(valueType, indicatorUnit));
		if (expected.equals("ok")) {
			assertThat(violations).isEmpty();
		}
		else {
			String[] parts = expected.split(":");
			assertThat(violations).contains(new TargetRules.Violation(parts[0], parts[1]));
		}
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", textBlock = """
			2015, 2020, false, ok
			2020, 2015, false, deadlineYear:validation.target.deadlineBeforeBaseline
			null, 2020, true,  baselineYear:validation.target.incrementNeedsBaseline
			2016, 2020, true,  ok
			""")
	void checksYearsAndIncrements(Integer baselineYear, int deadlineYear, boolean increment, String expected) {
		List<TargetRules.Violation> violations = TargetRules
			.check(form(Comparator.GE, BigDecimal.TEN, null, "", baselineYear, deadlineYear, increment),
					indicator(ValueType.COUNT, ""));
		if (expected.equals("ok")) {
			assertThat(violations).isEmpty();
		}
		else {
			String[] parts = expected.split(":");
			assertThat(violations).containsExactly(new TargetRules.Violation(parts[0], parts[1]));
		}
	}

	static TargetForm form(Comparator comparator, BigDecimal value, BigDecimal valueMax, String unit,
			Integer baselineYear, int deadlineYear, boolean increment) {
		return new TargetForm(1L, null, 1L, "450600", null, comparator, value, valueMax, null, unit, null, baselineYear,
				deadlineYear, increment, null, Set.of(), null, null);
	}

	static Indicator indicator(ValueType valueType, String unit) {
		Indicator indicator = new Indicator("T");
		indicator.update(new IndicatorForm("T", "测试指标", GoalArea.PRODUCT, unit, valueType, Direction.HIGHER,
				Aggregation.SUM, ReportingFrequency.ANNUAL, null, null, null, null, null, null));
		return indicator;
	}

}

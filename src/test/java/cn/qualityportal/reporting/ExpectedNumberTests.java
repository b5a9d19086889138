package cn.qualityportal.reporting;

import cn.qualityportal.targets.ValueType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The kind of number the grid and the template ask for follows the indicator's unit: an area is no amount. */
class ExpectedNumberTests {

	@Test
	void anAreaIsADecimalNumberAndOnlyMoneyIsAnAmount() {
		for (String area : new String[] { "平方米", "公顷", "亩", "万亩", "km²", "平方公里" }) {
			assertThat(ExpectedNumber.of(ValueType.AMOUNT, area)).as(area).isEqualTo(ExpectedNumber.DECIMAL);
		}
		for (String money : new String[] { "元", "万元", "亿元", "千元", " 亿元 ", "美元", "CNY" }) {
			assertThat(ExpectedNumber.of(ValueType.AMOUNT, money)).as(money).isEqualTo(ExpectedNumber.AMOUNT);
		}
		assertThat(ExpectedNumber.of(ValueType.AMOUNT, null)).isEqualTo(ExpectedNumber.DECIMAL);
		assertThat(ExpectedNumber.of(ValueType.INDEX, "")).isEqualTo(ExpectedNumber.DECIMAL);
	}

	@Test
	void countsAreWholeNumbersAndRatesPercentagesWhateverTheirUnit() {
		assertThat(ExpectedNumber.of(ValueType.COUNT, "个")).isEqualTo(ExpectedNumber.INTEGER);
		assertThat(ExpectedNumber.of(ValueType.COUNT, "万元")).isEqualTo(ExpectedNumber.INTEGER);
		assertThat(ExpectedNumber.of(ValueType.RATE, "%")).isEqualTo(ExpectedNumber.PERCENTAGE);
		assertThat(ExpectedNumber.of(ValueType.PER_MILLE, "‰")).isEqualTo(ExpectedNumber.PER_MILLE);
		assertThat(ExpectedNumber.of(ValueType.YES_NO, null)).isEqualTo(ExpectedNumber.YES_NO);
		assertThat(ExpectedNumber.INTEGER.inputMode()).isEqualTo("numeric");
		assertThat(ExpectedNumber.DECIMAL.inputMode()).isEqualTo("decimal");
		assertThat(ExpectedNumber.DECIMAL.hintKey()).isEqualTo("reporting.expected.DECIMAL");
	}

}

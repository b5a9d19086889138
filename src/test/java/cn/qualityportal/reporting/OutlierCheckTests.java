package cn.qualityportal.reporting;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OutlierCheckTests {

	@ParameterizedTest(name = "{0} after [{1}] → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			95   | 90 92 93   | false
			60   | 90 92 93   | true
			130  | 90 92 100  | true
			105  | 100 102 98 | false
			20   | 10         | true
			12   | 10         | false
			93.9 | 93 93 93   | false
			98   | 93 93.2 93 | true
			5    |            | false
			""")
	void figuresFarFromTheirHistoryNeedAnExplanation(BigDecimal value, String history, boolean outlier) {
		List<BigDecimal> earlier = history == null ? List.of()
				: java.util.Arrays.stream(history.trim().split("\\s+")).map(BigDecimal::new).toList();
		assertThat(OutlierCheck.isOutlier(value, earlier, 0.3)).isEqualTo(outlier);
	}

}

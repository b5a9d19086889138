package cn.qualityportal.dashboards;

import java.math.BigDecimal;
import java.util.List;

import cn.qualityportal.progress.ProgressRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The trend line beside each target, computed by hand: 80 × 20 px, one pixel of margin. */
class SparklineTests {

	private static ProgressRow.Point point(int year, String value) {
		return new ProgressRow.Point(year, new BigDecimal(value));
	}

	@Test
	void yearsSpreadAcrossTheWidthAndValuesAcrossTheHeightHighestOnTop() {
		// x = 1 + 78 × (year − 2019) / 3; y = 19 − 18 × (value − 90) / 9.
		assertThat(Sparkline.points(List.of(point(2019, "90"), point(2020, "93"), point(2022, "99"))))
			.isEqualTo("1.0,19.0 27.0,13.0 79.0,1.0");
		// 1 + 78/3 × 1 = 27.0; a third of the height: 19 − 6 = 13.0. Rounded half up to tenths:
		// 2021 of 2019–2022 is x = 53.0; 95.5 is y = 19 − 18 × 5.5 / 9 = 8.0.
		assertThat(Sparkline.points(List.of(point(2019, "90"), point(2021, "95.5"), point(2022, "99"))))
			.isEqualTo("1.0,19.0 53.0,8.0 79.0,1.0");
		// 1 + 78 × 1/7 = 12.142… → 12.1; 19 − 18 × 1/3 = 13.0.
		assertThat(Sparkline.points(List.of(point(2018, "1"), point(2019, "2"), point(2025, "4"))))
			.isEqualTo("1.0,19.0 12.1,13.0 79.0,1.0");
	}

	@Test
	void aFlatSeriesIsDrawnMidHeightAndASingleFigureNotAtAll() {
		assertThat(Sparkline.points(List.of(point(2020, "5"), point(2021, "5")))).isEqualTo("1.0,10.0 79.0,10.0");
		assertThat(Sparkline.points(List.of(point(2020, "5")))).isEmpty();
	}

}

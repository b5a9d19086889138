package cn.qualityportal.targets;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TargetConsistencyTests {

	@Test
	void aLowerPassRateThanTheCitysIsWeaker() {
		assertThat(TargetConsistency.weaknesses(row(1, "450602", ValueType.RATE, Direction.HIGHER, Comparator.GE, "92", 2020),
				row(1, "450600", ValueType.RATE, Direction.HIGHER, Comparator.GE, "93", 2020)))
			.containsExactly("consistency.weakerThreshold");
		assertThat(TargetConsistency.weaknesses(row(1, "450602", ValueType.RATE, Direction.HIGHER, Comparator.GE, "95", 2020),
				row(1, "450600", ValueType.RATE, Direction.HIGHER, Comparator.GE, "93", 2020)))
			.isEmpty();
	}

	@Test
	void whenLowerIsBetterAHigherCeilingIsWeaker() {
		assertThat(TargetConsistency.weaknesses(row(2, "450602", ValueType.PER_MILLE, Direction.LOWER, Comparator.LE, "5", 2020),
				row(2, "450600", ValueType.PER_MILLE, Direction.LOWER, Comparator.LE, "3", 2020)))
			.containsExactly("consistency.weakerThreshold");
	}

	@Test
	void aLaterDeadlineIsFlagged() {
		assertThat(TargetConsistency.weaknesses(row(1, "450602", ValueType.RATE, Direction.HIGHER, Comparator.GE, "93", 2022),
				row(1, "450600", ValueType.RATE, Direction.HIGHER, Comparator.GE, "93", 2020)))
			.containsExactly("consistency.laterDeadline");
	}

	@Test
	void countsAreComparedOnlyWithTheShareForTheSameRegion() {
		TargetRow district = row(3, "450602", ValueType.COUNT, Direction.HIGHER, Comparator.GE, "5", 2020);
		TargetRow cityTotal = row(3, "450600", ValueType.COUNT, Direction.HIGHER, Comparator.GE, "30", 2020);
		TargetRow share = row(3, "450602", ValueType.COUNT, Direction.HIGHER, Comparator.GE, "8", 2020);
		assertThat(TargetConsistency.weaknesses(district, cityTotal)).isEmpty();
		assertThat(TargetConsistency.weaknesses(district, share)).containsExactly("consistency.smallerShare");
		assertThat(TargetConsistency.counterpart(district, List.of(cityTotal, share))).contains(share);
	}

	static TargetRow row(long indicatorId, String region, ValueType type, Direction direction, Comparator comparator,
			String value, int deadline) {
		return new TargetRow(indicatorId * 100 + deadline, indicatorId, "I" + indicatorId, "指标", GoalArea.PRODUCT, type,
				direction, "%", region, region, 1, null, "文件", null, comparator, new BigDecimal(value), null, null,
				null, deadline, false, region.equals("450600") ? null : 9L, null, 0);
	}

}

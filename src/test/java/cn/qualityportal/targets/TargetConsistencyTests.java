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

	@Test
	void aRangeWithLowerBoundsIsWeakerThanTheParentsRange() {
		// 培育 1–2 家 in a district against the city's 2–3 家: ranges are set per unit, so they compare.
		TargetRow district = range(4, "450602", "1", "2");
		TargetRow city = range(4, "450600", "2", "3");
		assertThat(TargetConsistency.weaknesses(district, city)).containsExactly("consistency.weakerRange");
		assertThat(TargetConsistency.weaknesses(range(4, "450600", "2", "2"), city)).containsExactly("consistency.weakerRange");
		assertThat(TargetConsistency.weaknesses(range(4, "450602", "2", "3"), city)).isEmpty();
		assertThat(TargetConsistency.weaknesses(range(4, "450602", "3", "4"), city)).isEmpty();
		// A level against a range in the same region: ≥ 1 is below the floor of 2–3; ≥ 2 is not weaker.
		assertThat(TargetConsistency.weaknesses(row(4, "450600", ValueType.COUNT, Direction.HIGHER, Comparator.GE, "1", 2020), city))
			.containsExactly("consistency.weakerRange");
		assertThat(TargetConsistency.weaknesses(row(4, "450600", ValueType.COUNT, Direction.HIGHER, Comparator.GE, "2", 2020), city))
			.isEmpty();
	}

	@Test
	void parentTargetsTheDocumentLeavesOutAreListedOncePerIndicator() {
		TargetRow taken = row(1, "450600", ValueType.RATE, Direction.HIGHER, Comparator.GE, "93", 2020);
		TargetRow leftOut = row(2, "450600", ValueType.RATE, Direction.HIGHER, Comparator.GE, "95", 2020);
		TargetRow shareForUs = row(3, "450602", ValueType.COUNT, Direction.HIGHER, Comparator.GE, "8", 2020);
		TargetRow cityTotal = row(3, "450600", ValueType.COUNT, Direction.HIGHER, Comparator.GE, "30", 2020);
		TargetRow shareForOthers = row(5, "450681", ValueType.COUNT, Direction.HIGHER, Comparator.GE, "6", 2020);
		TargetRow district = row(1, "450602", ValueType.RATE, Direction.HIGHER, Comparator.GE, "94", 2020);
		assertThat(TargetConsistency.omitted(List.of(district), List.of(taken, leftOut, cityTotal, shareForUs, shareForOthers),
				"450602"))
			.containsExactly(leftOut, shareForUs);
	}

	static TargetRow range(long indicatorId, String region, String from, String to) {
		TargetRow row = row(indicatorId, region, ValueType.COUNT, Direction.HIGHER, Comparator.RANGE, from, 2020);
		return new TargetRow(row.id(), row.indicatorId(), row.indicatorCode(), row.indicatorName(), row.category(),
				row.valueType(), row.direction(), "家", region, region, 1, null, "文件", null, Comparator.RANGE,
				new BigDecimal(from), new BigDecimal(to), null, null, 2020, false, row.parentTargetId(), null, List.of(), 0);
	}

	static TargetRow row(long indicatorId, String region, ValueType type, Direction direction, Comparator comparator,
			String value, int deadline) {
		return new TargetRow(indicatorId * 100 + deadline, indicatorId, "I" + indicatorId, "指标", GoalArea.PRODUCT, type,
				direction, "%", region, region, 1, null, "文件", null, comparator, new BigDecimal(value), null, null,
				null, deadline, false, region.equals("450600") ? null : 9L, null, List.of(), 0);
	}

}

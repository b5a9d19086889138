package cn.qualityportal.targets;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MilestonePlanTests {

	@Test
	void aRateMovesOnAStraightLineFromTheBaseline() {
		List<Milestone> plan = MilestonePlan.propose(Comparator.GE, new BigDecimal("93"), new BigDecimal("90"), 2016,
				2020, false, ValueType.RATE, Direction.HIGHER);
		assertThat(plan).extracting(Milestone::year).containsExactly(2017, 2018, 2019, 2020);
		assertThat(plan).extracting(m -> m.value().toPlainString()).containsExactly("90.75", "91.5", "92.25", "93");
	}

	@Test
	void anIncrementCountsFromZeroAndRoundsUpWhenMoreIsBetter() {
		List<Milestone> plan = MilestonePlan.propose(Comparator.GE, new BigDecimal("30"), null, 2017, 2020, true,
				ValueType.COUNT, Direction.HIGHER);
		assertThat(plan).extracting(m -> m.value().toPlainString()).containsExactly("10", "20", "30");
		List<Milestone> uneven = MilestonePlan.propose(Comparator.GE, new BigDecimal("5"), null, 2017, 2020, true,
				ValueType.COUNT, Direction.HIGHER);
		assertThat(uneven).extracting(m -> m.value().toPlainString()).containsExactly("2", "4", "5");
	}

	@Test
	void aChangeMovesTheBaselineAndLowerIsBetterRoundsDown() {
		List<Milestone> raise = MilestonePlan.propose(Comparator.INCREASE_BY, new BigDecimal("5"), new BigDecimal("60"),
				2015, 2020, false, ValueType.RATE, Direction.HIGHER);
		assertThat(raise.get(raise.size() - 1).value()).isEqualByComparingTo("65");
		List<Milestone> accidents = MilestonePlan.propose(Comparator.LE, new BigDecimal("10"), new BigDecimal("17"),
				2017, 2020, false, ValueType.COUNT, Direction.LOWER);
		assertThat(accidents).extracting(m -> m.value().toPlainString()).containsExactly("14", "12", "10");
	}

	@Test
	void noBaselineNoProposal() {
		assertThat(MilestonePlan.propose(Comparator.GE, BigDecimal.TEN, null, null, 2020, false, ValueType.RATE,
				Direction.HIGHER)).isEmpty();
		assertThat(MilestonePlan.propose(Comparator.GE, BigDecimal.TEN, null, 2016, 2020, false, ValueType.RATE,
				Direction.HIGHER)).isEmpty();
		assertThat(MilestonePlan.propose(Comparator.GE, BigDecimal.TEN, BigDecimal.ONE, 2020, 2020, false,
				ValueType.RATE, Direction.HIGHER)).isEmpty();
	}

}

package cn.qualityportal.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.qualityportal.progress.TargetStatus;
import cn.qualityportal.targets.GoalArea;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scoring rule of docs/assessment.md, worked by hand. */
class AssessmentScoreTests {

	private static final Scheme DEFAULTS = Scheme.defaults(2019);

	@Test
	void baseScoreIsTheWeightedMeanOfThePointsLessDeductions() {
		Scheme scheme = new Scheme(2019, DEFAULTS.points(), DEFAULTS.lateDeduction(), DEFAULTS.missingDeduction(),
				DEFAULTS.returnedDeduction(), false, Map.of(GoalArea.PRODUCT, new BigDecimal("2")),
				Map.of("B-1", new BigDecimal("3")), 0, true);
		List<AssessmentScore.Target> targets = List.of(
				new AssessmentScore.Target(1, "P-1", "抽查合格率", GoalArea.PRODUCT, TargetStatus.ACHIEVED),
				new AssessmentScore.Target(2, "P-2", "监测合格率", GoalArea.PRODUCT, TargetStatus.OFF_TRACK),
				new AssessmentScore.Target(3, "B-1", "广西名牌", GoalArea.BRAND, TargetStatus.ON_TRACK),
				new AssessmentScore.Target(4, "S-1", "地方标准", GoalArea.STANDARD, TargetStatus.NO_DATA));

		AssessmentScore.RegionScore score = AssessmentScore.score(scheme, "450602", "港口区", targets,
				new AssessmentScore.Reporting(1, 2, 1));

		// (2×100 + 2×20 + 3×80 + 1×0) ÷ (2 + 2 + 3 + 1) = 480 ÷ 8 = 60; deductions 1×1 + 2×2 + 1×0.5 = 5.5.
		assertThat(score.targets()).extracting(AssessmentScore.TargetLine::weight)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("2"), new BigDecimal("2"), new BigDecimal("3"), BigDecimal.ONE);
		assertThat(score.base()).isEqualByComparingTo("60");
		assertThat(score.deductions()).isEqualByComparingTo("5.5");
		assertThat(score.score()).isEqualByComparingTo("54.5");
	}

	@Test
	void scoresNeverFallBelowZero() {
		AssessmentScore.RegionScore score = AssessmentScore.score(DEFAULTS, "450603", "防城区",
				List.of(new AssessmentScore.Target(1, "P-1", "抽查合格率", GoalArea.PRODUCT, TargetStatus.OVERDUE)),
				new AssessmentScore.Reporting(0, 10, 0));

		assertThat(score.base()).isEqualByComparingTo("0");
		assertThat(score.score()).isEqualByComparingTo("0");
	}

	@Test
	void equalScoresShareARank() {
		assertThat(AssessmentScore.ranks(List.of(new BigDecimal("90"), new BigDecimal("85.5"), new BigDecimal("85.50"),
				new BigDecimal("70")))).containsExactly(1, 2, 2, 4);
	}

	@Test
	void weightsAreReadFromLinesOfAreasOrIndicators() throws Exception {
		SchemeWeights.Parsed parsed = SchemeWeights.parse("产品质量 = 2\nFCG-02＝3\n\nBRAND: 1.5",
				Map.of("产品质量", GoalArea.PRODUCT), Set.of("FCG-02"));

		assertThat(parsed.areas()).containsEntry(GoalArea.PRODUCT, new BigDecimal("2"))
			.containsEntry(GoalArea.BRAND, new BigDecimal("1.5"));
		assertThat(parsed.indicators()).containsEntry("FCG-02", new BigDecimal("3"));
		assertThatThrownBy(() -> SchemeWeights.parse("产品质量 = 2\n不存在 = 1", Map.of("产品质量", GoalArea.PRODUCT), Set.of()))
			.isInstanceOfSatisfying(SchemeWeights.Invalid.class, invalid -> {
				assertThat(invalid.line).isEqualTo(2);
				assertThat(invalid.messageKey).isEqualTo("assessment.weights.unknownKey");
			});
		assertThatThrownBy(() -> SchemeWeights.parse("产品质量 = 200", Map.of("产品质量", GoalArea.PRODUCT), Set.of()))
			.isInstanceOfSatisfying(SchemeWeights.Invalid.class,
					invalid -> assertThat(invalid.messageKey).isEqualTo("assessment.weights.number"));
		assertThatThrownBy(() -> SchemeWeights.parse("产品质量 2", Map.of(), Set.of()))
			.isInstanceOfSatisfying(SchemeWeights.Invalid.class,
					invalid -> assertThat(invalid.messageKey).isEqualTo("assessment.weights.format"));
	}

}

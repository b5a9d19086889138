package cn.qualityportal.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.qualityportal.assessment.RubricScore.Grade;
import cn.qualityportal.assessment.RubricScore.Kind;
import cn.qualityportal.assessment.RubricScore.Line;
import cn.qualityportal.progress.TargetStatus;
import cn.qualityportal.spreadsheets.SpreadsheetRow;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.targets.GoalArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rubric's scoring rule (docs/assessment.md, "The rubric"), worked by hand: the worked
 * example's four counties line by line, then a table of edge cases (caps, limits, veto, grade
 * boundaries) and ties.
 */
class RubricScoreTests {

	/** The demo rubric's caps and thresholds: bonus at most 5, deductions at most 6, 90/80/60. */
	private static final RubricScore.Rules DEMO = new RubricScore.Rules(new BigDecimal("5"), new BigDecimal("6"),
			new BigDecimal("90"), new BigDecimal("80"), new BigDecimal("60"));

	/**
	 * One county of the worked example: automatic criteria (targets of 30, punctuality of 10), the
	 * manual criteria of 20 each, two bonus items of 3, deductions of 5 and 3, and the veto.
	 */
	static List<Line> county(String targets, String punctuality, int leading, int funding, int safety, int honour,
			int brand, int criticised, int lateSummary, boolean vetoed) {
		return List.of(Line.of(Kind.CRITERION, "30", targets), Line.of(Kind.CRITERION, "10", punctuality),
				Line.of(Kind.CRITERION, "20", String.valueOf(leading)), Line.of(Kind.CRITERION, "20", String.valueOf(funding)),
				Line.of(Kind.CRITERION, "20", String.valueOf(safety)), Line.of(Kind.BONUS, "3", String.valueOf(honour)),
				Line.of(Kind.BONUS, "3", String.valueOf(brand)), Line.of(Kind.DEDUCTION, "5", String.valueOf(criticised)),
				Line.of(Kind.DEDUCTION, "3", String.valueOf(lateSummary)), Line.veto(vetoed, Grade.FAIL));
	}

	@Test
	void theWorkedExampleAddsUpAsTheDocumentSays() {
		// 港口区 as it assessed itself: punctuality 10 − 6 missing × 2 = −2, so 0;
		// 21.00 + 0 + 20 + 18 + 19 + 3 = 81.00, 良好.
		RubricScore.Result gangkouSelf = RubricScore.score(DEMO, county("21.00", "0.00", 20, 18, 19, 0, 3, 0, 0, false));
		assertThat(gangkouSelf.total()).isEqualByComparingTo("81.00");
		assertThat(gangkouSelf.grade()).isEqualTo(Grade.GOOD);
		// ... and as reviewed: funding 18 → 12, so criteria 21.00 + 0 + 20 + 12 + 19 = 72.00, total 75.00 and 合格.
		RubricScore.Result gangkou = RubricScore.score(DEMO, county("21.00", "0.00", 20, 12, 19, 0, 3, 0, 0, false));
		assertThat(gangkou.criteria()).isEqualByComparingTo("72.00");
		assertThat(gangkou.total()).isEqualByComparingTo("75.00");
		assertThat(gangkou.grade()).isEqualTo(Grade.PASS);
		// 防城区: punctuality 10 − 2 × 2 = 6; bonus 3 + 3 = 6 is capped at 5; 29.57 + 52 + 5 = 86.57, 良好.
		RubricScore.Result fangcheng = RubricScore.score(DEMO, county("23.57", "6.00", 18, 16, 18, 3, 3, 0, 0, false));
		assertThat(fangcheng.bonus()).isEqualByComparingTo("5");
		assertThat(fangcheng.total()).isEqualByComparingTo("86.57");
		assertThat(fangcheng.grade()).isEqualTo(Grade.GOOD);
		// 上思县: punctuality 10 − 2 × 2 = 6; deductions 5 + 3 = 8 are capped at 6; 25.29 + 43 − 6 = 62.29, 合格.
		RubricScore.Result shangsi = RubricScore.score(DEMO, county("19.29", "6.00", 15, 12, 16, 0, 0, 5, 3, false));
		assertThat(shangsi.deduction()).isEqualByComparingTo("6");
		assertThat(shangsi.total()).isEqualByComparingTo("62.29");
		assertThat(shangsi.grade()).isEqualTo(Grade.PASS);
		// 东兴市: punctuality 10 − 4 × 2 = 2; 24.50 + 57 + 3 = 84.50 would be 良好, but the veto makes it 不合格.
		RubricScore.Result dongxing = RubricScore.score(DEMO, county("22.50", "2.00", 20, 18, 19, 3, 0, 0, 0, true));
		assertThat(dongxing.total()).isEqualByComparingTo("84.50");
		assertThat(dongxing.scoreGrade()).isEqualTo(Grade.GOOD);
		assertThat(dongxing.grade()).isEqualTo(Grade.FAIL);
		assertThat(dongxing.vetoed()).isTrue();

		// The vetoed county ranks last although its total is the second highest.
		List<RubricScore.Place> places = RubricScore.rank(List.of(new RubricScore.Entry("450602", gangkou),
				new RubricScore.Entry("450603", fangcheng), new RubricScore.Entry("450621", shangsi),
				new RubricScore.Entry("450681", dongxing)));
		assertThat(places).extracting(place -> place.entry().regionCode() + "#" + place.rank())
			.containsExactly("450603#1", "450602#2", "450621#3", "450681#4");
	}

	static Stream<Arguments> cases() {
		return Stream.of(
				// name, lines, criteria, bonus, deduction, total, grade
				Arguments.of("a score above its points counts its points", List.of(Line.of(Kind.CRITERION, "20", "25")),
						"20", "0", "0", "20", Grade.FAIL),
				Arguments.of("a line not scored counts zero", List.of(Line.of(Kind.CRITERION, "20", null),
						Line.of(Kind.CRITERION, "70", "70")), "70", "0", "0", "70", Grade.PASS),
				Arguments.of("bonus within the cap counts whole", List.of(Line.of(Kind.CRITERION, "100", "85"),
						Line.of(Kind.BONUS, "3", "3"), Line.of(Kind.BONUS, "3", "2")), "85", "5", "0", "90", Grade.EXCELLENT),
				Arguments.of("bonus above the cap counts the cap", List.of(Line.of(Kind.CRITERION, "100", "85"),
						Line.of(Kind.BONUS, "10", "7")), "85", "5", "0", "90", Grade.EXCELLENT),
				Arguments.of("deductions above the cap take the cap", List.of(Line.of(Kind.CRITERION, "100", "70"),
						Line.of(Kind.DEDUCTION, "5", "5"), Line.of(Kind.DEDUCTION, "5", "4")), "70", "0", "6", "64", Grade.PASS),
				Arguments.of("the total never falls below zero", List.of(Line.of(Kind.CRITERION, "10", "2"),
						Line.of(Kind.DEDUCTION, "5", "5")), "2", "0", "5", "0", Grade.FAIL),
				Arguments.of("a threshold reached earns its grade", List.of(Line.of(Kind.CRITERION, "100", "80")), "80", "0",
						"0", "80", Grade.GOOD),
				Arguments.of("a hundredth below stays below", List.of(Line.of(Kind.CRITERION, "100", "79.99")), "79.99", "0",
						"0", "79.99", Grade.PASS),
				Arguments.of("a veto not decided against changes nothing", List.of(Line.of(Kind.CRITERION, "100", "95"),
						Line.veto(false, Grade.FAIL)), "95", "0", "0", "95", Grade.EXCELLENT),
				Arguments.of("a veto caps the grade at its own", List.of(Line.of(Kind.CRITERION, "100", "95"),
						Line.veto(true, Grade.PASS)), "95", "0", "0", "95", Grade.PASS),
				Arguments.of("a veto never raises a grade", List.of(Line.of(Kind.CRITERION, "100", "40"),
						Line.veto(true, Grade.PASS)), "40", "0", "0", "40", Grade.FAIL),
				Arguments.of("the strictest of two vetoes holds", List.of(Line.of(Kind.CRITERION, "100", "95"),
						Line.veto(true, Grade.GOOD), Line.veto(true, Grade.FAIL)), "95", "0", "0", "95", Grade.FAIL));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void scoresFollowTheRule(String name, List<Line> lines, String criteria, String bonus, String deduction,
			String total, Grade grade) {
		RubricScore.Result result = RubricScore.score(DEMO, lines);

		assertThat(result.criteria()).isEqualByComparingTo(criteria);
		assertThat(result.bonus()).isEqualByComparingTo(bonus);
		assertThat(result.deduction()).isEqualByComparingTo(deduction);
		assertThat(result.total()).isEqualByComparingTo(total);
		assertThat(result.grade()).isEqualTo(grade);
	}

	@Test
	void equalTotalsShareARankAndAreListedByRegionCode() {
		RubricScore.Result ninety = RubricScore.score(DEMO, List.of(Line.of(Kind.CRITERION, "100", "90")));
		RubricScore.Result eighty = RubricScore.score(DEMO, List.of(Line.of(Kind.CRITERION, "100", "80.00")));
		RubricScore.Result eightyVetoed = RubricScore.score(DEMO,
				List.of(Line.of(Kind.CRITERION, "100", "80"), Line.veto(true, Grade.FAIL)));

		List<RubricScore.Place> places = RubricScore.rank(List.of(new RubricScore.Entry("450681", eighty),
				new RubricScore.Entry("450603", eightyVetoed), new RubricScore.Entry("450621", ninety),
				new RubricScore.Entry("450602", eighty)));

		// 80 and 80 share rank 2 (listed 450602 before 450681); the vetoed 80 does not tie with them.
		assertThat(places).extracting(place -> place.entry().regionCode() + "#" + place.rank())
			.containsExactly("450621#1", "450602#2", "450681#2", "450603#4");
	}

	@Test
	void automaticCriteriaScaleTheSchemesNumbers() {
		List<AssessmentScore.TargetLine> targets = List.of(
				new AssessmentScore.TargetLine(1, "P-1", "抽查合格率", GoalArea.PRODUCT, TargetStatus.ACHIEVED, new BigDecimal("2"),
						new BigDecimal("100"), "市政发〔2019〕1号"),
				new AssessmentScore.TargetLine(2, "B-1", "广西名牌", GoalArea.BRAND, TargetStatus.OFF_TRACK, BigDecimal.ONE,
						new BigDecimal("20"), "市政发〔2019〕1号"));
		// 30 × (2×100 + 1×20) ÷ (3 × 100) = 30 × 220 ÷ 300 = 22.
		assertThat(RubricScore.fromTargets(new BigDecimal("30"), targets)).isEqualByComparingTo("22");
		assertThat(RubricScore.fromTargets(new BigDecimal("30"), List.of())).isEqualByComparingTo("0");
		// 10 less 2 missing × 2 = 6; never below zero: 港口区's 6 missing × 2 = 12 leave 0.
		assertThat(RubricScore.fromPunctuality(new BigDecimal("10"), new BigDecimal("4"))).isEqualByComparingTo("6");
		assertThat(RubricScore.fromPunctuality(new BigDecimal("10"), new BigDecimal("12"))).isEqualByComparingTo("0");
		assertThat(RubricScore.fromPunctuality(new BigDecimal("10"), new BigDecimal("12.5"))).isEqualByComparingTo("0");
	}

	@Test
	void anImportedSheetGivesKindsAndMethodsFromItsWordsAndRefusesABadRow() {
		List<SpreadsheetRow> rows = new ArrayList<>();
		rows.add(new SpreadsheetRow(1, List.of("类别", "考核内容", "分值", "评分方式", "佐证材料")));
		rows.add(new SpreadsheetRow(2, List.of("一、质量发展水平", "产品质量目标完成情况", "30", "按目标完成情况（产品质量）", "")));
		rows.add(new SpreadsheetRow(3, List.of("一、质量发展水平", "数据按时填报", "10", "按时填报", "")));
		rows.add(new SpreadsheetRow(4, List.of("二、工作措施", "经费保障", "20", "自评", "预算文件")));
		rows.add(new SpreadsheetRow(5, List.of("加分项", "质量荣誉", "3", "", "表彰文件")));
		rows.add(new SpreadsheetRow(6, List.of("扣分项", "通报批评", "5", "", "")));
		rows.add(new SpreadsheetRow(7, List.of("一票否决", "重大质量安全事故", "", "", "")));
		Map<String, GoalArea> areas = Map.of("产品质量", GoalArea.PRODUCT);

		List<Rubrics.ItemInput> items = RubricImport.read(rows, areas);

		assertThat(items).extracting(item -> item.kind() + "/" + item.method() + "/" + item.area())
			.containsExactly("CRITERION/TARGETS/PRODUCT", "CRITERION/PUNCTUALITY/null", "CRITERION/MANUAL/null",
					"BONUS/MANUAL/null", "DEDUCTION/MANUAL/null", "VETO/MANUAL/null");
		assertThat(items.get(5).vetoGrade()).isEqualTo(Grade.FAIL);

		rows.add(new SpreadsheetRow(8, List.of("二、工作措施", "宣传", "很多", "", "")));
		assertThatThrownBy(() -> RubricImport.read(rows, areas)).isInstanceOf(Refusal.class)
			.satisfies(refusal -> assertThat(((Refusal) refusal).messageKey()).isEqualTo("rubric.pointsInvalid"))
			.satisfies(refusal -> assertThat(((Refusal) refusal).args()).containsExactly(8));
		assertThatThrownBy(() -> RubricImport.read(List.of(new SpreadsheetRow(1, List.of("名称", "分数")),
				new SpreadsheetRow(2, List.of("a", "1"))), areas))
			.satisfies(refusal -> assertThat(((Refusal) refusal).messageKey()).isEqualTo("rubric.importColumns"));
	}

}

package cn.qualityportal.extraction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stage 3: which deadline governs a position, and which stretches report results; made-up texts. */
class DeadlineScopesTests {

	private static Integer yearAt(String text, String words) {
		String normal = NormalizedText.of(text).text();
		return DeadlineScopes.of(normal).yearAt(normal.indexOf(words));
	}

	private static boolean reports(String text, String words) {
		String normal = NormalizedText.of(text).text();
		return DeadlineScopes.of(normal).isReport(normal.indexOf(words));
	}

	@Test
	void aDeadlineAtTheHeadOfAParagraphGovernsTheItemsAndLinesAfterIt() {
		String text = "(二)具体目标\n到2026年,具体目标是:\n——新增地方标准10项;\n——合格率达到98%。";
		assertThat(yearAt(text, "新增地方标准")).isEqualTo(2026);
		assertThat(yearAt(text, "合格率")).isEqualTo(2026);
	}

	@Test
	void itsReachEndsAtAHeadingOfTheSameOrAHigherLevel() {
		String text = "一、主要任务\n1.提升产品。到2026年,培育名牌5个。\n2.提升服务。培育服务品牌3个。\n二、保障措施";
		assertThat(yearAt(text, "培育名牌")).isEqualTo(2026);
		assertThat(yearAt(text, "培育服务品牌")).isNull();
	}

	@Test
	void aLaterDeadlineTakesOverWithinAParagraph() {
		String text = "到2025年,合格率达到95%;到2030年,合格率达到98%。";
		assertThat(yearAt(text, "95")).isEqualTo(2025);
		assertThat(yearAt(text, "98")).isEqualTo(2030);
	}

	@Test
	void writtenFormsOfDeadlines() {
		assertThat(yearAt("2027年6月底前,检测机构达到20家。", "检测机构")).isEqualTo(2027);
		assertThat(yearAt("“十四五”期间,新增标准20项。", "新增标准")).isEqualTo(2025);
		assertThat(yearAt("到十五五末,新增标准20项。", "新增标准")).isEqualTo(2030);
		assertThat(yearAt("从2024年起,用三年时间建成示范区5个。", "建成")).isEqualTo(2026);
		assertThat(yearAt("2024-2026年,全市建成示范区5个。", "全市")).isEqualTo(2026);
		assertThat(yearAt("今年将新增标准20项。", "新增")).isNull();
		assertThat(yearAt("到二〇二六年,新增标准20项。", "新增标准")).isEqualTo(2026);
	}

	@Test
	void aBareYearHeadsAGoalOnlyWhenItIsNotBeforeTheTextsDeadlines() {
		String text = "2026年全市合格率达到98%\n到2026年,全市合格率达到98%。";
		assertThat(yearAt(text, "全市合格率")).isEqualTo(2026);
		String report = "2023年全市合格率达到96%。到2026年,全市合格率达到98%。";
		assertThat(reports(report, "全市合格率达到96")).isTrue();
		assertThat(reports(report, "全市合格率达到98")).isFalse();
	}

	@Test
	void aBaselineYearIsNotADeadline() {
		assertThat(yearAt("单位产值能耗较2022年下降8%。", "下降")).isNull();
	}

	@Test
	void aReportRunsToTheNextDeadline() {
		String text = "据统计数据显示,全市合格率达到96%,满意度为80分。此外,新增名牌3个。到2026年,新增名牌10个。";
		assertThat(reports(text, "满意度")).isTrue();
		assertThat(reports(text, "新增名牌3")).isTrue();
		assertThat(reports(text, "新增名牌10")).isFalse();
	}

	@Test
	void aPastPlanPeriodReportsWhatWasDone() {
		String text = "“十三五”期间,全市累计培育名牌320个。到2025年,培育名牌400个。";
		assertThat(reports(text, "全市累计")).isTrue();
		assertThat(yearAt(text, "培育名牌400")).isEqualTo(2025);
	}

	@Test
	void inAGoalsSectionALineWithoutDeadlineTakesTheSectionsUsualOne() {
		String text = "三、主要目标\n总体目标:到2026年,质量明显提升;到2035年,建成质量强市。\n(一)产品质量\n合格率达到98%。\n到2026年,新增名牌3个。";
		assertThat(yearAt(text, "合格率")).isEqualTo(2026);
	}

	@Test
	void aPastPlanPeriodInHalfWidthQuotesAndAPastYearLeadingALaterClauseAreReports() {
		String period = "到2030年,新增标准50项。规划指出,\"十四五\"期间,全市累计建成示范区7个。";
		assertThat(reports(period, "示范区7个")).isTrue();
		assertThat(reports(period, "新增标准")).isFalse();
		String news = "会上通报,2024年全市抽检合格率为96.2%,全年新增品牌12个。到2027年,新增品牌30个。";
		assertThat(reports(news, "品牌12个")).isTrue();
		assertThat(reports(news, "品牌30个")).isFalse();
	}

	@Test
	void aYearOpeningAnItemWithAColonIsAMilestoneBeforeALaterDeadline() {
		String text = "二、阶段目标\n(一)2026年:合格率达到95%;\n(二)2027年:合格率达到96%。\n三、主要任务\n力争到2028年,培育品牌10个。";
		assertThat(yearAt(text, "合格率达到95")).isEqualTo(2026);
		assertThat(yearAt(text, "合格率达到96")).isEqualTo(2027);
		assertThat(reports(text, "合格率达到95")).isFalse();
	}

	@Test
	void aSectionReviewingThePastReportsEvenTheYearsItReachesTo() {
		String text = "一、发展基础\n“十三五”期间,成效明显。合格率由2015年的91%提高到2020年的94%,新增名牌12个。\n二、主要目标\n到2025年,新增名牌20个。";
		assertThat(reports(text, "新增名牌12")).isTrue();
		assertThat(reports(text, "新增名牌20")).isFalse();
		assertThat(yearAt(text, "新增名牌20")).isEqualTo(2025);
	}

	@Test
	void theStateAtADateIsAReport() {
		String text = "截至2023年底,全市已有驰名商标15件。到2026年,驰名商标达到20件。";
		assertThat(reports(text, "驰名商标15")).isTrue();
		assertThat(yearAt(text, "驰名商标达到")).isEqualTo(2026);
	}

	@Test
	void aSentenceAboutThisYearsWorkEndsTheReportBeforeIt() {
		String text = "2022年,全区工业产值比上年增长12.5%,新增规上企业46家。今年,全区将新增规上企业50家以上。";
		assertThat(reports(text, "新增规上企业46")).isTrue();
		assertThat(reports(text, "新增规上企业50")).isFalse();
		assertThat(reports("今年以来,全区已新增企业20家。", "新增企业")).isTrue();
	}

}

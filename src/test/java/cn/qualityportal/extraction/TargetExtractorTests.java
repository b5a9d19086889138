package cn.qualityportal.extraction;

import java.math.BigDecimal;
import java.util.List;

import cn.qualityportal.extraction.Extraction.ProposedTarget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** One small fixture per construction of the language; written for these tests, not taken from the corpus. */
class TargetExtractorTests {

	private final TargetExtractor extractor = new TargetExtractor();

	@Test
	void aRateWithItsVerbAndSuffix() {
		assertThat(targets("到2020年，全县工业产品监督抽查合格率稳定在92%以上。"))
			.extracting(ProposedTarget::indicator, ProposedTarget::comparator, ProposedTarget::value, ProposedTarget::unit,
					ProposedTarget::year)
			.containsExactly(tuple("全县工业产品监督抽查合格率", ">=", new BigDecimal("92"), "%", 2020));
	}

	@Test
	void aRunningTotalWithoutSubjectCountsWhatTheClauseBeforeAdds() {
		assertThat(targets("到2026年,新增绿色工厂20家,累计达到85家。"))
			.extracting(ProposedTarget::indicator, ProposedTarget::value, ProposedTarget::increment)
			.containsExactly(tuple("绿色工厂", new BigDecimal("20"), true), tuple("绿色工厂", new BigDecimal("85"), false));
		assertThat(targets("到2026年,累计建成智能工厂40家,其中新增15家。"))
			.extracting(ProposedTarget::indicator, ProposedTarget::value, ProposedTarget::increment)
			.containsExactly(tuple("智能工厂", new BigDecimal("40"), false), tuple("智能工厂", new BigDecimal("15"), true));
	}

	@Test
	void aHeadlineShareAfterAGapIsNamedByItsOwnWords() {
		assertThat(targets("某省印发质量纲要 四成以上企业将导入卓越绩效\n"))
			.extracting(ProposedTarget::indicator, ProposedTarget::comparator, ProposedTarget::value, ProposedTarget::unit)
			.containsExactly(tuple("导入卓越绩效的企业比例", ">=", new BigDecimal("40"), "%"));
	}

	@Test
	void aRateWithoutSubjectAfterATaskMeasuresWhatTheTaskSpreads() {
		assertThat(targets("推动规上企业应用先进质量管理方法,覆盖率提高8个百分点。"))
			.extracting(ProposedTarget::indicator, ProposedTarget::comparator, ProposedTarget::value)
			.containsExactly(tuple("规上企业应用先进质量管理方法覆盖率", "increase_by", new BigDecimal("8")));
	}

	@Test
	void aVerbAndValueWithoutSubjectGoOnWithTheSubjectBefore() {
		assertThat(targets("到2030年,全省质量竞争力指数达到88,力争到2035年达到90以上。"))
			.extracting(ProposedTarget::indicator, ProposedTarget::value, ProposedTarget::year)
			.containsExactly(tuple("全省质量竞争力指数", new BigDecimal("88"), 2030), tuple("全省质量竞争力指数", new BigDecimal("90"), 2035));
		assertThat(targets("(一)到2024年:新增质量标杆企业5家;(二)到2025年:累计达到15家。"))
			.extracting(ProposedTarget::indicator, ProposedTarget::value, ProposedTarget::year, ProposedTarget::increment)
			.containsExactly(tuple("质量标杆企业", new BigDecimal("5"), 2024, true), tuple("质量标杆企业", new BigDecimal("15"), 2025, false));
	}

	@Test
	void anAsideInBracketsAndAModalBeforeAnIncrementAreNotPartOfTheName() {
		assertThat(targets("到2025年,农产品监测合格率稳定在98%以上(其中蔬菜合格率99%以上)。今年,全区将新增规上企业50家。"))
			.extracting(ProposedTarget::indicator, ProposedTarget::value)
			.containsExactly(tuple("农产品监测合格率", new BigDecimal("98")), tuple("蔬菜合格率", new BigDecimal("99")),
					tuple("全区规上企业", new BigDecimal("50")));
	}

	@Test
	void separatorsWithNothingBetweenThemAfterACountedNounDoNotBreakTheExtraction() {
		// Found by a random-text run: this threw ArrayIndexOutOfBoundsException (a 500 from the API).
		assertThat(targets("到2025年,培育3个品牌、、")).extracting(ProposedTarget::indicator, ProposedTarget::value)
			.containsExactly(tuple("品牌", new BigDecimal("3")));
	}

	@Test
	void aRelativeClauseWithoutItsNounTakesTheNounBefore() {
		assertThat(targets("到2026年,年营业收入超亿元的品牌企业达到50家,超10亿元的达到10家。"))
			.extracting(ProposedTarget::indicator, ProposedTarget::value)
			.containsExactly(tuple("年营业收入超亿元的品牌企业", new BigDecimal("50")), tuple("超10亿元的品牌企业", new BigDecimal("10")));
	}

	@Test
	void aSizeThresholdInsideACountedNounBelongsToTheName() {
		assertThat(targets("到2027年,培育4—6个营业收入超20亿元的龙头企业。"))
			.extracting(ProposedTarget::indicator, ProposedTarget::value, ProposedTarget::valueMax)
			.containsExactly(tuple("营业收入超20亿元的龙头企业", new BigDecimal("4"), new BigDecimal("6")));
	}

	@Test
	void comparisonWords() {
		List<ProposedTarget> found = targets("到2025年，研发投入占比超过2.5%，税收贡献率60%左右，安全事故起数不高于10起，"
				+ "质量工作经费不低于本级财政预算的2‰，农产品抽检合格率保持在98%，万元产值能耗控制在0.5吨以内。");
		assertThat(found).extracting(ProposedTarget::comparator, ProposedTarget::value, ProposedTarget::unit)
			.contains(tuple(">", new BigDecimal("2.5"), "%"), tuple("~", new BigDecimal("60"), "%"),
					tuple(">=", new BigDecimal("2"), "‰"), tuple("=", new BigDecimal("98"), "%"),
					tuple("<=", new BigDecimal("0.5"), "吨"));
	}

	@Test
	void rangesWithAnyDash() {
		assertThat(targets("到2020年，培育3—5家服务业标准化试点，制订地方标准2-4项。"))
			.extracting(ProposedTarget::indicator, ProposedTarget::comparator, ProposedTarget::value, ProposedTarget::valueMax,
					ProposedTarget::unit)
			.containsExactly(tuple("服务业标准化试点", "range", new BigDecimal("3"), new BigDecimal("5"), "家"),
					tuple("制订地方标准", "range", new BigDecimal("2"), new BigDecimal("4"), "项"));
	}

	@Test
	void percentagePointsAreAChange() {
		assertThat(targets("到2020年，主要产品采标率提高8个百分点以上，质量损失率降低2个百分点。"))
			.extracting(ProposedTarget::indicator, ProposedTarget::comparator, ProposedTarget::value, ProposedTarget::unit)
			.containsExactly(tuple("主要产品采标率", "increase_by", new BigDecimal("8"), "百分点"),
					tuple("质量损失率", "decrease_by", new BigDecimal("2"), "百分点"));
	}

	@Test
	void xinZengMarksIncrementsUntilAnotherVerbTakesOver() {
		assertThat(targets("到2020年，新增省级名牌20个以上，著名商标15件，地理标志产品1-2个，公开企业标准40项。"))
			.extracting(ProposedTarget::indicator, ProposedTarget::increment)
			.containsExactly(tuple("省级名牌", true), tuple("著名商标", true), tuple("地理标志产品", true),
					tuple("公开企业标准", false));
	}

	@Test
	void fenBieGivesEachItemItsOwnValueAndName() {
		assertThat(targets("到2018年，蔬菜、水果、水产品抽检合格率分别达到97%、96%、95%以上。"))
			.extracting(ProposedTarget::indicator, ProposedTarget::value)
			.containsExactly(tuple("蔬菜抽检合格率", new BigDecimal("97")), tuple("水果抽检合格率", new BigDecimal("96")),
					tuple("水产品抽检合格率", new BigDecimal("95")));
	}

	@Test
	void junGivesEachItemTheSameValueAndTheSharedWords() {
		List<ProposedTarget> found = targets("到2020年，居民对教育、医疗、交通等服务的满意度均达到85%以上。");
		assertThat(found).extracting(ProposedTarget::value).containsOnly(new BigDecimal("85"));
		assertThat(found).extracting(ProposedTarget::indicator)
			.containsExactly("居民对教育服务的满意度", "居民对医疗服务的满意度", "居民对交通服务的满意度");
	}

	@Test
	void countsNameWhatTheyCount() {
		assertThat(targets("到2020年，建成4个省级质量强县示范区，培育两家国家级龙头企业，12家企业导入卓越绩效模式。"))
			.extracting(ProposedTarget::indicator, ProposedTarget::value, ProposedTarget::unit)
			.containsExactly(tuple("省级质量强县示范区", new BigDecimal("4"), "个"),
					tuple("国家级龙头企业", new BigDecimal("2"), "家"), tuple("企业导入卓越绩效模式", new BigDecimal("12"), "家"));
	}

	@Test
	void anIndexHasNoUnit() {
		assertThat(targets("到2025年，制造业质量竞争力指数达到90以上。"))
			.extracting(ProposedTarget::indicator, ProposedTarget::value, ProposedTarget::unit)
			.containsExactly(tuple("制造业质量竞争力指数", new BigDecimal("90"), ""));
	}

	@Test
	void aDeadlineReachesOverLinesUntilAHeadingOfItsLevel() {
		List<ProposedTarget> found = targets("""
				四、重点任务
				争创2个质量强县示范县。到2020年，新增名牌产品10个。
				到2025年，品牌企业30家以上。
				扶持建设3个以上众创空间。
				五、保障措施
				培育1家标杆企业。""");
		assertThat(found).extracting(ProposedTarget::value, ProposedTarget::year)
			.containsExactly(tuple(new BigDecimal("2"), null), tuple(new BigDecimal("10"), 2020),
					tuple(new BigDecimal("30"), 2025), tuple(new BigDecimal("3"), 2025), tuple(new BigDecimal("1"), null));
	}

	@Test
	void aMadeUpPlanWithItsListsSharesAndElliptsis() {
		List<ProposedTarget> found = targets("""
				二、主要目标
				到2026年,具体目标如下:
				——食品抽检量达到4批次/千人,合格率97%以上;
				——30%以上的规上企业建立首席质量官制度,高速公路、桥梁工程优良率100%;
				——电商产品和网售药品抽检合格率均在96%以上,星级饭店、农家乐各20家。""");
		assertThat(found).extracting(ProposedTarget::indicator, ProposedTarget::value, ProposedTarget::year)
			.containsExactly(tuple("食品抽检量", new BigDecimal("4"), 2026), tuple("食品抽检合格率", new BigDecimal("97"), 2026),
					tuple("建立首席质量官制度的规上企业比例", new BigDecimal("30"), 2026),
					tuple("高速公路工程优良率", new BigDecimal("100"), 2026), tuple("桥梁工程优良率", new BigDecimal("100"), 2026),
					tuple("电商产品抽检合格率", new BigDecimal("96"), 2026), tuple("网售药品抽检合格率", new BigDecimal("96"), 2026),
					tuple("星级饭店", new BigDecimal("20"), 2026), tuple("农家乐", new BigDecimal("20"), 2026));
	}

	@Test
	void aChangeWithoutSubjectIsOfTheIndicatorBeforeItAndAGrowthRateIsNamedSo() {
		assertThat(targets("到2026年，全县质量竞争力指数达到88，比2020年提高2个点，出口额年均增长10%以上。"))
			.extracting(ProposedTarget::indicator, ProposedTarget::comparator, ProposedTarget::value, ProposedTarget::unit)
			.containsExactly(tuple("全县质量竞争力指数", ">=", new BigDecimal("88"), ""),
					tuple("全县质量竞争力指数", "increase_by", new BigDecimal("2"), "点"),
					tuple("出口额年均增长率", ">=", new BigDecimal("10"), "%"));
	}

	@Test
	void pastAchievementsBaselinesAndStructureCountsAreLeftOut() {
		assertThat(targets("""
				“十三五”期间，全市累计培育名牌产品320家，2020年质量竞争力指数为88.6。
				围绕5个方面，提出12项重点任务，设立2个专项小组，培育电子、医药等6个主导产业。
				对年营业收入超过500亿元的企业给予奖励。到2025年，培育名牌产品400家。""")).extracting(ProposedTarget::value)
			.containsExactly(new BigDecimal("400"));
	}

	@Test
	void inAGoalsSectionParagraphsWithoutADeadlineTakeTheSectionsUsualOne() {
		List<ProposedTarget> found = targets("""
				三、主要目标
				到2015年，产品合格率达到95%以上。到2015年，工程优良率达到30%。
				竣工验收备案率达到100%。
				四、主要任务
				树立1-2家标杆企业。""");
		assertThat(found).extracting(ProposedTarget::value, ProposedTarget::year)
			.containsExactly(tuple(new BigDecimal("95"), 2015), tuple(new BigDecimal("30"), 2015),
					tuple(new BigDecimal("100"), 2015), tuple(new BigDecimal("1"), null));
	}

	@Test
	void fiveYearPlanEndsAreDeadlines() {
		assertThat(targets("到“十四五”末，培育省级质量标杆企业5家。")).extracting(ProposedTarget::year).containsExactly(2025);
		assertThat(targets("“十三五”期间，累计制修订地方标准20项以上。")).extracting(ProposedTarget::year).containsExactly(2020);
	}

	@Test
	void thousandsSeparatorsAreReadButFullWidthCommasSeparateClauses() {
		assertThat(targets("到2025年，省级以上名牌产品达到1,200个，新增企业标准10项，12项团体标准。"))
			.extracting(ProposedTarget::value)
			.containsExactly(new BigDecimal("1200"), new BigDecimal("10"), new BigDecimal("12"));
	}

	@Test
	void aListedItemsQuoteStartsAtTheItemNotTheSeparator() {
		assertThat(targets("到2025年，建成国家级检验检测中心2个、省级检验检测中心5个。"))
			.extracting(ProposedTarget::quote)
			.containsExactly("建成国家级检验检测中心2个", "省级检验检测中心5个");
	}

	@Test
	void traditionalScriptFullWidthDigitsAndPinyinAreRead() {
		String text = "到2020年，全區(qū)產品質量監督抽查合格率穩定在９３％以上，新增廣西名牌３０個以上。";
		List<ProposedTarget> found = targets(text);
		assertThat(found).extracting(ProposedTarget::indicator, ProposedTarget::value, ProposedTarget::increment)
			.containsExactly(tuple("全区产品质量监督抽查合格率", new BigDecimal("93"), false),
					tuple("广西名牌", new BigDecimal("30"), true));
		found.forEach(target -> assertThat(text.substring(target.start(), target.end())).isEqualTo(target.quote()));
		assertThat(found.get(0).quote()).isEqualTo("全區(qū)產品質量監督抽查合格率穩定在９３％以上");
	}

	@Test
	void yearsNumbersOrdinalsGradesHistoryAndStructureAreNotTargets() {
		assertThat(targets("""
				2016年，全市产品抽查合格率为92.5%，较上年提高1个百分点。
				根据防政发〔2017〕14号文件，2017年6月13日第10次常务会议通过，共提出29项具体任务。
				到2020年，创建国家5A级景区1个。""")).extracting(ProposedTarget::indicator, ProposedTarget::value)
			.containsExactly(tuple("国家5A级景区", new BigDecimal("1")));
	}

	@Test
	void directionOnlyStatementsAreQualitative() {
		Extraction extraction = extractor.extract("到2020年，质量损失率大幅下降，质量基础进一步夯实，提升农产品质量安全水平。");
		assertThat(extraction.targets()).isEmpty();
		assertThat(extraction.qualitative()).extracting(Extraction.Qualitative::indicator, Extraction.Qualitative::direction,
				Extraction.Qualitative::year)
			.containsExactly(tuple("质量损失率", "down", 2020), tuple("质量基础", "up", 2020));
	}

	@Test
	void everyQuoteIsTheExactSubstringAtItsOffsets() {
		String text = "\uFEFF精确检索\n关于加快质量发展的意见\n到2020年，合格率达到95%，新增名牌3个。到2025年，合格率达到97%。";
		Extraction extraction = extractor.extract(text);
		assertThat(extraction.targets()).hasSize(3)
			.allSatisfy(target -> assertThat(text.substring(target.start(), target.end())).isEqualTo(target.quote()));
	}

	@Test
	void proposesTheDocumentsMetadataAndCitations() {
		Extraction.DocumentMetadata document = extractor.extract("""
				开始检索
				某某市人民政府关于印发《关于实施质量强市战略的决定》的通知
				某政发[2018] 7号
				某某市人民政府
				2018年3月2日
				为贯彻落实国务院《质量发展纲要(2011-2020年)》(国发〔2012〕9号)和《中国制造2025》，现作出如下决定。
				""").document();
		assertThat(document.title()).isEqualTo("某某市人民政府关于印发《关于实施质量强市战略的决定》的通知");
		assertThat(document.docNumber()).isEqualTo("某政发〔2018〕7号");
		assertThat(document.issuer()).isEqualTo("某某市人民政府");
		assertThat(document.issueDate()).isEqualTo("2018-03-02");
		assertThat(document.cites()).extracting(Extraction.Citation::title, Extraction.Citation::docNumber)
			.containsExactly(tuple("质量发展纲要(2011-2020年)", "国发〔2012〕9号"), tuple("中国制造2025", null));
	}

	private List<ProposedTarget> targets(String text) {
		return extractor.extract(text).targets();
	}

}

package cn.qualityportal.extraction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stage 5: indicator names fit for the library; made-up phrases. */
class NamingTests {

	@Test
	void leadingDeadlinesVerbsAndFunctionWordsAndTrailingModalsAreNotPartOfTheName() {
		assertThat(Naming.subject("到2026年,力争全市产品抽检合格率")).isEqualTo("全市产品抽检合格率");
		assertThat(Naming.subject("其中品牌经济占比要")).isEqualTo("品牌经济占比");
		assertThat(Naming.subject("单位产值能耗较2022年")).isEqualTo("单位产值能耗");
		assertThat(Naming.subject("社会计量标准新建")).isEqualTo("社会计量标准");
	}

	@Test
	void whatStandsBeforeADeadlineInsideTheWordsIsNotTheName() {
		assertThat(Naming.subject("某市发布品牌建设规划 到2027年区域品牌价值")).isEqualTo("区域品牌价值");
	}

	@Test
	void wordsBeforeAGapBetweenHanCharactersAreAnotherPartOfAHeadline() {
		assertThat(Naming.subject("某市印发品牌规划 区域品牌价值")).isEqualTo("区域品牌价值");
		assertThat(Naming.subject("ISO 9001认证企业")).isEqualTo("ISO 9001认证企业");
	}

	@Test
	void anAbbreviationDefinedInTheTextNamesByItsShortForm() {
		assertThat(Naming.subject("绿色食品、有机农产品(以下简称“两品”)认证产品")).isEqualTo("“两品”认证产品");
	}

	@Test
	void aCountedNounWithoutItsRelativeClause() {
		assertThat(Naming.countedNoun("带动能力强的国家级、省级示范基地")).isEqualTo("国家级、省级示范基地");
		assertThat(Naming.countedNoun("以上的龙头企业")).isEqualTo("龙头企业");
	}

	@Test
	void aShareIsNamedByItsPredicateItsSubjectAnd比例() {
		assertThat(Naming.share("", "以上的规上企业建立首席质量官制度")).isEqualTo("建立首席质量官制度的规上企业比例");
		assertThat(Naming.share("医疗器械企业", "通过质量体系认证")).isEqualTo("医疗器械企业通过质量体系认证的比例");
		assertThat(Naming.share("", "以上企业将导入卓越绩效")).isEqualTo("导入卓越绩效的企业比例");
	}

	@Test
	void aGradeAloneIsTheGradeOfTheNounBeforeIt() {
		assertThat(Naming.ofGrade("省级", "新培育市级以上农业龙头企业")).isEqualTo("省级农业龙头企业");
		assertThat(Naming.ofGrade("质量标杆企业", "龙头企业")).isEqualTo("质量标杆企业");
	}

	@Test
	void itemNumbersAreNotPartOfTheName() {
		assertThat(Naming.subject("2.农产品质量安全监测合格率")).isEqualTo("农产品质量安全监测合格率");
		assertThat(Naming.subject("(3)全县认证面积")).isEqualTo("全县认证面积");
	}

	@Test
	void aBareGenericHeadIsElliptical() {
		assertThat(Naming.isElliptical("合格率")).isTrue();
		assertThat(Naming.isElliptical("食品抽检合格率")).isFalse();
	}

}

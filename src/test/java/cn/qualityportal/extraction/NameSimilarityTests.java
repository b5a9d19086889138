package cn.qualityportal.extraction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names of indicators: how alike, and whether the same statistic. */
class NameSimilarityTests {

	@Test
	void alikeNamesOfDifferentStatisticsAreNotTheSameStatistic() {
		assertThat(NameSimilarity.of("竹木家具产品质量合格率", "竹木家具产品抽查合格率")).isGreaterThan(0.75);
		assertThat(NameSimilarity.sameStatistic("竹木家具产品质量合格率", "竹木家具产品抽查合格率")).isFalse();
		assertThat(NameSimilarity.sameStatistic("监督抽查合格率", "产品质量合格率")).isFalse();
		assertThat(NameSimilarity.sameStatistic("产品质量监督抽查合格率", "制造业产品质量监督抽查合格率")).isFalse();
	}

	@Test
	void thePlaceAsidesQuotesAnd的DoNotChangeTheStatistic() {
		assertThat(NameSimilarity.sameStatistic("全市产品质量合格率", "产品质量合格率")).isTrue();
		assertThat(NameSimilarity.sameStatistic("我区用户(顾客)满意指数", "用户满意指数")).isTrue();
		assertThat(NameSimilarity.sameStatistic("“三品一标”认证产品的比例", "三品一标认证产品比例")).isTrue();
		assertThat(NameSimilarity.sameStatistic("市级龙头企业", "龙头企业")).as("市级 is a grade, not a place").isFalse();
	}

}

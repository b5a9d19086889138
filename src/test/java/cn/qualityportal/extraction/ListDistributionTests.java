package cn.qualityportal.extraction;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stage 6: one named item per list member; made-up lists. */
class ListDistributionTests {

	private static List<String> names(String words, int expected, boolean splitAnd) {
		return ListDistribution.items(words, 0, words.length(), expected, splitAnd).stream().map(ListDistribution.Item::name).toList();
	}

	@Test
	void theSharedHeadAfterTheLastItemNamesEveryItem() {
		assertThat(names("蔬菜、水果、茶叶抽检合格率", 3, false)).containsExactly("蔬菜抽检合格率", "水果抽检合格率", "茶叶抽检合格率");
	}

	@Test
	void aMeasureEndingOnlyTheLastItemNamesEveryItem() {
		assertThat(names("生产性服务业和生活性服务业满意度", 2, true)).containsExactly("生产性服务业满意度", "生活性服务业满意度");
	}

	@Test
	void wordsAfter等BelongToEveryItem() {
		assertThat(names("市民对教育、医疗等服务的满意度", 0, false)).containsExactly("市民对教育服务的满意度", "市民对医疗服务的满意度");
	}

	@Test
	void aModifierOfTheFirstItemBelongsToEveryItem() {
		assertThat(names("省级示范合作社、家庭农场", 0, false)).containsExactly("省级示范合作社", "省级家庭农场");
	}

	@Test
	void laterItemsThatAreBareRatesTakeTheFirstItemsSubject() {
		assertThat(names("12315热线接通率和回访率", 2, true)).containsExactly("12315热线接通率", "12315热线回访率");
	}

	@Test
	void aLone和JoinsTwoItemsOnlyWhenAskedFor() {
		assertThat(names("电商产品抽检合格率和网售药品抽检合格率", 0, true)).containsExactly("电商产品抽检合格率", "网售药品抽检合格率");
		assertThat(names("国家标准和行业标准", 0, false)).isEmpty();
	}

	@Test
	void sizeThresholdsShareTheWordsAroundTheirNumbers() {
		assertThat(names("年营业收入超50亿元、10亿元的企业", 2, false)).containsExactly("年营业收入超50亿元的企业", "年营业收入超10亿元的企业");
	}

	@Test
	void aListOfAnotherLengthThanTheValuesIsNoList() {
		assertThat(names("蔬菜、水果抽检合格率", 3, false)).isEmpty();
	}

}

package cn.qualityportal.extraction;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stage 7: quantities that are never targets; made-up sentences. */
class NonTargetsTests {

	/** The quantities of a sentence that the filter keeps, as written. */
	private static List<String> kept(String text) {
		List<Quantities.Quantity> all = Quantities.in(text, 0, text.length());
		return all.stream()
			.filter(value -> !NonTargets.excluded(text, 0, value, all))
			.map(value -> text.substring(value.start(), value.end()))
			.toList();
	}

	@Test
	void structureCountsAreNotTargets() {
		assertThat(kept("围绕5个方面,提出12项重点任务,设立2个专项小组,培育电子、医药等6个主导产业,建成3个示范区")).containsExactly("3个");
		assertThat(kept("每季度召开1次联席会议,开展质量提升行动5次以上")).containsExactly("5次以上");
	}

	@Test
	void sizeThresholdsInsideANameAreNotTargets() {
		assertThat(kept("年营业收入超过500亿元的企业达到3家")).containsExactly("3家");
		assertThat(kept("对年营业收入超过500亿元的企业给予奖励")).isEmpty();
		assertThat(kept("30%以上的规上企业建立首席质量官制度")).containsExactly("30%以上");
	}

	@Test
	void theMakeUpOfAnExistingBatchIsNotATarget() {
		assertThat(kept("完成第三批2个市5个县考评,在8个县开展试点")).containsExactly("8个");
	}

	@Test
	void baselinesAndPageChromeAreNotTargets() {
		assertThat(kept("点击次数:12次,基期为80%")).isEmpty();
	}

	@Test
	void whatThereIsNowAndThePlacesOverseenAreNotTargets() {
		assertThat(kept("全市现有高新技术企业210家,新增高新技术企业40家")).containsExactly("40家");
		assertThat(kept("每半年对9个县区开展考评,建成9个示范县")).containsExactly("9个");
		assertThat(kept("落实8项重点任务、4项配套措施,建成4个示范区")).containsExactly("4个");
	}

	@Test
	void incentivesPaidOutAreNotTargets() {
		assertThat(kept("对新获评省长质量奖的企业一次性奖励50万元,每项给予10万元资助,给予5万元奖补,专项资金不低于800万元"))
			.containsExactly("800万元");
	}

	@Test
	void theStartOfAChangeIsABaseline() {
		assertThat(kept("合格率由2020年的92.5%提高到96%以上")).containsExactly("96%以上");
	}

}

package cn.qualityportal.extraction;

import java.math.BigDecimal;
import java.util.List;

import cn.qualityportal.extraction.Quantities.Quantity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Stage 4: quantity expressions and the comparison they state; made-up phrases. */
class QuantitiesTests {

	/** The quantities of a text as the pipeline's first stage leaves it (dashes and full-width forms folded). */
	private static List<Quantity> in(String text) {
		String normal = NormalizedText.of(text).text();
		return Quantities.in(normal, 0, normal.length());
	}

	private static String comparator(String written) {
		String text = NormalizedText.of(written).text();
		Quantity value = in(text).get(0);
		String before = text.substring(0, value.start());
		var verb = Quantities.VERB_BEFORE.matcher(before);
		return Quantities.comparator(verb.find() ? verb.group() : "", value, before);
	}

	@Test
	void unitsAsWritten() {
		assertThat(in("合格率98.5%,千分比2‰,提高3个百分点,5万家,12万台,8亿元,3万亩,0.5件/万人,2次/百人,85分以上,4批次/千人,1个工作日内,1.96万户"))
			.extracting(Quantity::value, Quantity::unit)
			.containsExactly(tuple(new BigDecimal("98.5"), "%"), tuple(new BigDecimal("2"), "‰"), tuple(new BigDecimal("3"), "百分点"),
					tuple(new BigDecimal("5"), "万家"), tuple(new BigDecimal("12"), "万台"), tuple(new BigDecimal("8"), "亿元"),
					tuple(new BigDecimal("3"), "万亩"), tuple(new BigDecimal("0.5"), "件/万人"), tuple(new BigDecimal("2"), "次/百人"),
					tuple(new BigDecimal("85"), "分"), tuple(new BigDecimal("4"), "批次/千人"), tuple(new BigDecimal("1"), "个工作日"),
					tuple(new BigDecimal("1.96"), "万户"));
	}

	@Test
	void rangesWithEveryDash() {
		assertThat(in("3-5个,2~3家,3至6项以上")).extracting(Quantity::value, Quantity::valueMax, Quantity::suffix)
			.containsExactly(tuple(new BigDecimal("3"), new BigDecimal("5"), ""), tuple(new BigDecimal("2"), new BigDecimal("3"), ""),
					tuple(new BigDecimal("3"), new BigDecimal("6"), "以上"));
	}

	@Test
	void numbersWrittenAsWords() {
		assertThat(in("培育两家企业,占比超七成,检出率为零")).extracting(Quantity::value, Quantity::unit)
			.containsExactly(tuple(new BigDecimal("2"), "家"), tuple(new BigDecimal("70"), "%"), tuple(new BigDecimal("0"), ""));
	}

	@Test
	void rangesOfChineseNumeralsEvenFromOne() {
		assertThat(in("争创驰名商标一至两件,培育一到三家,构建一个体系")).extracting(Quantity::value, Quantity::valueMax, Quantity::unit)
			.containsExactly(tuple(new BigDecimal("1"), new BigDecimal("2"), "件"), tuple(new BigDecimal("1"), new BigDecimal("3"), "家"));
	}

	@Test
	void aRangeMayRepeatItsUnitAndCountsMayBeOfVisits() {
		assertThat(in("合格率保持在95%-98%之间,服务企业1万家次以上")).extracting(Quantity::value, Quantity::valueMax, Quantity::unit)
			.containsExactly(tuple(new BigDecimal("95"), new BigDecimal("98"), "%"), tuple(new BigDecimal("1"), null, "万家次"));
	}

	@Test
	void anIndexValueMayFollowALaterDeadlineABaselineOrAnotherValueOfItsList() {
		assertThat(in("质量竞争力指数达到85,到2035年达到90以上")).extracting(Quantity::value)
			.containsExactly(new BigDecimal("85"), new BigDecimal("90"));
		assertThat(in("质量竞争力指数达到85以上,较2020年提高1.5")).extracting(Quantity::value)
			.containsExactly(new BigDecimal("85"), new BigDecimal("1.5"));
		assertThat(in("电梯万台事故率、死亡率分别低于0.15和0.08")).extracting(Quantity::value)
			.containsExactly(new BigDecimal("0.15"), new BigDecimal("0.08"));
		assertThat(in("合格率达到95%,到2035年达到90")).extracting(Quantity::value).containsExactly(new BigDecimal("95"));
	}

	@Test
	void certificatesAreCountedInSheets() {
		assertThat(in("每万家企业拥有有效认证证书400张,发放证书1.2万张")).extracting(Quantity::value, Quantity::unit)
			.containsExactly(tuple(new BigDecimal("400"), "张"), tuple(new BigDecimal("1.2"), "万张"));
	}

	@Test
	void indicesScoresAndRatiosWithoutUnit() {
		assertThat(in("竞争力指数达到90以上,顾客满意度达86,加工产值与农业产值之比达到2.4:1")).extracting(Quantity::value, Quantity::unit)
			.containsExactly(tuple(new BigDecimal("90"), ""), tuple(new BigDecimal("86"), ""), tuple(new BigDecimal("2.4"), ""));
	}

	@Test
	void accidentAndDeathRatesAreOftenWrittenWithoutUnit() {
		assertThat(in("电梯万台事故率控制在0.2以下,火灾十万人口死亡率低于0.3")).extracting(Quantity::value, Quantity::unit)
			.containsExactly(tuple(new BigDecimal("0.2"), ""), tuple(new BigDecimal("0.3"), ""));
	}

	@Test
	void yearsDatesDocumentNumbersOrdinalsArticlesAndBareNumbersAreNotQuantities() {
		assertThat(in("2024年3月5日,某政发〔2024〕7号,第12次会议,构建一个体系,电话81234567,查看 1303")).isEmpty();
	}

	@Test
	void comparisonWords() {
		assertThat(comparator("研发占比超过3%")).isEqualTo(">");
		assertThat(comparator("品牌占比超七成")).isEqualTo(">");
		assertThat(comparator("注册商标总量突破5万件")).isEqualTo(">");
		assertThat(comparator("能耗控制在0.5吨以下")).isEqualTo("<=");
		assertThat(comparator("开办时间压缩到1个工作日内")).isEqualTo("<=");
		assertThat(comparator("税收贡献率60%左右")).isEqualTo("~");
		assertThat(comparator("示范点接近200个")).isEqualTo("~");
		assertThat(comparator("培育3—5个")).isEqualTo("range");
		assertThat(comparator("能耗较2022年下降8%")).isEqualTo("decrease_by");
		assertThat(comparator("采标率提升3个百分点以上")).isEqualTo("increase_by");
		assertThat(comparator("认证数量年均增长6%")).isEqualTo(">=");
		assertThat(comparator("检出率为零")).isEqualTo("=");
		assertThat(comparator("合格率保持在98%")).isEqualTo("=");
		assertThat(comparator("合格率达到95%")).isEqualTo(">=");
		assertThat(comparator("总分在90分(含90分)以上")).isEqualTo(">=");
		assertThat(comparator("事故起数低于5起")).isEqualTo("<");
	}

}

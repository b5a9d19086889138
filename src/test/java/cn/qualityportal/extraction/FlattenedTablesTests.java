package cn.qualityportal.extraction;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A goals table flattened to text: one target per row and target column; made-up tables. */
class FlattenedTablesTests {

	private static FlattenedTables.Tables tables(String written) {
		String text = NormalizedText.of(written).text();
		return FlattenedTables.in(text, DeadlineScopes.of(text));
	}

	@Test
	void theLaterYearColumnIsTheTargetAndTheFirstTheBaseline() {
		String table = "表2 主要指标\n序号 指标名称 单位 2022年 2027年 属性\n1 产品抽检合格率 % 96.1 ≥97 预期性\n2 认证企业数 家 40 [120] 预期性\n"
				+ "3 万台设备事故率 起/万台 0.3 ＜0.25 约束性\n4 标准化技术组织 个 2 3-5 预期性\n注:[ ]内为累计数。\n到2027年,新增品牌10个。";
		assertThat(tables(table).cells())
			.extracting(FlattenedTables.Cell::indicator, FlattenedTables.Cell::comparator, FlattenedTables.Cell::value,
					FlattenedTables.Cell::valueMax, FlattenedTables.Cell::unit, FlattenedTables.Cell::year)
			.containsExactly(tuple("产品抽检合格率", ">=", new BigDecimal("97"), null, "%", 2027),
					tuple("认证企业数", ">=", new BigDecimal("120"), null, "家", 2027),
					tuple("万台设备事故率", "<", new BigDecimal("0.25"), null, "起/万台", 2027),
					tuple("标准化技术组织", "range", new BigDecimal("3"), new BigDecimal("5"), "个", 2027));
		assertThat(tables(table).covers(NormalizedText.of(table).text().indexOf("新增品牌"))).isFalse();
	}

	@Test
	void rowsThatLostTheirMergedCategoryCellStillLineUp() {
		String table = "序号|类别|指标名称|单位|2020年|2025年目标值\n1|产品质量|制造业产品质量合格率|%|93|95以上\n2|服务质量满意度|分|78|82";
		assertThat(tables(table).cells()).extracting(FlattenedTables.Cell::indicator, FlattenedTables.Cell::value, FlattenedTables.Cell::year)
			.containsExactly(tuple("制造业产品质量合格率", new BigDecimal("95"), 2025), tuple("服务质量满意度", new BigDecimal("82"), 2025));
	}

	@Test
	void aTargetColumnWithoutYearTakesTheGoverningDeadline() {
		String table = "到2026年,主要指标如下:\n指标 单位 目标值\n品牌价值 亿元 500以上";
		assertThat(tables(table).cells()).extracting(FlattenedTables.Cell::indicator, FlattenedTables.Cell::value, FlattenedTables.Cell::year)
			.containsExactly(tuple("品牌价值", new BigDecimal("500"), 2026));
	}

	@Test
	void proseIsNotATable() {
		assertThat(tables("一、指标名称与单位说明\n合格率 % 达到95%以上。\n单位 2025年 指标").cells()).isEmpty();
	}

}

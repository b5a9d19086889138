package cn.qualityportal.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.qualityportal.spreadsheets.SpreadsheetRow;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.targets.GoalArea;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rubric read from the sheet as offices print it (docs/assessment.md, "What a rubric holds"). */
class RubricImportTests {

	private static final Map<String, GoalArea> AREAS = Map.of("产品质量", GoalArea.PRODUCT, "品牌", GoalArea.BRAND);

	@Test
	void readsTheSheetAsPrintedWithTitleMergedCategoriesUnitsAndTotal() {
		List<Rubrics.ItemInput> items = RubricImport.read(rows(
				List.of("2019年度质量工作考核评分细则"),
				List.of(),
				List.of("序号", "类别", "考核内容", "分值", "评分方式", "佐证材料"),
				List.of("1", "一、质量发展水平", "质量目标完成情况（产品质量）", "30分", "按目标完成情况（产品质量）", ""),
				// The category cell is merged over its group: empty below its first row.
				List.of("2", "", "数据按时填报", "10 分", "按时填报", ""),
				List.of("3", "二、工作措施", "领导小组", "20", "自评", "会议纪要"),
				List.of("4", "", "经费", "20", "", "预算文件"),
				List.of("5", "加分项", "质量荣誉", "3", "", "表彰文件"),
				List.of("6", "一票否决", "重大质量安全事故", "", "", ""),
				List.of("合计", "", "", "80", "", "")), AREAS);
		assertThat(items).extracting(item -> item.kind() + " " + item.category() + " " + item.title() + " "
				+ item.points().stripTrailingZeros().toPlainString() + " " + item.method() + " " + item.area())
			.containsExactly("CRITERION 一、质量发展水平 质量目标完成情况（产品质量） 30 TARGETS PRODUCT",
					"CRITERION 一、质量发展水平 数据按时填报 10 PUNCTUALITY null", "CRITERION 二、工作措施 领导小组 20 MANUAL null",
					"CRITERION 二、工作措施 经费 20 MANUAL null", "BONUS 加分项 质量荣誉 3 MANUAL null",
					"VETO 一票否决 重大质量安全事故 0 MANUAL null");
		assertThat(items.get(3).evidenceRequired()).isEqualTo("预算文件");
		assertThat(items.get(5).points()).isEqualByComparingTo(BigDecimal.ZERO);
	}

	@Test
	void aBadRowOrNoHeaderRefusesTheWholeSheetNamingTheRow() {
		assertThatThrownBy(() -> RubricImport.read(rows(List.of("类别", "考核内容", "分值"), List.of("一、水平", "目标", "三十")),
				AREAS))
			.isInstanceOfSatisfying(Refusal.class, refusal -> {
				assertThat(refusal.messageKey()).isEqualTo("rubric.pointsInvalid");
				assertThat(refusal.args()).containsExactly(2);
			});
		// The first row without a category has none to carry on from.
		assertThatThrownBy(() -> RubricImport.read(rows(List.of("类别", "考核内容", "分值"), List.of("", "目标", "30")), AREAS))
			.isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.messageKey()).isEqualTo("rubric.itemInvalid"));
		assertThatThrownBy(() -> RubricImport.read(rows(List.of("项目名称", "说明"), List.of("a", "b")), AREAS))
			.isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.messageKey()).isEqualTo("rubric.importColumns"));
	}

	@SafeVarargs
	private static List<SpreadsheetRow> rows(List<String>... cells) {
		List<SpreadsheetRow> rows = new ArrayList<>();
		for (int i = 0; i < cells.length; i++) {
			rows.add(new SpreadsheetRow(i + 1, cells[i]));
		}
		return rows;
	}

}

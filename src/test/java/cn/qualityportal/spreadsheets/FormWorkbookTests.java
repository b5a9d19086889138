package cn.qualityportal.spreadsheets;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.qualityportal.spreadsheets.FormWorkbook.Column;
import cn.qualityportal.spreadsheets.FormWorkbook.Line;
import cn.qualityportal.spreadsheets.FormWorkbook.ListRule;
import cn.qualityportal.spreadsheets.FormWorkbook.NumberRule;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A fill-in workbook read back with POI, and read again by the import pipeline. */
class FormWorkbookTests {

	@Test
	void keysAreHiddenKeyColumnsLockedAndEachCellValidatedByItsRule() throws Exception {
		NumberRule percent = new NumberRule(BigDecimal.ZERO, BigDecimal.valueOf(100), false, "0–100");
		ListRule yesNo = new ListRule(List.of("1", "0"), "1 或 0");
		byte[] xlsx = FormWorkbook.write(new FormWorkbook.Form("数据填报",
				List.of(new Column("code", "指标代码", 12, false, null), new Column("value", "数值", 12, true, percent)),
				List.of(new Line(Arrays.asList("A", null)), new Line(Arrays.asList("B", 1), Map.of(1, yesNo)),
						new Line(Arrays.asList("C", 95.5))),
				"填写说明", List.of("只填写白色的列。")));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			XSSFSheet sheet = workbook.getSheet("数据填报");
			assertThat(sheet.getRow(0).getZeroHeight()).isTrue();
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("数值");
			assertThat(sheet.getProtect()).isTrue();
			assertThat(sheet.getRow(2).getCell(0).getCellStyle().getLocked()).isTrue();
			assertThat(sheet.getRow(2).getCell(1).getCellStyle().getLocked()).isFalse();
			assertThat(rule(sheet, 3, 1).getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
			assertThat(rule(sheet, 3, 1).getValidationConstraint().getExplicitListValues()).containsExactly("1", "0");
			assertThat(rule(sheet, 2, 1).getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DECIMAL);
			assertThat(rule(sheet, 4, 1).getValidationConstraint().getFormula2()).isEqualTo("100");
			// Rows typed below the data follow the column's rule.
			assertThat(rule(sheet, 20, 1).getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DECIMAL);
			assertThat(workbook.getSheet("填写说明").getRow(0).getCell(0).getStringCellValue()).isEqualTo("只填写白色的列。");
		}
		List<SpreadsheetRow> rows = Spreadsheets.read("form.xlsx", new ByteArrayInputStream(xlsx), 1 << 20, 100);
		assertThat(rows.get(0).cells()).containsExactly("code", "value");
		assertThat(rows.get(4).cells()).containsExactly("C", "95.5");
	}

	@Test
	void aLockedLineHasNoOpenCellAndNoValidation() throws Exception {
		NumberRule percent = new NumberRule(BigDecimal.ZERO, BigDecimal.valueOf(100), false, "0–100");
		byte[] xlsx = FormWorkbook.write(new FormWorkbook.Form("数据填报",
				List.of(new Column("code", "指标代码", 12, false, null), new Column("value", "数值", 12, true, percent)),
				List.of(new Line(Arrays.asList("A", 90), Map.of(), true), new Line(Arrays.asList("B", null))), "填写说明",
				List.of("只填写白色的列。")));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			XSSFSheet sheet = workbook.getSheet("数据填报");
			assertThat(sheet.getRow(2).getCell(1).getCellStyle().getLocked()).isTrue();
			assertThat(sheet.getRow(3).getCell(1).getCellStyle().getLocked()).isFalse();
			assertThat(sheet.getDataValidations()).noneMatch(validation -> Arrays
				.stream(validation.getRegions().getCellRangeAddresses())
				.anyMatch(range -> range.isInRange(2, 1)));
		}
	}

	@Test
	void aReadOnlyExportIsProtectedWithFrozenKeysAndEndsWithWhatItHolds() throws Exception {
		byte[] xlsx = FormWorkbook.readOnly(List.of(new Workbooks.Sheet("目标清单", List.of("指标", "地区", "状态"),
				List.of(List.of("合格率", "东兴市", "达标")))), 2, "说明", List.of("本表为只读导出。"));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			XSSFSheet data = workbook.getSheetAt(0);
			assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标");
			assertThat(data.getRow(1).getCell(2).getStringCellValue()).isEqualTo("达标");
			assertThat(data.getProtect()).isTrue();
			assertThat(data.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 2);
			assertThat(data.getDataValidations()).isEmpty();
			assertThat(workbook.getSheetName(1)).isEqualTo("说明");
			assertThat(workbook.getSheetAt(1).getProtect()).isTrue();
		}
		// The import pipeline reads it as any table: headings first.
		assertThat(Spreadsheets.read("x.xlsx", new ByteArrayInputStream(xlsx), 1 << 20, 10).get(0).cells())
			.containsExactly("指标", "地区", "状态");
	}

	private static DataValidation rule(XSSFSheet sheet, int row, int column) {
		return sheet.getDataValidations()
			.stream()
			.filter(validation -> Arrays.stream(validation.getRegions().getCellRangeAddresses())
				.anyMatch(range -> range.isInRange(row, column)))
			.findFirst()
			.orElseThrow();
	}

}

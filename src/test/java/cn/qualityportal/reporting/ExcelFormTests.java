package cn.qualityportal.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import cn.qualityportal.TestAccounts;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Excel as offices in China use it, on the demo (the same context as AuthorizationMatrixTests):
 * the template read back with Apache POI has Chinese sheet names and headings over a hidden row
 * of machine keys, locked key columns, validation by the indicator's kind and a 填写说明 sheet; it
 * imports again unchanged, filled in it says what to do next, and every problem of an import
 * names its column as the sheet heads it.
 */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
class ExcelFormTests {

	private static final String REPORTER = "reporter-450681";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void theTemplateIsChineseValidatedAndLockedAndImportsAgainAsItIsOrFilledIn() throws Exception {
		long period = jdbc.queryForObject("select id from reporting_period where year = 2020 and kind = 'ANNUAL'", Long.class);
		// A count the unit owes in 2020, left unreported, to be filled in the file.
		String count = jdbc.queryForObject("""
				select min(i.code) from reporting_obligation_unit o join indicator i on i.id = o.indicator_id
				join department d on d.id = o.department_id
				where o.region_code = '450681' and o.year = 2020 and o.kind = 'ANNUAL' and i.value_type = 'COUNT'
				  and d.kind = 'MARKET_REGULATION'""", String.class);
		jdbc.update("""
				delete from indicator_value where region_code = '450681' and period_id = ?
				  and indicator_id = (select id from indicator where code = ?)""", period, count);

		byte[] template = mvc.perform(get("/reporting/{period}/template.xlsx", period).with(accounts.as(REPORTER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		int countRow;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("数据填报");
			assertThat(workbook.getSheetName(1)).isEqualTo("填写说明");
			XSSFSheet sheet = workbook.getSheetAt(0);
			XSSFRow keys = sheet.getRow(0);
			assertThat(keys.getZeroHeight()).as("the row of machine keys is hidden").isTrue();
			assertThat(cells(keys)).containsExactlyElementsOf(ValueExchange.KEYS);
			assertThat(cells(sheet.getRow(1))).containsExactly("指标代码", "指标名称", "单位", "地区代码", "地区", "年份", "期间",
					"数值", "分子", "分母", "说明", "版本", "状态");
			assertThat(sheet.getProtect()).as("the sheet is protected: only open cells can be typed in").isTrue();
			countRow = rowOf(sheet, count);
			XSSFRow row = sheet.getRow(countRow);
			assertThat(row.getCell(column("status")).getStringCellValue()).isEqualTo("未填报");
			assertThat(row.getCell(column("period")).getStringCellValue()).isEqualTo("全年");
			for (String key : List.of("indicator_code", "region_code", "year", "period", "version", "status")) {
				assertThat(row.getCell(column(key)).getCellStyle().getLocked()).as(key + " is locked").isTrue();
			}
			for (String key : List.of("value", "numerator", "denominator", "note")) {
				assertThat(row.getCell(column(key)).getCellStyle().getLocked()).as(key + " is open").isFalse();
			}
			DataValidation countRule = validationAt(sheet, countRow, column("value"));
			assertThat(countRule.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.INTEGER);
			assertThat(countRule.getValidationConstraint().getFormula1()).isEqualTo("0");
			assertThat(countRule.getErrorBoxText()).contains("整数");
			assertThat(validationAt(sheet, countRow, column("numerator")).getValidationConstraint().getValidationType())
				.isEqualTo(ValidationType.DECIMAL);
			String instructions = String.join("\n", cells(workbook.getSheetAt(1)));
			assertThat(instructions).contains("灰色的列", "累计数", "说明", "提交审核");
		}

		importPage(template).andExpect(content().string(containsString("文件中的数据与已保存的相同，没有任何改动")))
			.andExpect(content().string(not(containsString("未导入任何数据"))));

		byte[] filled = fill(template, countRow, column("value"), 3);
		importPage(filled).andExpect(content().string(containsString("已将 1 条数据保存为草稿，尚未提交。下一步：到数据填报页面检查后勾选提交审核。")))
			.andExpect(content().string(containsString("前往数据填报")));
		assertThat(jdbc.queryForObject("""
				select v.value::int || ' ' || v.status from indicator_value v join indicator i on i.id = v.indicator_id
				where v.region_code = '450681' and v.period_id = ? and i.code = ?""", String.class, period, count))
			.isEqualTo("3 DRAFT");
		assertThat(jdbc.queryForObject("""
				select count(*) from audit_log a join indicator_value v on v.id = a.entity_id join indicator i on i.id = v.indicator_id
				where a.entity = 'indicator_value' and a.action = 'CREATE' and a.actor = ? and a.reason = 'import' and i.code = ?""",
				Integer.class, REPORTER, count)).isEqualTo(1);

		// In English the headings are English, and that file imports too.
		byte[] english = mvc.perform(get("/reporting/{period}/template.xlsx", period).param("lang", "en").with(accounts.as(REPORTER)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(english))) {
			assertThat(cells(workbook.getSheetAt(0).getRow(1))).startsWith("Indicator code", "Indicator", "Unit");
			assertThat(workbook.getSheetName(1)).isEqualTo("Instructions");
		}
		mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "english.xlsx", "application/octet-stream", english))
			.with(httpBasic(REPORTER, "Demo-password-1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0));
		// An export is the same form and reads back as well.
		byte[] export = mvc.perform(get("/reporting/export.xlsx").param("regionCode", "450681").param("year", "2020")
			.with(accounts.as(REPORTER))).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("数据填报");
			assertThat(cells(workbook.getSheetAt(0).getRow(1))).contains("状态");
			assertThat(List.of("草稿", "已提交", "已审核", "已退回")).contains(
					workbook.getSheetAt(0).getRow(2).getCell(column("status")).getStringCellValue());
		}
	}

	@Test
	void everyImportProblemNamesItsColumnAsTheSheetHeadsIt() throws Exception {
		String tooLong = "长".repeat(2001);
		String csv = """
				指标代码,地区代码,年份,期间,数值,分子,分母,说明,版本
				NO-SUCH,450681,2020,全年,3,,,,
				FCG-02,450602,2020,全年,90,,,,
				FCG-02,450681,2031,全年,90,,,,
				FCG-02,450681,2020,第五季度,90,,,,
				FCG-02,450681,2020,全年,九十,,,,
				FCG-03,450681,2020,全年,,210,200,,
				FCG-04,450681,2020,全年,90,,,%s,
				FCG-05,450681,2020,全年,90,,,,x
				""".formatted(tooLong);
		String body = upload(csv, "zh-CN").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems.length()").value(8))
			.andExpect(jsonPath("$.problems[*].columnName").value(org.hamcrest.Matchers.contains("指标代码", "地区代码", "年份",
					"期间", "数值", "分子", "说明", "版本")))
			.andExpect(jsonPath("$.problems[*].row").value(org.hamcrest.Matchers.contains(2, 3, 4, 5, 6, 7, 8, 9)))
			.andExpect(jsonPath("$.nextStep").value("文件有 8 处问题，未导入任何数据。"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).doesNotContain("\"columnName\":\"\"");

		upload("指标代码,地区代码,数值\nFCG-02,450681,90\n", "zh-CN").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[0].columnName").value("年份"))
			.andExpect(jsonPath("$.problems[0].message").value(containsString("缺少此列")));
		// An English reader gets the English heading of the same column; the file's own headings may be either.
		upload("Indicator code,Region code,Year,Value\nFCG-02,450681,2020,abc\n", "en").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[0].columnName").value("Value"));

		// On the page, and in the report to download, the column is the Chinese heading.
		importPage(csv.getBytes(StandardCharsets.UTF_8), "bad.csv")
			.andExpect(content().string(containsString("<td>数值</td>")))
			.andExpect(content().string(containsString("请按下表逐项修改文件中标出的单元格后重新导入")));
	}

	private ResultActions upload(String csv, String language) throws Exception {
		return mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", "figures.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.header("Accept-Language", language)
			.with(httpBasic(REPORTER, "Demo-password-1")));
	}

	private ResultActions importPage(byte[] xlsx) throws Exception {
		return importPage(xlsx, "模板.xlsx");
	}

	private ResultActions importPage(byte[] content, String filename) throws Exception {
		return mvc.perform(multipart("/reporting/import").file(new MockMultipartFile("file", filename, "application/octet-stream", content))
			.with(accounts.as(REPORTER))
			.with(csrf())).andExpect(status().isOk());
	}

	/** The workbook with one number typed in, as a reporter would in Excel. */
	static byte[] fill(byte[] workbook, int row, int column, double value) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			book.getSheetAt(0).getRow(row).getCell(column).setCellValue(value);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
	}

	static int column(String key) {
		return ValueExchange.KEYS.indexOf(key);
	}

	static int rowOf(XSSFSheet sheet, String indicatorCode) {
		for (int r = 2; r <= sheet.getLastRowNum(); r++) {
			if (sheet.getRow(r).getCell(0).getStringCellValue().equals(indicatorCode)) {
				return r;
			}
		}
		throw new AssertionError(indicatorCode + " is not in the template");
	}

	private static DataValidation validationAt(XSSFSheet sheet, int row, int column) {
		return sheet.getDataValidations()
			.stream()
			.filter(validation -> List.of(validation.getRegions().getCellRangeAddresses())
				.stream()
				.anyMatch((CellRangeAddress range) -> range.isInRange(row, column)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no validation at " + row + "/" + column));
	}

	private static List<String> cells(XSSFRow row) {
		List<String> cells = new ArrayList<>();
		row.forEach(cell -> cells.add(cell.toString()));
		return cells;
	}

	private static List<String> cells(XSSFSheet sheet) {
		List<String> lines = new ArrayList<>();
		sheet.forEach(row -> row.forEach(cell -> lines.add(cell.toString())));
		return lines;
	}

}

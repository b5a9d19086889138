package cn.qualityportal.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.spreadsheets.SpreadsheetRow;
import cn.qualityportal.spreadsheets.Spreadsheets;
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

	/** A period of the reporter's, by year (annual). */
	private long annual(int year) {
		return jdbc.queryForObject("select id from reporting_period where year = ? and kind = 'ANNUAL'", Long.class, year);
	}

	/** An indicator of a kind that 东兴市's bureau owes in 2020, by its position among them (so tests take rows of their own). */
	private String owed(String valueType, boolean last) {
		return jdbc.queryForObject("""
				select %s(i.code) from reporting_obligation_unit o join indicator i on i.id = o.indicator_id
				join department d on d.id = o.department_id
				where o.region_code = '450681' and o.year = 2020 and o.kind = 'ANNUAL' and i.value_type = ?
				  and d.kind = 'MARKET_REGULATION'""".formatted(last ? "max" : "min"), String.class, valueType);
	}

	private byte[] template(long period, String language) throws Exception {
		return mvc.perform(get("/reporting/{period}/template.xlsx", period).param("lang", language).with(accounts.as(REPORTER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	/** The grid's row of an indicator: from its hidden code field to the end of the row. */
	private String gridRow(long period, String indicatorCode) throws Exception {
		String page = mvc.perform(get("/reporting").param("period", "" + period).with(accounts.as(REPORTER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		int code = page.indexOf("value=\"" + indicatorCode + "\"");
		assertThat(code).as(indicatorCode + " is on the grid").isPositive();
		int start = page.lastIndexOf("<tr", code);
		return page.substring(start, page.indexOf("</tr>", code));
	}

	@Test
	void anApprovedFigureIsLockedInTheTemplateAndOnTheGridAndAChangeToItIsRefusedPlainly() throws Exception {
		long period = annual(2020);
		String rate = owed("RATE", true);
		jdbc.update("delete from indicator_value where region_code = '450681' and period_id = ? and indicator_id = (select id from indicator where code = ?)",
				period, rate);
		jdbc.update("""
				insert into indicator_value (indicator_id, region_code, period_id, value, status, updated_by)
				select id, '450681', ?, 95, 'APPROVED', 'reviewer-450681' from indicator where code = ?""", period, rate);

		byte[] template = template(period, "zh_CN");
		int row;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			row = rowOf(sheet, rate);
			assertThat(sheet.getRow(row).getCell(column("status")).getStringCellValue()).isEqualTo("已审核");
			for (String key : List.of("value", "numerator", "denominator", "note")) {
				assertThat(sheet.getRow(row).getCell(column(key)).getCellStyle().getLocked()).as(key + " of an approved figure is locked")
					.isTrue();
			}
		}
		// Changed anyway (a copy without the sheet's protection): one message, in the value's column, nothing saved.
		byte[] changed = fill(template, row, column("value"), 80);
		mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "changed.xlsx", "application/octet-stream", changed))
			.header("Accept-Language", "zh-CN")
			.with(httpBasic(REPORTER, "Demo-password-1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems.length()").value(1))
			.andExpect(jsonPath("$.problems[0].row").value(row + 1))
			.andExpect(jsonPath("$.problems[0].columnName").value("数值"))
			.andExpect(jsonPath("$.problems[0].message").value(containsString("已审核通过，不能通过导入修改")));
		importPage(changed).andExpect(content().string(containsString("<td>数值</td>")))
			.andExpect(content().string(containsString("已审核通过，不能通过导入修改")));
		assertThat(jdbc.queryForObject("""
				select v.value::int from indicator_value v join indicator i on i.id = v.indicator_id
				where v.region_code = '450681' and v.period_id = ? and i.code = ?""", Integer.class, period, rate)).isEqualTo(95);

		// On the grid the locked row asks for nothing: no hint of what to type, no warning against last year.
		String locked = gridRow(period, rate);
		assertThat(locked).doesNotContain("id=\"expected-", "id=\"change-", "data-previous", "placeholder=");
	}

	@Test
	void aPercentageTypedWithItsSignImportsAsThePercentageTheInstructionsAllow() throws Exception {
		// First-use check: the instructions allow 95.5% in a percentage's cell, but Excel stores 95.5% typed in a cell as
		// 0.955 shown as a percentage; the cell's validation must let it in and the import read it as 95.5, not 0.955.
		long period = annual(2020);
		String rate = owed("RATE", false);
		jdbc.update("delete from indicator_value where region_code = '450681' and period_id = ? and indicator_id = (select id from indicator where code = ?)",
				period, rate);
		byte[] typed;
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template(period, "zh_CN")))) {
			assertThat(String.join("\n", cells(book.getSheetAt(1)))).contains("百分比填 0–100 的数字（可带 %）");
			XSSFSheet sheet = book.getSheetAt(0);
			int row = rowOf(sheet, rate);
			DataValidation rule = validationAt(sheet, row, column("value"));
			assertThat(rule.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DECIMAL);
			assertThat(new BigDecimal(rule.getValidationConstraint().getFormula1())).isLessThanOrEqualTo(new BigDecimal("0.955"));
			assertThat(new BigDecimal(rule.getValidationConstraint().getFormula2())).isGreaterThanOrEqualTo(new BigDecimal("0.955"));
			var cell = sheet.getRow(row).getCell(column("value"));
			var percent = book.createCellStyle();
			percent.cloneStyleFrom(cell.getCellStyle());
			percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
			cell.setCellStyle(percent);
			cell.setCellValue(0.955);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			typed = out.toByteArray();
		}
		importPage(typed).andExpect(content().string(containsString("已将 1 条数据保存为草稿")));
		assertThat(jdbc.queryForObject("""
				select trim_scale(v.value)::text from indicator_value v join indicator i on i.id = v.indicator_id
				where v.region_code = '450681' and v.period_id = ? and i.code = ?""", String.class, period, rate)).isEqualTo("95.5");
	}

	@Test
	void theHintFollowsTheUnitSoAnAreaIsANumberNotAnAmount() throws Exception {
		long period = annual(2020);
		String count = owed("COUNT", true);
		String type = jdbc.queryForObject("select value_type from indicator where code = ?", String.class, count);
		List<Map<String, Object>> units = jdbc.queryForList(
				"select id, unit from target where indicator_id = (select id from indicator where code = ?)", count);
		// The grid shows the target's unit (平方米: an area).
		jdbc.update("update indicator set value_type = 'AMOUNT' where code = ?", count);
		jdbc.update("update target set unit = '平方米' where indicator_id = (select id from indicator where code = ?)", count);
		try {
			String area = gridRow(period, count);
			assertThat(area).contains("平方米", "数字：可带小数", "inputmode=\"decimal\"").doesNotContain("金额");
			jdbc.update("update target set unit = '万元' where indicator_id = (select id from indicator where code = ?)", count);
			assertThat(gridRow(period, count)).contains("金额：");
		}
		finally {
			jdbc.update("update indicator set value_type = ? where code = ?", type, count);
			units.forEach(target -> jdbc.update("update target set unit = ? where id = ?", target.get("unit"), target.get("id")));
		}
	}

	@Test
	void anImportLeadsToTheGridOfThePeriodItsFiguresWereSavedIn() throws Exception {
		long period = annual(2020);
		String count = owed("COUNT", true);
		jdbc.update("delete from indicator_value where region_code = '450681' and period_id = ? and indicator_id = (select id from indicator where code = ?)",
				period, count);
		byte[] template = template(period, "zh_CN");
		int row;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			row = rowOf(workbook.getSheetAt(0), count);
		}
		// The next year is open already (as after ReportingJourneyBrowserTest): the figures are still 2020's.
		Long next = jdbc.queryForList("select id from reporting_period where year = 2021 and kind = 'ANNUAL'", Long.class)
			.stream()
			.findFirst()
			.orElse(null);
		boolean opened = next == null;
		if (opened) {
			next = jdbc.queryForObject("""
					insert into reporting_period (year, kind, number, due_on) values (2021, 'ANNUAL', 0, date '2022-01-31') returning id""",
					Long.class);
		}
		try {
			importPage(fill(template, row, column("value"), 4))
				.andExpect(content().string(containsString("已将 1 条数据保存为草稿")))
				.andExpect(content().string(containsString("href=\"/reporting?period=" + period + "\"")));
		}
		finally {
			if (opened) {
				jdbc.update("delete from reporting_period where id = ?", next);
			}
		}
	}

	@Test
	void everyDownloadHasAChineseNameWithAnAsciiFallback() throws Exception {
		long period = annual(2020);
		String template = mvc.perform(get("/reporting/{period}/template.xlsx", period).with(accounts.as(REPORTER)))
			.andReturn()
			.getResponse()
			.getHeader("Content-Disposition");
		assertThat(template).isEqualTo("attachment; filename=\"template-450681-2020.xlsx\"; filename*=UTF-8''"
				+ java.net.URLEncoder.encode("东兴市2020年全年填报模板.xlsx", StandardCharsets.UTF_8));
		assertThat(disposition(get("/reporting/{period}/template.xlsx", period).param("lang", "en"), REPORTER))
			.contains("entry%20template.xlsx");
		assertThat(disposition(get("/reporting/export.xlsx").param("regionCode", "450681").param("year", "2020"), REPORTER))
			.contains("filename=\"values.xlsx\"", encoded("填报数据导出.xlsx"));
		assertThat(disposition(get("/reporting/export.csv").param("regionCode", "450681").param("year", "2020"), REPORTER))
			.contains(encoded("填报数据导出.csv"));
		assertThat(disposition(get("/dashboards/overview.xlsx").param("region", "450600").param("year", "2019"), "office"))
			.contains("filename=\"overview-450600-2019.xlsx\"", encoded("防城港市2019年目标进展总览.xlsx"));
		assertThat(disposition(get("/dashboards/regions/450681/export.xlsx").param("year", "2019"), "office"))
			.contains(encoded("东兴市2019年目标进展.xlsx"));
		assertThat(disposition(get("/reports/450681/2019.pdf"), "office")).contains(encoded("东兴市2019年度报告.pdf"));
		long rubric = jdbc.queryForObject("select min(id) from rubric", Long.class);
		assertThat(disposition(get("/rubrics/{id}/results.xlsx", rubric), "office")).contains(encoded("年考核排名.xlsx"));
		long indicator = jdbc.queryForObject("select id from indicator where code = 'FCG-02'", Long.class);
		String gk = mvc.perform(get("/gk/documents/{d}/indicators/{i}.csv", cityDocument(), indicator).param("year", "2019"))
			.andReturn()
			.getResponse()
			.getHeader("Content-Disposition");
		assertThat(gk).contains("filename=\"FCG-02-2019.csv\"", encoded("（FCG-02）2019年数据.csv"));
	}

	@Test
	void everyExportIsAReadOnlyChineseFormThatSaysWhatItHolds() throws Exception {
		long rubric = jdbc.queryForObject("select min(id) from rubric", Long.class);
		long indicator = jdbc.queryForObject("select id from indicator where code = 'FCG-22'", Long.class);
		Map<String, String> exports = new java.util.LinkedHashMap<>();
		exports.put("/dashboards/overview.xlsx?region=450600&year=2019", "docs/progress.md");
		exports.put("/dashboards/regions/450600/export.xlsx?year=2019", "docs/progress.md");
		exports.put("/dashboards/indicators/" + indicator + "/figures.xlsx?year=2019", "docs/progress.md");
		exports.put("/rubrics/" + rubric + "/results.xlsx", "docs/assessment.md");
		exports.put("/gk/documents/" + cityDocument() + "/indicators/" + indicator + ".xlsx?year=2019", "docs/progress.md");
		for (Map.Entry<String, String> export : exports.entrySet()) {
			byte[] xlsx = mvc.perform(get(export.getKey()).with(accounts.as("office")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
				XSSFSheet about = workbook.getSheetAt(workbook.getNumberOfSheets() - 1);
				assertThat(about.getSheetName()).as(export.getKey()).isEqualTo("说明");
				assertThat(String.join("\n", cells(about))).as(export.getKey())
					.contains(export.getValue(), "只读", "北京时间");
				for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
					XSSFSheet sheet = workbook.getSheetAt(s);
					assertThat(sheet.getProtect()).as(export.getKey() + " " + sheet.getSheetName() + " is protected").isTrue();
					assertThat(sheet.getDataValidations()).as("nothing is to be typed in").isEmpty();
				}
				XSSFSheet data = workbook.getSheetAt(0);
				assertThat(cells(data.getRow(0))).as(export.getKey() + " has Chinese headings")
					.allMatch(heading -> heading.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
				assertThat(data.getPaneInformation().isFreezePane()).as("headings and key columns stay in view").isTrue();
			}
		}
		// The public table's target column says 新增 for an increment, like the grid and the page.
		byte[] gk = mvc.perform(get("/gk/documents/{d}/indicators/{i}.csv", cityDocument(), indicator).param("year", "2019"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<SpreadsheetRow> rows = Spreadsheets.read("gk.csv", new ByteArrayInputStream(gk), 1 << 20, 1000);
		int target = rows.get(0).cells().indexOf("目标");
		assertThat(rows.subList(1, rows.size())).isNotEmpty().allSatisfy(row -> assertThat(row.cell(target)).startsWith("新增 "));
	}

	private long cityDocument() {
		return jdbc.queryForObject("select id from policy_document where doc_number = '防政发〔2017〕14号'", Long.class);
	}

	private static String encoded(String name) {
		return java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private String disposition(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String username)
			throws Exception {
		return mvc.perform(request.with(accounts.as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("Content-Disposition");
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

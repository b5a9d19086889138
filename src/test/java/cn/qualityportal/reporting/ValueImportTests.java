package cn.qualityportal.reporting;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.TestWorkbooks;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.spreadsheets.SpreadsheetRow;
import cn.qualityportal.spreadsheets.Spreadsheets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Importing figures from CSV and xlsx: all or nothing, a report by row, and idempotent. */
@SpringBootTest
@AutoConfigureMockMvc
class ValueImportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	UserDetailsService users;

	@BeforeEach
	void data() {
		accounts.member("i-reporter", "450681", false, Role.REPORTER);
		for (String test : new String[] { "TWICE", "BAD", "STALE", "XLSX", "EXPORT" }) {
			jdbc.update("""
					insert into indicator (code, name, category, unit, value_type, direction, aggregation)
					values (?, '导入测试合格率', 'PRODUCT', '%', 'RATE', 'HIGHER', 'WEIGHTED'),
					       (?, '导入测试名牌', 'BRAND', '个', 'COUNT', 'HIGHER', 'SUM') on conflict do nothing""", "I-PASS-" + test,
					"I-BRAND-" + test);
		}
		jdbc.update("insert into reporting_period (year, kind, number) values (2022, 'ANNUAL', 0) on conflict do nothing");
		jdbc.update("insert into reporting_period (year, kind, number) values (2022, 'QUARTERLY', 1) on conflict do nothing");
		jdbc.update("insert into reporting_period (year, kind, number) values (2023, 'ANNUAL', 0) on conflict do nothing");
		jdbc.update("update indicator set reporting_frequency = 'QUARTERLY' where code = 'I-BRAND-TWICE'");
	}

	@Test
	void importingTheSameFileTwiceChangesNothingTheSecondTime() throws Exception {
		String csv = """
				indicator_code,region_code,year,period,value,numerator,denominator,note
				I-PASS-TWICE,450681,2022,,,190,200,季报汇总
				I-BRAND-TWICE,450681,2022,,3,,,
				I-BRAND-TWICE,450681,2022,Q1,1,,,一季度
				""";
		upload("i-reporter", "figures.csv", csv.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(3))
			.andExpect(jsonPath("$.unchanged").value(0));
		int audit = jdbc.queryForObject("select count(*) from audit_log", Integer.class);
		upload("i-reporter", "figures.csv", csv.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(3));
		assertThat(jdbc.queryForObject("select count(*) from audit_log", Integer.class)).isEqualTo(audit);
		assertThat(jdbc.queryForObject("select value from indicator_value v join indicator i on i.id = v.indicator_id "
				+ "where i.code = 'I-PASS-TWICE'", Double.class)).isEqualTo(95.0);
	}

	@Test
	void oneBadRowRejectsTheWholeFileWithAReportByRowAndChangesNothing() throws Exception {
		String csv = """
				指标代码,地区代码,年份,期间,数值,分子,分母
				I-BRAND-BAD,450681,2022,,4,,
				I-PASS-BAD,450681,2022,,,210,200
				I-BRAND-BAD,450602,2022,,2,,
				NO-SUCH,450681,2022,,2,,
				I-BRAND-BAD,450681,2031,,2,,
				I-BRAND-BAD,450681,2022,,2.5,,
				I-BRAND-BAD,450681,2022,Q1,1,,
				""";
		upload("i-reporter", "bad.csv", csv.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.problems[*].row").value(org.hamcrest.Matchers.contains(3, 4, 5, 6, 7, 7, 8)))
			.andExpect(jsonPath("$.problems[6].message").value("该指标不在此填报期填报（填报频次不符）。"))
			.andExpect(jsonPath("$.problems[0].message").value("分子不能大于分母。"))
			.andExpect(jsonPath("$.problems[1].message").value("您无权为该地区登记或修改数据。"));
		assertThat(jdbc.queryForObject("select count(*) from indicator_value v join indicator i on i.id = v.indicator_id "
				+ "where i.code like 'I-%-BAD'", Integer.class)).isZero();
	}

	@Test
	void aFigureChangedSinceTheFileWasMadeIsAConflict() throws Exception {
		upload("i-reporter", "first.csv", "indicator_code,region_code,year,value\nI-BRAND-STALE,450681,2022,5\n"
			.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk());
		upload("i-reporter", "second.csv", "indicator_code,region_code,year,value,version\nI-BRAND-STALE,450681,2022,6,0\n"
			.getBytes(StandardCharsets.UTF_8)).andExpect(jsonPath("$.updated").value(1));
		upload("i-reporter", "stale.csv", "indicator_code,region_code,year,value,version\nI-BRAND-STALE,450681,2022,7,0\n"
			.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[0].message").value("该数据在模板下载后已被修改，请重新下载模板。"));
		assertThat(jdbc.queryForObject("select value from indicator_value v join indicator i on i.id = v.indicator_id "
				+ "where i.code = 'I-BRAND-STALE'", Integer.class)).isEqualTo(6);
	}

	@Test
	void anExportedWorkbookFilledInAndUploadedIsImported() throws Exception {
		upload("i-reporter", "seed.csv", "indicator_code,region_code,year,value\nI-BRAND-XLSX,450681,2022,1\n"
			.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk());
		byte[] export = mvc.perform(get("/api/v1/values/export.xlsx").param("indicatorCode", "I-BRAND-XLSX")
			.with(httpBasic("i-reporter", TestAccounts.PASSWORD))).andReturn().getResponse().getContentAsByteArray();
		List<SpreadsheetRow> rows = Spreadsheets.read("values.xlsx", new ByteArrayInputStream(export), 1 << 20, 100);
		// The hidden row of machine keys, then the headings in Chinese, then the figures.
		assertThat(rows.get(0).cells()).startsWith("indicator_code", "indicator_name", "unit", "region_code");
		assertThat(rows.get(1).cells()).startsWith("指标代码", "指标名称", "单位", "地区代码");
		assertThat(rows.get(2).cell(0)).isEqualTo("I-BRAND-XLSX");
		assertThat(rows.get(2).cell(ValueExchange.KEYS.indexOf("version"))).isEqualTo("0");
		assertThat(rows.get(2).cell(ValueExchange.KEYS.indexOf("status"))).isEqualTo("草稿");
		Object[][] filled = rows.stream().map(row -> row.cells().toArray()).toArray(Object[][]::new);
		filled[2][ValueExchange.KEYS.indexOf("value")] = "4";
		upload("i-reporter", "filled.xlsx", TestWorkbooks.xlsx(filled))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.updated").value(1));
		assertThat(jdbc.queryForObject("select value from indicator_value v join indicator i on i.id = v.indicator_id "
				+ "where i.code = 'I-BRAND-XLSX'", Integer.class)).isEqualTo(4);
		// The import's audit row records the status on both sides, so the history shows only the value changing.
		assertThat(jdbc.queryForObject("""
				select (old_state ->> 'status') || ' ' || (new_state ->> 'status') || ' ' || (old_state ->> 'value')
				from audit_log a join indicator_value v on v.id = a.entity_id join indicator i on i.id = v.indicator_id
				where a.entity = 'indicator_value' and a.action = 'UPDATE' and i.code = 'I-BRAND-XLSX'""", String.class))
			.isEqualTo("DRAFT DRAFT 1.0000");
	}

	@Test
	void exportsTakeARangeOfYearsAndASetOfIndicatorsAndAreNeverCutShort(@Autowired ValueImportController exports)
			throws Exception {
		upload("i-reporter", "series.csv", """
				indicator_code,region_code,year,value
				I-BRAND-EXPORT,450681,2022,3
				I-BRAND-EXPORT,450681,2023,5
				I-PASS-EXPORT,450681,2022,91
				I-PASS-EXPORT,450681,2023,92
				""".getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk());
		assertThat(exportedLines(get("/api/v1/values/export.csv").param("fromYear", "2022").param("toYear", "2023")
			.param("indicatorCode", "I-BRAND-EXPORT"))).hasSize(2).allMatch(line -> line.startsWith("I-BRAND-EXPORT,"));
		assertThat(exportedLines(get("/api/v1/values/export.csv").param("year", "2023")
			.param("indicatorCode", "I-BRAND-EXPORT", "I-PASS-EXPORT"))).hasSize(2).allMatch(line -> line.contains(",2023,"));

		mvc.perform(get("/api/v1/values").param("indicatorCode", "I-PASS-EXPORT").param("size", "1").param("page", "1")
			.with(httpBasic("i-reporter", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].year").value(2023));
		mvc.perform(get("/api/v1/values").param("size", "0").with(httpBasic("i-reporter", TestAccounts.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("分页参数无效")));

		ValueImportController controller = AopTestUtils.getUltimateTargetObject(exports);
		int limit = controller.exportLimit;
		controller.exportLimit = 3;
		try {
			mvc.perform(get("/api/v1/values/export.csv").param("indicatorCode", "I-BRAND-EXPORT", "I-PASS-EXPORT")
				.with(httpBasic("i-reporter", TestAccounts.PASSWORD)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType("application/problem+json"))
				.andExpect(jsonPath("$.detail").value(containsString("请缩小地区、年份或指标范围")));
		}
		finally {
			controller.exportLimit = limit;
		}
	}

	private List<String> exportedLines(MockHttpServletRequestBuilder request)
			throws Exception {
		String csv = mvc.perform(request.with(httpBasic("i-reporter", TestAccounts.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return csv.lines().skip(1).toList();
	}

	@Test
	void aBadXlsxRowRejectsTheWholeWorkbookOnThePageWithAReportToDownload() throws Exception {
		byte[] workbook = TestWorkbooks.xlsx(new Object[][] { { "指标代码", "地区代码", "年份", "数值" },
				{ "I-PASS-BAD", "450681", "2022", "91" }, { "I-BRAND-BAD", "450681", "2022", "2.5" } });
		// The report waits in the session (PostgreSQL), found again through the session cookie.
		jakarta.servlet.http.Cookie session = mvc.perform(multipart("/reporting/import")
			.file(new MockMultipartFile("file", "季报.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook))
			.with(user(users.loadUserByUsername("i-reporter")))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("数量应为整数")))
			.andExpect(content().string(containsString("未导入任何数据")))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(jdbc.queryForObject("select count(*) from indicator_value v join indicator i on i.id = v.indicator_id "
				+ "where i.code like 'I-%-BAD'", Integer.class)).isZero();
		String report = mvc.perform(get("/reporting/import/report.csv").cookie(session)
			.with(user(users.loadUserByUsername("i-reporter"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(report.lines().skip(1).toList()).singleElement().asString().startsWith("3,").contains("数量应为整数");
	}


	@Test
	void onlyReportersImport() throws Exception {
		accounts.member("i-reviewer", "450681", false, Role.REVIEWER);
		upload("i-reviewer", "x.csv", "indicator_code,region_code,year,value\nI-BRAND-BAD,450681,2022,5\n"
			.getBytes(StandardCharsets.UTF_8)).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("您的角色或所属单位无权执行此操作。"));
	}

	private ResultActions upload(String username, String filename, byte[] content) throws Exception {
		return mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", filename, "application/octet-stream", content))
			.with(httpBasic(username, TestAccounts.PASSWORD)));
	}

}

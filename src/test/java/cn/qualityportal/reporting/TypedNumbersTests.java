package cn.qualityportal.reporting;

import java.nio.charset.StandardCharsets;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.TestWorkbooks;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nothing a reporter types is lost (issue #11, seen defect 3) and every number is bounded before
 * arithmetic (issue #12, finding 3): the grid, the API and the import read numbers the same way.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TypedNumbersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	long period;

	@BeforeEach
	void data() {
		accounts.member("n-reporter", "450681", false, Role.REPORTER);
		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation)
				values ('N1-PASS', '数字测试合格率', 'PRODUCT', '%', 'RATE', 'HIGHER', 'WEIGHTED'),
				       ('N2-BRAND', '数字测试名牌', 'BRAND', '个', 'COUNT', 'HIGHER', 'SUM') on conflict do nothing""");
		jdbc.update("""
				insert into policy_document (title, issuer, doc_number, level, region_code, status)
				values ('数字测试文件', '东兴市人民政府', '东数发〔2020〕1号', 'COUNTY', '450681', 'IN_FORCE') on conflict do nothing""");
		jdbc.update("""
				insert into target (indicator_id, region_code, document_id, comparator, value, deadline_year, unit, lead_department_id)
				select i.id, '450681', d.id, 'GE', 95, 2030, i.unit, dep.id
				from indicator i, policy_document d, department dep
				where i.code in ('N1-PASS', 'N2-BRAND') and d.doc_number = '东数发〔2020〕1号'
				  and dep.region_code = '450681' and dep.kind = 'MARKET_REGULATION'
				on conflict do nothing""");
		jdbc.update("insert into reporting_period (year, kind, number) values (2025, 'ANNUAL', 0) on conflict do nothing");
		period = jdbc.queryForObject("select id from reporting_period where year = 2025 and kind = 'ANNUAL'", Long.class);
		jdbc.update("update reporting_period set status = 'OPEN' where id = ?", period);
	}

	@AfterEach
	void removeTargets() {
		// Other test classes count what 东兴市 owes; these targets are only for this class.
		jdbc.update("delete from target where document_id = (select id from policy_document where doc_number = '东数发〔2020〕1号')");
		jdbc.update("delete from indicator_value where period_id = ?", period);
	}

	@Test
	void aWordTypedOverAStoredFigureIsAFieldErrorAndTheFigureStays() throws Exception {
		long id = store("N1-PASS", "98.8");
		long version = jdbc.queryForObject("select version from indicator_value where id = ?", Long.class, id);
		for (String typed : new String[] { "abc", "九十五", "1,5", "95,5%" }) {
			mvc.perform(post("/reporting/" + period).with(accounts.as("n-reporter")).with(csrf()).param("action", "save")
				.param("rows[0].indicatorCode", "N1-PASS").param("rows[0].value", typed).param("rows[0].note", "演示数据")
				.param("rows[0].version", "" + version))
				.andExpect(status().isOk())
				.andExpect(model().attributeHasFieldErrors("form", "rows[0].value"))
				// The typed text stays in the field, so the reporter sees what to correct.
				.andExpect(content().string(containsString("value=\"" + typed + "\"")))
				.andExpect(content().string(containsString("例如")))
				// And the top of the page says so, so nobody mistakes the answer for a save.
				.andExpect(content().string(containsString("有 1 处填写需要更正（见下方标红的行）。本次保存未生效")));
			mvc.perform(get("/api/v1/values/" + id).with(accounts.as("n-reporter")))
				.andExpect(jsonPath("$.value").value(98.8));
		}
		assertThat(jdbc.queryForList("select action from audit_log where entity = 'indicator_value' and entity_id = ?",
				String.class, id)).containsExactly("CREATE");
	}

	@Test
	void whatChineseUsersNaturallyTypeIsReadWhereItIsUnambiguous() throws Exception {
		mvc.perform(post("/reporting/" + period).with(accounts.as("n-reporter")).with(csrf()).param("action", "save")
			.param("rows[0].indicatorCode", "N1-PASS").param("rows[0].value", "９５．５％")
			.param("rows[1].indicatorCode", "N2-BRAND").param("rows[1].value", "1,000"))
			.andExpect(flash().attribute("success", "reporting.saved"));
		assertThat(figure("N1-PASS")).isEqualTo("95.5000");
		assertThat(figure("N2-BRAND")).isEqualTo("1000.0000");

		long version = jdbc.queryForObject("select v.version from indicator_value v join indicator i on i.id = v.indicator_id "
				+ "where i.code = 'N2-BRAND' and v.period_id = ?", Long.class, period);
		mvc.perform(post("/reporting/" + period).with(accounts.as("n-reporter")).with(csrf()).param("action", "save")
			.param("rows[0].indicatorCode", "N2-BRAND").param("rows[0].value", "12%").param("rows[0].version", "" + version))
			.andExpect(model().attributeHasFieldErrorCode("form", "rows[0].value", "validation.number.percentNotHere"))
			.andExpect(content().string(containsString("此指标不是百分比")));
		assertThat(figure("N2-BRAND")).isEqualTo("1000.0000");
	}

	@Test
	void emptyingAFieldDeletesTheFigureOnlyWhenTheReporterConfirms() throws Exception {
		long id = store("N1-PASS", "98.8");
		long version = jdbc.queryForObject("select version from indicator_value where id = ?", Long.class, id);
		mvc.perform(post("/reporting/" + period).with(accounts.as("n-reporter")).with(csrf()).param("action", "save")
			.param("rows[0].indicatorCode", "N1-PASS").param("rows[0].value", "").param("rows[0].note", "演示数据")
			.param("rows[0].version", "" + version))
			.andExpect(model().attributeHasFieldErrorCode("form", "rows[0].value", "reporting.clearUnconfirmed"))
			.andExpect(content().string(containsString("rows[0].confirmClear")));
		assertThat(figure("N1-PASS")).isEqualTo("98.8000");

		mvc.perform(post("/reporting/" + period).with(accounts.as("n-reporter")).with(csrf()).param("action", "save")
			.param("rows[0].indicatorCode", "N1-PASS").param("rows[0].value", "").param("rows[0].note", "演示数据")
			.param("rows[0].confirmClear", "true").param("rows[0].version", "" + version))
			.andExpect(flash().attribute("success", "reporting.saved"));
		assertThat(figure("N1-PASS")).isNull();
	}

	@Test
	void theApiReadsTheSameFormsAndRefusesHugeOrExponentNumbersAtOnce() throws Exception {
		String body = "{\"indicatorCode\":\"N1-PASS\",\"regionCode\":\"450681\",\"year\":2025,\"value\":%s}";
		for (String hostile : new String[] { "1e-100000000", "1E+400000000", "\"1e5\"", "123456789012345678", "0.000001",
				"\"abc\"", "\"12%\"" }) {
			long started = System.nanoTime();
			String json = hostile.equals("\"12%\"") ? body.replace("N1-PASS", "N2-BRAND").formatted(hostile) : body.formatted(hostile);
			mvc.perform(put("/api/v1/values").with(httpBasic("n-reporter", TestAccounts.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content(json))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("value"));
			// A hang guard, not a speed measure (speeds live in bench/): expanding such a number takes
			// minutes or all memory; a loaded CI machine takes over a second for an ordinary request.
			assertThat((System.nanoTime() - started) / 1_000_000).as(hostile).isLessThan(10_000);
		}
		assertThat(jdbc.queryForObject("select count(*) from indicator_value where period_id = ?", Integer.class, period)).isZero();

		mvc.perform(put("/api/v1/values").with(httpBasic("n-reporter", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted("\"95%\"")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value(95));
		mvc.perform(put("/api/v1/values").with(httpBasic("n-reporter", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(body.replace("N1-PASS", "N2-BRAND").formatted("12")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value(12));
	}

	@Test
	void anImportedCellOutOfBoundsIsAProblemOfItsRowNotA500() throws Exception {
		byte[] workbook = TestWorkbooks.xlsx(new Object[][] { { "指标代码", "地区代码", "年份", "数值" },
				{ "N2-BRAND", "450681", 2025, 1e20 }, { "N1-PASS", "450681", 2025, "９６％" } });
		mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "数字.xlsx", "application/octet-stream", workbook))
			.with(httpBasic("n-reporter", TestAccounts.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems.length()").value(1))
			.andExpect(jsonPath("$.problems[0].row").value(2))
			.andExpect(jsonPath("$.problems[0].message").value(containsString("数值过大")));
		String csv = "indicator_code,region_code,year,value\nN2-BRAND,450681,2025,\"1,200\"\nN1-PASS,450681,2025,96%\n";
		mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", "数字.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(httpBasic("n-reporter", TestAccounts.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2));
		assertThat(figure("N2-BRAND")).isEqualTo("1200.0000");
		assertThat(figure("N1-PASS")).isEqualTo("96.0000");
	}

	private long store(String code, String value) throws Exception {
		mvc.perform(put("/api/v1/values").with(httpBasic("n-reporter", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"indicatorCode\":\"" + code + "\",\"regionCode\":\"450681\",\"year\":2025,\"value\":" + value
					+ ",\"note\":\"演示数据\"}"))
			.andExpect(status().isOk());
		return jdbc.queryForObject("select v.id from indicator_value v join indicator i on i.id = v.indicator_id "
				+ "where i.code = ? and v.period_id = ?", Long.class, code, period);
	}

	private String figure(String code) {
		return jdbc.queryForObject("select v.value::text from indicator_value v join indicator i on i.id = v.indicator_id "
				+ "where i.code = ? and v.period_id = ?", String.class, code, period);
	}

}

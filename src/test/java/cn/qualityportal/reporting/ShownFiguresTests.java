package cn.qualityportal.reporting;

import java.nio.charset.StandardCharsets;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Figures stored with four decimals read as people write them (issue #11, seen defect 9: "8.0000",
 * "91.8000" in the grid): the grid shows the figure typed, without padding zeros; the reviewer's
 * queue and a figure's page show at most the indicator's declared decimals (docs/progress.md §6);
 * the API keeps the exact figure.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ShownFiguresTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	long period;

	@BeforeEach
	void data() {
		accounts.member("p-reporter", "450681", false, Role.REPORTER);
		accounts.member("p-reviewer", "450681", false, Role.REVIEWER);
		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation, decimals)
				values ('P-A-COUNT', '精度测试个数', 'PRODUCT', '个', 'COUNT', 'HIGHER', 'SUM', null),
				       ('P-B-RATE', '精度测试比率', 'PRODUCT', '%', 'RATE', 'HIGHER', 'NONE', null),
				       ('P-C-RATE2', '精度测试两位', 'PRODUCT', '%', 'RATE', 'HIGHER', 'NONE', 2) on conflict do nothing""");
		long lead = accounts.department("450681", "东兴市市场监督管理局", "MARKET_REGULATION");
		if (jdbc.queryForObject("select count(*) from policy_document where title = '精度测试方案'", Long.class) == 0) {
			long document = jdbc.queryForObject("""
					insert into policy_document (title, issuer, level, region_code, issue_date, status)
					values ('精度测试方案', '东兴市人民政府', 'COUNTY', '450681', '2026-01-10', 'IN_FORCE') returning id""", Long.class);
			jdbc.update("""
					insert into target (indicator_id, region_code, document_id, comparator, value, unit, deadline_year, lead_department_id)
					select id, '450681', ?, 'GE', 10, unit, 2027, ? from indicator where code like 'P-_-%'""", document, lead);
		}
		jdbc.update("insert into reporting_period (year, kind, number) values (2026, 'ANNUAL', 0) on conflict do nothing");
		period = jdbc.queryForObject("select id from reporting_period where year = 2026 and kind = 'ANNUAL'", Long.class);
		jdbc.update("delete from indicator_value where period_id = ?", period);
	}

	@AfterEach
	void clean() {
		jdbc.update("delete from indicator_value where period_id = ?", period);
	}

	@Test
	void theGridTheQueueAndAFiguresPageShowFiguresAsPeopleReadThem() throws Exception {
		long count = figure("P-A-COUNT", "8");
		long rate = figure("P-B-RATE", "91.8");
		long declared = figure("P-C-RATE2", "90.7333");
		// Stored with the column's four decimals.
		assertThat(jdbc.queryForObject("select value::text from indicator_value where id = ?", String.class, count))
			.isEqualTo("8.0000");
		assertThat(jdbc.queryForObject("select value::text from indicator_value where id = ?", String.class, rate))
			.isEqualTo("91.8000");

		String grid = page("p-reporter", "/reporting?period=" + period);
		assertThat(grid).contains("value=\"8\"", "value=\"91.8\"").doesNotContain("8.0000", "91.8000");

		for (long id : new long[] { count, rate, declared }) {
			mvc.perform(post("/api/v1/values/" + id + "/submit").with(httpBasic("p-reporter", TestAccounts.PASSWORD)))
				.andExpect(status().isOk());
		}
		// The queue: a count has no decimals, a rate 1 unless declared, 90.7333 with 2 declared is 90.73.
		// Each indicator filtered, as a reviewer of a long queue does: tests sharing this database fill it.
		String queue = page("p-reviewer", "/reporting/review?indicator=P-A-COUNT")
				+ page("p-reviewer", "/reporting/review?indicator=P-B-RATE")
				+ page("p-reviewer", "/reporting/review?indicator=P-C-RATE2");
		assertThat(queue).contains(">8个<", ">91.8%<", ">90.73%<").doesNotContain("8.0000", "91.8000", "90.7333");
		// A figure's page: its heading (its history keeps the exact stored states, as the audit trail).
		assertThat(page("p-reviewer", "/reporting/values/" + declared)).contains("<span>90.73%</span>");

		// The API keeps the exact figure.
		mvc.perform(get("/api/v1/values/" + declared).with(httpBasic("p-reviewer", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.value").value(90.7333));
	}

	private long figure(String code, String value) throws Exception {
		mvc.perform(put("/api/v1/values").with(httpBasic("p-reporter", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"indicatorCode\":\"" + code + "\",\"regionCode\":\"450681\",\"year\":2026,\"value\":" + value + "}"))
			.andExpect(status().isOk());
		return jdbc.queryForObject("select v.id from indicator_value v join indicator i on i.id = v.indicator_id "
				+ "where i.code = ? and v.period_id = ?", Long.class, code, period);
	}

	private String page(String username, String path) throws Exception {
		return mvc.perform(get(path).with(accounts.as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}

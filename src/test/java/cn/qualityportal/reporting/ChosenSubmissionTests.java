package cn.qualityportal.reporting;

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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The grid submits what the reporter chose and nothing else (issue #11, seen defect 4); a
 * returned figure resubmitted unchanged asks for a note, and the reviewer sees it was returned before.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChosenSubmissionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	long period;

	@BeforeEach
	void data() {
		accounts.member("c-reporter", "450681", false, Role.REPORTER);
		accounts.member("c-reviewer", "450681", false, Role.REVIEWER);
		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation)
				values ('C-A-RETURNED', '选择测试甲', 'PRODUCT', '个', 'COUNT', 'HIGHER', 'SUM'),
				       ('C-B-DRAFT', '选择测试乙', 'PRODUCT', '个', 'COUNT', 'HIGHER', 'SUM'),
				       ('C-C-DRAFT', '选择测试丙', 'PRODUCT', '个', 'COUNT', 'HIGHER', 'SUM') on conflict do nothing""");
		// The grid asks only for what is owed: a document in force in 2026 with targets of 东兴市 for the three.
		long lead = accounts.department("450681", "东兴市市场监督管理局", "MARKET_REGULATION");
		if (jdbc.queryForObject("select count(*) from policy_document where title = '选择测试方案'", Long.class) == 0) {
			long document = jdbc.queryForObject("""
					insert into policy_document (title, issuer, level, region_code, issue_date, status)
					values ('选择测试方案', '东兴市人民政府', 'COUNTY', '450681', '2026-01-10', 'IN_FORCE') returning id""", Long.class);
			jdbc.update("""
					insert into target (indicator_id, region_code, document_id, comparator, value, unit, deadline_year, lead_department_id)
					select id, '450681', ?, 'GE', 10, unit, 2027, ? from indicator where code like 'C-_-%'""", document, lead);
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
	void submittingOneRowOrTheTickedRowsLeavesEveryOtherRowAsItWas() throws Exception {
		long returned = figure("C-A-RETURNED", 5);
		submitByApi(returned);
		mvc.perform(post("/api/v1/values/" + returned + "/return").with(httpBasic("c-reviewer", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"请补充证明材料\"}")).andExpect(status().isOk());
		long draftB = figure("C-B-DRAFT", 6);
		long draftC = figure("C-C-DRAFT", 7);

		// The button of row 1 submits row 1 only: the returned figure and the other draft keep their status.
		// and the grid comes back at that row, not at its top (on a phone the reporter lost their place after each card).
		mvc.perform(grid("submit-1", returned, draftB, draftC)).andExpect(flash().attribute("success", "reporting.submitted"))
			.andExpect(redirectedUrl("/reporting?period=" + period + "#row-C-B-DRAFT"));
		assertThat(statuses()).containsExactly("C-A-RETURNED RETURNED", "C-B-DRAFT SUBMITTED", "C-C-DRAFT DRAFT");
		mvc.perform(get("/reporting").param("period", "" + period).with(accounts.as("c-reporter")))
			.andExpect(content().string(containsString("<tr id=\"row-C-B-DRAFT\"")));

		// 提交所选 without a tick submits nothing and says what to do.
		mvc.perform(grid("submit", returned, draftB, draftC))
			.andExpect(model().attributeHasErrors("form"))
			.andExpect(content().string(containsString("请先勾选要提交的行")));
		assertThat(statuses()).containsExactly("C-A-RETURNED RETURNED", "C-B-DRAFT SUBMITTED", "C-C-DRAFT DRAFT");

		mvc.perform(grid("submit", returned, draftB, draftC).param("rows[2].selected", "true"))
			.andExpect(flash().attribute("success", "reporting.submitted"))
			.andExpect(redirectedUrl("/reporting?period=" + period));
		assertThat(statuses()).containsExactly("C-A-RETURNED RETURNED", "C-B-DRAFT SUBMITTED", "C-C-DRAFT SUBMITTED");
	}

	@Test
	void aReturnedFigureResubmittedUnchangedAsksForANoteAndTheReviewerSeesWhatChanged() throws Exception {
		long returned = figure("C-A-RETURNED", 5);
		submitByApi(returned);
		mvc.perform(post("/api/v1/values/" + returned + "/return").with(httpBasic("c-reviewer", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"请补充证明材料\"}")).andExpect(status().isOk());

		mvc.perform(post("/api/v1/values/" + returned + "/submit").with(httpBasic("c-reporter", TestAccounts.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("未作修改")));
		mvc.perform(post("/reporting/" + period).with(accounts.as("c-reporter")).with(csrf()).param("action", "submit-0")
			.param("rows[0].indicatorCode", "C-A-RETURNED").param("rows[0].value", "5")
			.param("rows[0].version", "" + version(returned)))
			.andExpect(model().attributeHasFieldErrorCode("form", "rows[0].note", "reporting.resubmitUnchanged"));
		assertThat(statuses()).containsExactly("C-A-RETURNED RETURNED");

		mvc.perform(post("/reporting/" + period).with(accounts.as("c-reporter")).with(csrf()).param("action", "submit-0")
			.param("rows[0].indicatorCode", "C-A-RETURNED").param("rows[0].value", "5")
			.param("rows[0].note", "已上传认定文件").param("rows[0].version", "" + version(returned)))
			.andExpect(flash().attribute("success", "reporting.submitted"));
		assertThat(statuses()).containsExactly("C-A-RETURNED SUBMITTED");
		// Filtered to the indicator, as a reviewer of a long queue does: tests sharing this database fill it.
		mvc.perform(get("/reporting/review").param("indicator", "C-A-RETURNED").with(accounts.as("c-reviewer")))
			.andExpect(content().string(containsString("退回后重新提交")))
			.andExpect(content().string(containsString("退回原因：请补充证明材料")))
			.andExpect(content().string(containsString("数值未改")))
			.andExpect(content().string(containsString("说明已修改")));
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder grid(String action, long... ids) {
		var request = post("/reporting/" + period).with(accounts.as("c-reporter")).with(csrf()).param("action", action);
		String[] codes = { "C-A-RETURNED", "C-B-DRAFT", "C-C-DRAFT" };
		for (int i = 0; i < ids.length; i++) {
			String value = jdbc.queryForObject("select trim_scale(value)::text from indicator_value where id = ?", String.class,
					ids[i]);
			request.param("rows[" + i + "].indicatorCode", codes[i]).param("rows[" + i + "].value", value)
				.param("rows[" + i + "].version", "" + version(ids[i]));
		}
		return request;
	}

	private long figure(String code, int value) throws Exception {
		mvc.perform(put("/api/v1/values").with(httpBasic("c-reporter", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"indicatorCode\":\"" + code + "\",\"regionCode\":\"450681\",\"year\":2026,\"value\":" + value + "}"))
			.andExpect(status().isOk());
		return jdbc.queryForObject("select v.id from indicator_value v join indicator i on i.id = v.indicator_id "
				+ "where i.code = ? and v.period_id = ?", Long.class, code, period);
	}

	private void submitByApi(long id) throws Exception {
		mvc.perform(post("/api/v1/values/" + id + "/submit").with(httpBasic("c-reporter", TestAccounts.PASSWORD)))
			.andExpect(status().isOk());
	}

	private long version(long id) {
		return jdbc.queryForObject("select version from indicator_value where id = ?", Long.class, id);
	}

	private java.util.List<String> statuses() {
		return jdbc.queryForList("select i.code || ' ' || v.status from indicator_value v join indicator i on i.id = v.indicator_id "
				+ "where v.period_id = ? order by i.code", String.class, period);
	}

}

package cn.qualityportal.reporting;

import cn.qualityportal.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dialogue on a figure (demo, the context of AuthorizationMatrixTests): its reporter, a
 * reviewer and the office of a region covering it write in turn; the figure's page shows the
 * remarks in order with who wrote them, the grid and the reviewer's queue link to them with their
 * count, each remark is audited, and nobody else may write (the leader reads, another district
 * does not see the figure at all).
 */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
class ValueCommentsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void reporterReviewerAndOfficeTalkAboutAFigureOnItsPageAndOnlyThey() throws Exception {
		// A 2020 figure of 东兴市 awaiting review: on the reporter's grid and in the reviewer's queue.
		long id = jdbc.queryForObject("""
				select min(v.id) from indicator_value v join reporting_period p on p.id = v.period_id
				where v.region_code = '450681' and p.year = 2020 and v.status = 'SUBMITTED'
				  and v.indicator_id in (select o.indicator_id from reporting_obligation_unit o
				                         join department d on d.id = o.department_id
				                         where o.region_code = '450681' and o.year = 2020 and d.kind = 'MARKET_REGULATION')""",
				Long.class);
		long period = jdbc.queryForObject("select id from reporting_period where year = 2020 and kind = 'ANNUAL'", Long.class);
		int audited = jdbc.queryForObject("select count(*) from audit_log where entity = 'value_comment'", Integer.class);

		say(id, "reviewer-450681", "比上年高出很多，请说明来源。");
		say(id, "reporter-450681", "含新认定的两家企业，已上传认定文件。");
		say(id, "office", "请在年报中一并说明。");

		mvc.perform(get("/reporting/values/{id}", id).with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(stringContainsInOrder("reviewer-450681", "审核人", "比上年高出很多，请说明来源。",
					"reporter-450681", "填报人", "含新认定的两家企业，已上传认定文件。", "office", "质强办", "请在年报中一并说明。")))
			.andExpect(content().string(containsString("id=\"comments\"")));
		assertThat(jdbc.queryForObject("""
				select count(*) from audit_log where entity = 'value_comment' and action = 'COMMENT'
				and new_state ->> 'value_id' = ?""", Integer.class, String.valueOf(id))).isEqualTo(3);
		assertThat(jdbc.queryForObject("select count(*) from audit_log where entity = 'value_comment'", Integer.class))
			.isEqualTo(audited + 3);

		// Reachable from the grid and from the reviewer's queue, with the number of remarks.
		String link = "/reporting/values/" + id + "#comments";
		mvc.perform(get("/reporting").param("period", String.valueOf(period)).with(accounts.as("reporter-450681")))
			.andExpect(content().string(containsString("href=\"" + link + "\"")))
			.andExpect(content().string(containsString("留言（3）")));
		mvc.perform(get("/reporting/review").with(accounts.as("reviewer-450681")))
			.andExpect(content().string(containsString("href=\"" + link + "\"")));

		// Nobody else writes: the leader reads only, another district's reporter does not see the figure.
		mvc.perform(post("/reporting/values/{id}/comments", id).param("body", "领导批示").with(accounts.as("leader")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/reporting/values/{id}/comments", id).param("body", "路过").with(accounts.as("reporter-450602")).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/reporting/values/{id}/comments", id).param("body", "  ").with(accounts.as("reporter-450681")).with(csrf()))
			.andExpect(flash().attribute("error", "comment.required"));
		mvc.perform(post("/reporting/values/{id}/comments", id).param("body", "长".repeat(1001))
			.with(accounts.as("reporter-450681"))
			.with(csrf())).andExpect(flash().attribute("error", "comment.tooLong"));
		assertThat(jdbc.queryForObject("select count(*) from value_comment where value_id = ?", Integer.class, id)).isEqualTo(3);
	}

	private void say(long id, String username, String body) throws Exception {
		mvc.perform(post("/reporting/values/{id}/comments", id).param("body", body).with(accounts.as(username)).with(csrf()))
			.andExpect(redirectedUrl("/reporting/values/" + id + "#comments"))
			.andExpect(flash().attribute("success", "comment.added"));
	}

}

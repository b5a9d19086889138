package cn.qualityportal.audit;

import java.nio.charset.StandardCharsets;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Auditors browse the trail with filters and export it; nobody else may read it. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@BeforeEach
	void rows() {
		accounts.member("ap-auditor", "450600", true, Role.AUDITOR);
		accounts.member("ap-office", "450600", true, Role.OFFICE);
		if (jdbc.queryForObject("select count(*) from audit_log where actor = 'ap-reporter'", Integer.class) == 0) {
			jdbc.update("""
					insert into audit_log (actor, address, entity, entity_id, action, old_state, new_state, reason) values
					('ap-reporter', '10.0.0.7', 'indicator_value', 987654, 'UPDATE',
					 '{"value": 95.0000, "status": "RETURNED", "version": 2}', '{"value": 95.9596, "status": "RETURNED", "version": 3}', null),
					('ap-reviewer', '10.0.0.8', 'indicator_value', 987654, 'RETURN',
					 '{"status": "SUBMITTED"}', '{"status": "RETURNED"}', '分母应为全部抽查批次')""");
		}
	}

	@Test
	void anAuditorFiltersTheTrailAndSeesWhatChangedInWords() throws Exception {
		mvc.perform(get("/audit").param("actor", "ap-reporter").with(accounts.as("ap-auditor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("10.0.0.7")))
			.andExpect(content().string(containsString("数值：")))
			.andExpect(content().string(containsString("95.9596")))
			.andExpect(content().string(not(containsString("分母应为全部抽查批次"))));
		mvc.perform(get("/audit").param("entity", "indicator_value").param("action", "RETURN").with(accounts.as("ap-auditor")))
			.andExpect(content().string(containsString("分母应为全部抽查批次")))
			.andExpect(content().string(containsString("已提交")))
			.andExpect(content().string(not(containsString("10.0.0.7"))));
	}

	@Test
	void theExportKeepsTheExactStatesOfTheFilteredRows() throws Exception {
		var response = mvc.perform(get("/audit/export.csv").param("actor", "ap-reviewer").with(accounts.as("ap-auditor")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		String text = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
		// In Chinese like every export (issue 14): the headings and the file's name 审计日志.csv.
		assertThat(text).startsWith("\uFEFF时间,操作人,地址,对象,对象编号,操作,变更前,变更后,理由");
		assertThat(response.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"audit.csv\"; filename*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97.csv");
		assertThat(text.lines()).hasSize(2);
		assertThat(text).contains("ap-reviewer,10.0.0.8,indicator_value,987654,RETURN").contains("分母应为全部抽查批次");
	}

	@Test
	void onlyAuditorsAndAdministratorsReadTheTrail() throws Exception {
		mvc.perform(get("/audit").with(accounts.as("ap-office"))).andExpect(status().isForbidden());
		mvc.perform(get("/audit/export.csv").with(accounts.as("ap-office"))).andExpect(status().isForbidden());
	}

	@Test
	void thePageShowsLabelsNotKeysInternalNamesOrJson() throws Exception {
		jdbc.update("""
				insert into audit_log (actor, address, entity, entity_id, action, old_state, new_state, reason) values
				('ap-label', '10.0.0.9', 'security', 13, 'SIGN_IN', null, '{"username": "ap-label", "outcome": "SUCCESS"}', null),
				('ap-label', '10.0.0.9', 'reporting_period', 5, 'CLOSE', '{"status": "OPEN"}', '{"status": "CLOSED"}', null),
				('ap-label', '10.0.0.9', 'assessment', 2019, 'PUBLISH', null,
				 '{"ranking": [{"region": "450602", "rank": 1, "score": 91.5}]}', null)""");

		String page = mvc.perform(get("/audit").param("actor", "ap-label").with(accounts.as("ap-auditor")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

		assertThat(page).contains("登录与会话", "登录", "填报期 #5", "已关闭", "开放", "发布", "450602")
			.doesNotContain("??").doesNotContain("security 13").doesNotContain("reporting_period")
			.doesNotContain(">SIGN_IN<").doesNotContain(">PUBLISH<").doesNotContain("{&quot;").doesNotContain("[{");
	}

}

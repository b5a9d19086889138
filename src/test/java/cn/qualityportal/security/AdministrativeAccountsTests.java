package cn.qualityportal.security;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 三员分立 holds against the system administrator: the security administrator's and the auditor's
 * accounts (and another system administrator's) cannot be reset, disabled, renamed or re-scoped
 * from the web, so no administrator obtains another's credentials. A one-time password for an
 * ordinary account is shown in the answer itself, never carried in the session to a later page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AdministrativeAccountsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@BeforeEach
	void accounts() {
		accounts.account("aa-admin", Role.ADMIN);
		accounts.account("aa-admin2", Role.ADMIN);
		accounts.account("aa-secadmin", Role.SECURITY_ADMIN);
		accounts.account("aa-auditor", Role.AUDITOR);
		accounts.member("aa-reporter", "450681", false, Role.REPORTER);
	}

	@Test
	void theSystemAdministratorCannotResetDisableOrEditAnotherAdministrator() throws Exception {
		long departmentId = accounts.department("450681", "东兴市市场监督管理局", "MARKET_REGULATION");
		for (String target : new String[] { "aa-secadmin", "aa-auditor", "aa-admin2", "secadmin", "auditor" }) {
			long id = id(target);
			String before = state(id);
			mvc.perform(post("/admin/users/" + id + "/reset-password").with(accounts.as("aa-admin")).with(csrf()))
				.andExpect(status().isForbidden());
			mvc.perform(post("/admin/users/" + id + "/enabled").param("enabled", "false").with(accounts.as("aa-admin")).with(csrf()))
				.andExpect(status().isForbidden());
			mvc.perform(get("/admin/users/" + id + "/edit").with(accounts.as("aa-admin"))).andExpect(status().isForbidden());
			long version = jdbc.queryForObject("select version from user_account where id = ?", Long.class, id);
			mvc.perform(post("/admin/users/" + id).with(accounts.as("aa-admin")).with(csrf())
				.param("username", target).param("displayName", "taken over").param("departmentId", String.valueOf(departmentId))
				.param("scopeIncludesSubregions", "true").param("password", "Taken-over-123")
				.param("version", String.valueOf(version))).andExpect(status().isForbidden());
			assertThat(state(id)).as(target).isEqualTo(before);
		}
	}

	@Test
	void aOneTimePasswordIsShownInTheAnswerAndNeverKeptInTheSession() throws Exception {
		long id = id("aa-reporter");
		MockHttpSession session = new MockHttpSession();
		MockHttpServletResponse response = mvc.perform(post("/admin/users/" + id + "/reset-password").session(session)
			.with(accounts.as("aa-admin")).with(csrf())).andExpect(status().isOk()).andReturn().getResponse();

		assertThat(response.getContentAsString()).containsPattern("Tmp-[A-Za-z0-9]{13}");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		java.util.List<String> attributes = java.util.Collections.list(session.getAttributeNames());
		for (String name : attributes) {
			assertThat(String.valueOf(session.getAttribute(name))).as(name).doesNotContain("Tmp-");
		}
		String next = mvc.perform(get("/admin/users").session(session).with(accounts.as("aa-admin")))
			.andReturn().getResponse().getContentAsString();
		assertThat(next).doesNotContain("Tmp-");
	}

	@Test
	void aPasswordContainingTheUsernameIsRefused() throws Exception {
		long departmentId = accounts.department("450681", "东兴市市场监督管理局", "MARKET_REGULATION");
		mvc.perform(post("/admin/users").with(accounts.as("aa-admin")).with(csrf()).param("username", "aa-newcomer")
			.param("displayName", "新人").param("departmentId", String.valueOf(departmentId))
			.param("password", "x-AA-Newcomer-2026")).andExpect(status().isOk());
		assertThat(jdbc.queryForObject("select count(*) from user_account where username = 'aa-newcomer'", Integer.class)).isZero();
	}

	private String state(long id) {
		return jdbc.queryForObject("""
				select concat_ws('|', password_hash, enabled, display_name, department_id, scope_includes_subregions,
				  must_change_password, version) from user_account where id = ?""", String.class, id);
	}

	private long id(String username) {
		return jdbc.queryForObject("select id from user_account where username = ?", Long.class, username);
	}

}

package cn.qualityportal.security;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions follow their account: a change of status, unit, scope, roles or password ends every
 * other session of the account at once (sessions live in PostgreSQL, so on every instance; see
 * {@code TwoInstancesTests} for the second instance). The session in which owners change their own
 * password stays.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountSessionsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@BeforeEach
	void accounts() {
		accounts.account("as-admin", Role.ADMIN);
	}

	@Test
	void aDisabledAccountsOpenSessionGets401OnItsNextApiRequest() throws Exception {
		accounts.member("as-disabled", "450681", false, Role.REPORTER);
		Cookie session = signIn("as-disabled");
		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());

		mvc.perform(post("/admin/users/" + id("as-disabled") + "/enabled").param("enabled", "false")
			.with(accounts.as("as-admin")).with(csrf())).andExpect(status().is3xxRedirection());

		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
		assertThat(sessions("as-disabled")).isZero();
	}

	@Test
	void narrowingTheScopeOrMovingTheUnitEndsTheSessions() throws Exception {
		accounts.member("as-scoped", "450600", true, Role.LEADER);
		Cookie session = signIn("as-scoped");
		long id = id("as-scoped");
		long department = jdbc.queryForObject("select department_id from user_account where id = ?", Long.class, id);
		long version = jdbc.queryForObject("select version from user_account where id = ?", Long.class, id);

		mvc.perform(post("/admin/users/" + id).with(accounts.as("as-admin")).with(csrf()).param("username", "as-scoped")
			.param("displayName", "领导").param("departmentId", String.valueOf(department)).param("version", String.valueOf(version)))
			.andExpect(status().is3xxRedirection());

		assertThat(jdbc.queryForObject("select scope_includes_subregions from user_account where id = ?", Boolean.class, id)).isFalse();
		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void anAdministratorsResetEndsTheSessions() throws Exception {
		accounts.member("as-reset", "450681", false, Role.REPORTER);
		Cookie session = signIn("as-reset");
		mvc.perform(post("/admin/users/" + id("as-reset") + "/reset-password").with(accounts.as("as-admin")).with(csrf()))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void changingOnesOwnPasswordEndsTheOtherSessionsAndKeepsThisOne() throws Exception {
		accounts.member("as-owner", "450681", false, Role.REPORTER);
		Cookie elsewhere = signIn("as-owner");
		Cookie here = signIn("as-owner");
		assertThat(sessions("as-owner")).isEqualTo(2);

		mvc.perform(post("/account/password").cookie(here).with(csrf()).param("currentPassword", TestAccounts.PASSWORD)
			.param("newPassword", "Brand-new-pass-7").param("confirmation", "Brand-new-pass-7"))
			.andExpect(status().is3xxRedirection());

		mvc.perform(get("/api/v1/me").cookie(elsewhere)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me").cookie(here)).andExpect(status().isOk());
		assertThat(jdbc.queryForObject("""
				select count(*) from audit_log where action = 'CHANGE_OWN_PASSWORD' and actor = 'as-owner'""", Integer.class)).isOne();
	}

	private Cookie signIn(String username) throws Exception {
		return mvc.perform(formLogin().user(username).password(TestAccounts.PASSWORD)).andReturn().getResponse().getCookie("SESSION");
	}

	private int sessions(String username) {
		return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class, username);
	}

	private long id(String username) {
		return jdbc.queryForObject("select id from user_account where username = ?", Long.class, username);
	}

}

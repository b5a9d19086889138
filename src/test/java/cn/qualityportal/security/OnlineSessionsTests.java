package cn.qualityportal.security;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who is online, and forced sign-out: the account's sessions end at once, on every instance, audited. */
@SpringBootTest
@AutoConfigureMockMvc
class OnlineSessionsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void anAdministratorSeesWhoIsOnlineAndSignsThemOut() throws Exception {
		accounts.member("online-user", "450681", false, Role.REPORTER);
		accounts.account("online-admin", Role.ADMIN);
		Cookie session = mvc.perform(formLogin().user("online-user").password(TestAccounts.PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());

		mvc.perform(get("/admin/sessions").with(accounts.as("online-admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("online-user")))
			// Beijing time, not the server's or the database's UTC.
			.andExpect(content().string(containsString(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
				.withZone(java.time.ZoneId.of("Asia/Shanghai"))
				.format(java.time.Instant.ofEpochMilli(jdbc.queryForObject(
						"select min(creation_time) from spring_session where principal_name = 'online-user'", Long.class))))));
		mvc.perform(post("/admin/sessions/sign-out").param("username", "online-user").with(accounts.as("online-admin")).with(csrf()))
			.andExpect(status().is3xxRedirection());

		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
		assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'online-user'", Integer.class))
			.isZero();
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_log where action = 'FORCE_SIGN_OUT' and new_state ->> 'username' = 'online-user'",
				Integer.class)).isOne();
		mvc.perform(get("/admin/sessions").with(accounts.as("online-user"))).andExpect(status().isForbidden());
	}

	@Test
	void theSignInFormKeepsTheUsernameAfterAFailure() throws Exception {
		accounts.member("keeps-name", "450681", false, Role.REPORTER);
		// Sessions live in PostgreSQL (Spring Session): the browser's SESSION cookie finds it again.
		jakarta.servlet.http.Cookie session = mvc
			.perform(formLogin().user("keeps-name").password("not-the-password"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login?error=bad-credentials"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("a session that remembers the name").isNotNull();

		mvc.perform(get("/login").param("error", "bad-credentials").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"keeps-name\"")));
		// A fresh form shows no name.
		mvc.perform(get("/login")).andExpect(content().string(org.hamcrest.Matchers.not(containsString("value=\"keeps-name\""))));
	}

}

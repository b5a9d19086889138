package cn.qualityportal.security;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sign-in policy from the login page and the API: lockout after five failures in a row, a
 * source address refused after too many, no reuse of recent passwords, an administrator's reset
 * giving a one-time password, and every event in the audit trail. Each test signs in from its own
 * address so the address limit (3 here) of one does not touch the others.
 */
@SpringBootTest(properties = "portal.security.address-max-failures=3")
@AutoConfigureMockMvc
class SignInPolicyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void fiveFailuresInARowLockTheAccountEvenForTheRightPassword() throws Exception {
		accounts.member("lock-me", "450681", false, Role.REPORTER);
		for (int i = 0; i < 5; i++) {
			mvc.perform(signIn("lock-me", "wrong-" + i, "10.0.1." + i))
				.andExpect(unauthenticated());
		}

		mvc.perform(signIn("lock-me", TestAccounts.PASSWORD, "10.0.1.9"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error=locked"));
		assertThat(jdbc.queryForObject("select locked_until > now() from user_account where username = 'lock-me'", Boolean.class))
			.isTrue();
		assertThat(jdbc.queryForList("""
				select action from audit_log where entity = 'security' and new_state ->> 'username' = 'lock-me' order by id""",
				String.class)).containsExactly("SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED",
						"SIGN_IN_FAILED", "LOCK", "SIGN_IN_FAILED");
		assertThat(jdbc.queryForObject("""
				select new_state ->> 'address' from audit_log where entity = 'security' and action = 'LOCK'
				  and new_state ->> 'username' = 'lock-me'""", String.class)).isEqualTo("10.0.1.4");

		// The administrator lifts it; the right password works again.
		long id = jdbc.queryForObject("select id from user_account where username = 'lock-me'", Long.class);
		mvc.perform(post("/admin/users/" + id + "/unlock").with(accounts.as("admin")).with(csrf()))
			.andExpect(flash().attribute("success", "flash.unlocked"));
		mvc.perform(signIn("lock-me", TestAccounts.PASSWORD, "10.0.1.9"))
			.andExpect(authenticated());
	}

	@Test
	void failuresInterruptedBySuccessDoNotLock() throws Exception {
		accounts.member("careless", "450681", false, Role.REPORTER);
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 4; i++) {
				mvc.perform(signIn("careless", "wrong", "10.0.2." + (round * 10 + i)));
			}
			mvc.perform(signIn("careless", TestAccounts.PASSWORD, "10.0.2.99"))
				.andExpect(authenticated());
		}
		assertThat(jdbc.queryForObject("select locked_until from user_account where username = 'careless'", Object.class))
			.isNull();
	}

	@Test
	void anAddressThatFailsTooOftenIsRefusedWhateverTheAccount() throws Exception {
		accounts.member("victim-1", "450681", false, Role.REPORTER);
		for (String user : new String[] { "nobody-1", "nobody-2", "nobody-3" }) {
			mvc.perform(signIn(user, "guess", "10.0.3.1")).andExpect(unauthenticated());
		}

		mvc.perform(signIn("victim-1", TestAccounts.PASSWORD, "10.0.3.1"))
			.andExpect(redirectedUrl("/login?error=blocked"));
		mvc.perform(get("/api/v1/me").with(httpBasic("victim-1", TestAccounts.PASSWORD)).with(from("10.0.3.1")))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.detail").value("此地址的登录失败次数过多，请稍后再试。"));
		// Another address is not affected.
		mvc.perform(signIn("victim-1", TestAccounts.PASSWORD, "10.0.3.2"))
			.andExpect(authenticated());
	}

	@Test
	void recentPasswordsCannotBeReused() throws Exception {
		accounts.member("reuser", "450681", false, Role.REPORTER);
		change("reuser", TestAccounts.PASSWORD, "Second-password-2").andExpect(redirectedUrl("/"));
		change("reuser", "Second-password-2", "Third-password-3").andExpect(redirectedUrl("/"));

		change("reuser", "Third-password-3", TestAccounts.PASSWORD)
			.andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "validation.password.reused"));
		change("reuser", "Third-password-3", "Second-password-2")
			.andExpect(model().attributeHasFieldErrorCode("form", "newPassword", "validation.password.reused"));
		assertThat(jdbc.queryForObject("""
				select count(*) from password_history h join user_account a on a.id = h.account_id where a.username = 'reuser'""",
				Integer.class)).isEqualTo(2);
	}

	@Test
	void anAdministratorsResetGivesAOneTimePasswordThatMustBeReplaced() throws Exception {
		accounts.member("forgetful", "450681", false, Role.REPORTER);
		long id = jdbc.queryForObject("select id from user_account where username = 'forgetful'", Long.class);

		String oneTime = (String) mvc.perform(post("/admin/users/" + id + "/reset-password").with(accounts.as("admin")).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("oneTimePassword");

		assertThat(oneTime).hasSizeGreaterThanOrEqualTo(10);
		mvc.perform(signIn("forgetful", TestAccounts.PASSWORD, "10.0.5.1")).andExpect(unauthenticated());
		mvc.perform(signIn("forgetful", oneTime, "10.0.5.1")).andExpect(authenticated());
		mvc.perform(get("/").with(accounts.as("forgetful"))).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/account/password").with(accounts.as("forgetful"))).andExpect(status().isOk());
		change("forgetful", oneTime, "My-own-password-5").andExpect(redirectedUrl("/"));
		mvc.perform(get("/").with(accounts.as("forgetful"))).andExpect(status().isOk());
		assertThat(jdbc.queryForList("select action from audit_log where entity = 'user_account' and entity_id = ?", String.class, id))
			.contains("RESET_PASSWORD");
	}

	@Test
	void oldAttemptsAreForgottenRecentOnesKept(@Autowired cn.qualityportal.organisation.SignInPolicy policy) {
		jdbc.update("""
				insert into sign_in_attempt (username, address, succeeded, attempted_at) values
				  ('forget-old', '10.0.7.1', false, now() - interval '31 days'), ('forget-new', '10.0.7.1', false, now())""");

		policy.forgetOldAttempts();

		assertThat(jdbc.queryForList("select username from sign_in_attempt where address = '10.0.7.1'", String.class))
			.containsExactly("forget-new");
	}

	@Test
	void signInAndSignOutAreAudited() throws Exception {
		accounts.member("audited", "450681", false, Role.REPORTER);
		var session = mvc.perform(signIn("audited", TestAccounts.PASSWORD, "10.0.6.1"))
			.andExpect(authenticated())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		mvc.perform(post("/logout").cookie(session).with(csrf()).with(from("10.0.6.1")))
			.andExpect(redirectedUrl("/login?logout"));
		assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'audited'", Integer.class))
			.as("the session is gone from PostgreSQL").isZero();

		assertThat(jdbc.queryForList("""
				select action || ' ' || actor || ' ' || (new_state ->> 'outcome') from audit_log
				where entity = 'security' and new_state ->> 'username' = 'audited' order by id""", String.class))
			.containsExactly("SIGN_IN audited SUCCESS", "SIGN_OUT audited SUCCESS");
		assertThatThrownBy(() -> jdbc.update("delete from audit_log where entity = 'security'"))
			.rootCause()
			.hasMessageContaining("append-only");
	}

	private org.springframework.test.web.servlet.ResultActions change(String username, String current, String next)
			throws Exception {
		return mvc.perform(post("/account/password").with(accounts.as(username)).with(csrf())
			.param("currentPassword", current).param("newPassword", next).param("confirmation", next));
	}

	/** The login form's POST, as a browser at {@code address} sends it. */
	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signIn(String username,
			String password, String address) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}

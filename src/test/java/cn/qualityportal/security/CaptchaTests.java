package cn.qualityportal.security;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.organisation.SignInPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import jakarta.servlet.http.Cookie;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A picture captcha after the first failed sign-ins, before the lockout: guessing without solving
 * it counts nothing and locks nothing, so a stranger cannot lock an account (the administrator's
 * included) with five quick tries. The address rule can be switched off (0), for offices behind NAT.
 */
@SpringBootTest(properties = { "portal.security.captcha-after-failures=2", "portal.security.address-max-failures=0" })
@AutoConfigureMockMvc
class CaptchaTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	SessionRepository<? extends Session> sessions;

	@Test
	void afterTwoFailuresTheFormWantsTheCaptchaAndGuessingWithoutItLocksNothing() throws Exception {
		accounts.member("cap-victim", "450681", false, Role.REPORTER);
		mvc.perform(signIn("cap-victim", "wrong-1", "10.1.0.1", null)).andExpect(unauthenticated());
		mvc.perform(signIn("cap-victim", "wrong-2", "10.1.0.2", null)).andExpect(unauthenticated());

		for (int i = 0; i < 6; i++) {
			mvc.perform(signIn("cap-victim", "wrong-" + i, "10.1.0.3", null))
				.andExpect(redirectedUrl("/login?error=captcha"))
				.andExpect(unauthenticated());
		}
		assertThat(attempts("cap-victim")).isEqualTo(2);
		assertThat(jdbc.queryForObject("select locked_until from user_account where username = 'cap-victim'", Object.class)).isNull();
		// Even the right password needs the captcha now...
		mvc.perform(signIn("cap-victim", TestAccounts.PASSWORD, "10.1.0.3", null))
			.andExpect(redirectedUrl("/login?error=captcha"));
		// ...and with it, the owner is in.
		Cookie session = mvc.perform(get("/login/captcha.png")).andExpect(status().isOk())
			.andExpect(content().contentType("image/png")).andReturn().getResponse().getCookie("SESSION");
		String answer = answer(session);
		assertThat(answer).hasSize(4);
		mvc.perform(signIn("cap-victim", TestAccounts.PASSWORD, "10.1.0.3", session).param("captcha", answer.toUpperCase()))
			.andExpect(authenticated());
	}

	@Test
	void aCaptchaIsGoodForOneAttemptAndTheFormShowsIt() throws Exception {
		accounts.member("cap-once", "450681", false, Role.REPORTER);
		// A browser that has a session (as one showing the login page does).
		Cookie session = mvc.perform(get("/login/captcha.png")).andReturn().getResponse().getCookie("SESSION");
		mvc.perform(signIn("cap-once", "wrong-1", "10.2.0.1", session)).andExpect(unauthenticated());
		mvc.perform(signIn("cap-once", "wrong-2", "10.2.0.1", session)).andExpect(unauthenticated());
		String form = mvc.perform(get("/login").cookie(session)).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("/login/captcha.png").contains("name=\"captcha\"");

		mvc.perform(get("/login/captcha.png").cookie(session));
		String answer = answer(session);
		mvc.perform(signIn("cap-once", "wrong-3", "10.2.0.1", session).param("captcha", answer)).andExpect(unauthenticated());
		mvc.perform(signIn("cap-once", TestAccounts.PASSWORD, "10.2.0.1", session).param("captcha", answer))
			.andExpect(redirectedUrl("/login?error=captcha"));
	}

	@Test
	void basicCredentialsOfAnAccountThatFailedRecentlyAreRefusedUntilItSignsInOnThePage() throws Exception {
		accounts.member("cap-api", "450681", false, Role.REPORTER);
		mvc.perform(get("/api/v1/me").with(httpBasic("cap-api", "wrong-1"))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me").with(httpBasic("cap-api", "wrong-2"))).andExpect(status().isUnauthorized());

		mvc.perform(get("/api/v1/me").with(httpBasic("cap-api", TestAccounts.PASSWORD)))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("验证码")));
		assertThat(attempts("cap-api")).isEqualTo(2);
	}

	@Test
	void theAddressRuleCanBeSwitchedOff(@Autowired SignInPolicy policy) {
		for (int i = 0; i < 30; i++) {
			jdbc.update("insert into sign_in_attempt (username, address, succeeded) values (?, '10.3.0.1', false)", "cap-nat-" + i);
		}
		assertThat(policy.isBlocked("10.3.0.1")).isFalse();
	}

	private int attempts(String username) {
		return jdbc.queryForObject("select count(*) from sign_in_attempt where username = ?", Integer.class, username);
	}

	/** The answer of the picture last shown to this browser, as the portal keeps it in its session. */
	private String answer(Cookie session) {
		String id = new String(java.util.Base64.getDecoder().decode(session.getValue()), java.nio.charset.StandardCharsets.UTF_8);
		return sessions.findById(id).getAttribute(Captchas.ANSWER);
	}

	private static MockHttpServletRequestBuilder signIn(String username, String password, String address, Cookie session) {
		MockHttpServletRequestBuilder request = post("/login");
		if (session != null) {
			request.cookie(session);
		}
		return request.param("username", username).param("password", password).with(csrf())
			.with(sent -> {
				sent.setRemoteAddr(address);
				return sent;
			});
	}

}

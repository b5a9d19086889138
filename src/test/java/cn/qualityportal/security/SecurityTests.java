package cn.qualityportal.security;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import jakarta.servlet.http.Cookie;

import static org.assertj.core.api.Assertions.assertThat;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-in, the API's JSON answers and role checks, against the real accounts in PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void anonymousVisitorIsSentToTheLoginPage() throws Exception {
		mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void loginPageSpeaksChineseByDefaultAndEnglishOnRequest() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"zh-CN\">")))
			.andExpect(content().string(containsString("登录质量强区目标管理平台")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
		mvc.perform(get("/login").param("lang", "en"))
			.andExpect(content().string(containsString("Sign in to the Quality Target Portal")));
	}

	@Test
	void administratorSignsInWithThePasswordFromTheEnvironment() throws Exception {
		mvc.perform(formLogin().user("admin").password(TestAccounts.ADMIN_PASSWORD))
			.andExpect(authenticated().withUsername("admin").withRoles("ADMIN"))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void usernamesAreCaseInsensitive() throws Exception {
		mvc.perform(formLogin().user("ADMIN").password(TestAccounts.ADMIN_PASSWORD))
			.andExpect(authenticated().withUsername("admin"));
	}

	@Test
	void wrongPasswordIsRefusedWithAMessage() throws Exception {
		mvc.perform(formLogin().user("admin").password("wrong"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error=bad-credentials"));
		mvc.perform(get("/login").param("error", "bad-credentials"))
			.andExpect(content().string(containsString("用户名或密码错误")));
	}

	@Test
	void unknownUserGetsTheSameAnswerAsAWrongPassword() throws Exception {
		mvc.perform(formLogin().user("nobody").password("whatever"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error=bad-credentials"));
	}

	@Test
	void disabledAccountIsToldSoOnlyWithTheRightPassword() throws Exception {
		accounts.account("disabled-user", false, false, Role.REPORTER);
		mvc.perform(formLogin().user("disabled-user").password(TestAccounts.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error=disabled"));
		mvc.perform(formLogin().user("disabled-user").password("wrong"))
			.andExpect(redirectedUrl("/login?error=bad-credentials"));
		mvc.perform(get("/login").param("error", "disabled")).andExpect(content().string(containsString("该账户已停用")));
	}

	@Test
	void lockedAccountCannotSignIn() throws Exception {
		accounts.account("locked-user", true, true, Role.REPORTER);
		mvc.perform(formLogin().user("locked-user").password(TestAccounts.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error=locked"));
		mvc.perform(get("/api/v1/me").with(httpBasic("locked-user", TestAccounts.PASSWORD)))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void passwordsAreStoredHashed() throws Exception {
		MvcResult result = mvc.perform(get("/api/v1/me").with(httpBasic("admin", TestAccounts.ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andReturn();
		org.assertj.core.api.Assertions.assertThat(result.getResponse().getContentAsString())
			.doesNotContain("password")
			.doesNotContain(TestAccounts.ADMIN_PASSWORD);
	}

	@Test
	void apiWithoutCredentialsAnswers401AsProblemJsonAndNoRedirect() throws Exception {
		mvc.perform(get("/api/v1/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.title").value("Unauthorized"))
			.andExpect(jsonPath("$.detail").value(containsString("身份验证")))
			.andExpect(jsonPath("$.instance").value("/api/v1/me"));
	}

	@Test
	void apiWithWrongPasswordAnswers401() throws Exception {
		mvc.perform(get("/api/v1/me").with(httpBasic("admin", "wrong")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void meReturnsUsernameDisplayNameRolesAndUnit() throws Exception {
		mvc.perform(get("/api/v1/me").with(httpBasic("admin", TestAccounts.ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("admin"))
			.andExpect(jsonPath("$.displayName").value("系统管理员"))
			.andExpect(jsonPath("$.roles[0]").value("ADMIN"))
			.andExpect(jsonPath("$.unit").isEmpty());
	}

	@Test
	void apiAcceptsTheBrowserSessionToo() throws Exception {
		Cookie session = signIn("admin", TestAccounts.ADMIN_PASSWORD);
		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(jsonPath("$.username").value("admin"));
	}

	@Test
	void apiWriteWithASessionCookieNeedsTheCsrfToken() throws Exception {
		Cookie session = signIn("admin", TestAccounts.ADMIN_PASSWORD);
		mvc.perform(post("/api/v1/me").cookie(session)).andExpect(status().isForbidden());
		// With its own credentials a request cannot be forged cross-site, so no token is needed;
		// POST on a read-only resource is then simply not allowed.
		mvc.perform(post("/api/v1/me").with(httpBasic("admin", TestAccounts.ADMIN_PASSWORD)))
			.andExpect(status().isMethodNotAllowed());
	}

	@Test
	void signOutNeedsPostWithCsrfToken() throws Exception {
		mvc.perform(post("/logout")).andExpect(status().isForbidden());
		mvc.perform(logout()).andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void metricsAreForAdministratorsOnly() throws Exception {
		accounts.account("leader-user", Role.LEADER);
		mvc.perform(get("/actuator/metrics").with(httpBasic("leader-user", TestAccounts.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
		mvc.perform(get("/actuator/metrics").with(httpBasic("admin", TestAccounts.ADMIN_PASSWORD)))
			.andExpect(status().isOk());
		Cookie leader = signIn("leader-user", TestAccounts.PASSWORD);
		mvc.perform(get("/actuator/metrics").cookie(leader)).andExpect(status().isForbidden());
		Cookie admin = signIn("admin", TestAccounts.ADMIN_PASSWORD);
		mvc.perform(get("/actuator/metrics").cookie(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.names").isArray());
	}

	@Test
	void healthIsPublicAndIncludesTheDatabase() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.db.details").doesNotExist());
	}

	@Test
	void infoShowsTheVersion() throws Exception {
		mvc.perform(get("/actuator/info")).andExpect(status().isOk()).andExpect(jsonPath("$.build.version").exists());
	}

	@Test
	void pagesCarrySecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void strictTransportSecurityOnlyOverHttps() throws Exception {
		mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
		mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	@Test
	void signedInUserSeesTheirAccountOnTheHomePage() throws Exception {
		accounts.account("reviewer-user", Role.REVIEWER, Role.REPORTER);
		Cookie session = signIn("reviewer-user", TestAccounts.PASSWORD);
		mvc.perform(get("/").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("欢迎，测试 reviewer-user")))
			.andExpect(content().string(containsString("审核人")))
			.andExpect(content().string(containsString("填报人")))
			.andExpect(content().string(not(containsString("系统管理员</li>"))));
	}

	/** Signs in on the form and returns the session cookie a browser would send back (sessions live in PostgreSQL). */
	private Cookie signIn(String username, String password) throws Exception {
		Cookie session = mvc.perform(formLogin().user(username).password(password))
			.andExpect(authenticated())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).isNotNull();
		assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class, username))
			.isPositive();
		return session;
	}


	@Autowired
	org.springframework.session.SessionRepository<? extends org.springframework.session.Session> sessionStore;

	/**
	 * Two requests of one session (a leader opening several tabs at once) may both add the same
	 * attribute, as the CSRF token of a fresh sign-in: the second must not fail (bench/load.sh saw a
	 * 500 "duplicate key spring_session_attributes_pk" for it).
	 */
	@Test
	void twoRequestsOfOneSessionMayBothAddTheSameAttribute() {
		bothAdd(sessionStore);
	}

	private <S extends org.springframework.session.Session> void bothAdd(org.springframework.session.SessionRepository<S> store) {
		S session = store.createSession();
		store.save(session);
		S first = store.findById(session.getId());
		S second = store.findById(session.getId());
		first.setAttribute("csrf", "token-of-the-first");
		second.setAttribute("csrf", "token-of-the-second");
		store.save(first);
		store.save(second);
		assertThat((String) store.findById(session.getId()).getAttribute("csrf")).isEqualTo("token-of-the-second");
		store.deleteById(session.getId());
	}

}

package cn.qualityportal.security;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With portal.security.single-session, signing in again ends the account's older session. */
// One context for the three tests of a setting that acts on its own filter chain only (API limit: /api;
// public limit: /gk; single session: the pages), none of which another of the three uses: the same
// properties, in the same order, in ApiRateLimitTests, PublicRateLimitTests and SingleSessionTests.
@SpringBootTest(properties = { "portal.security.api-requests-per-minute=5", "portal.security.public-requests-per-minute=5",
		"portal.security.single-session=true" })
@AutoConfigureMockMvc
class SingleSessionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void signingInElsewhereEndsTheOlderSession() throws Exception {
		accounts.member("single-user", "450681", false, Role.REPORTER);
		Cookie first = signIn();
		mvc.perform(get("/documents").cookie(first)).andExpect(status().isOk());

		Cookie second = signIn();

		mvc.perform(get("/documents").cookie(second)).andExpect(status().isOk());
		mvc.perform(get("/documents").cookie(first)).andExpect(redirectedUrl("/login?expired"));
	}

	private Cookie signIn() throws Exception {
		return mvc.perform(formLogin().user("single-user").password(TestAccounts.PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

}

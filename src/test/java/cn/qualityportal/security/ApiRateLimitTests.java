package cn.qualityportal.security;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A client over the API's per-minute budget gets 429 with Retry-After; another client is not affected. */
// One context for the three tests of a setting that acts on its own filter chain only (API limit: /api;
// public limit: /gk; single session: the pages), none of which another of the three uses: the same
// properties, in the same order, in ApiRateLimitTests, PublicRateLimitTests and SingleSessionTests.
@SpringBootTest(properties = { "portal.security.api-requests-per-minute=5", "portal.security.public-requests-per-minute=5",
		"portal.security.single-session=true" })
@AutoConfigureMockMvc
class ApiRateLimitTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void aRunawayClientIsSlowedDownAlone() throws Exception {
		accounts.account("rate-busy", Role.LEADER);
		accounts.account("rate-calm", Role.LEADER);
		// A new minute may begin between two requests; then the first burst is simply not over the limit yet.
		org.springframework.mock.web.MockHttpServletResponse refused = null;
		for (int i = 0; i < 12 && refused == null; i++) {
			var response = mvc.perform(get("/api/v1/me").with(accounts.as("rate-busy"))).andReturn().getResponse();
			refused = response.getStatus() == 429 ? response : null;
		}
		org.assertj.core.api.Assertions.assertThat(refused).as("refused within 12 requests at 5 a minute").isNotNull();
		org.assertj.core.api.Assertions.assertThat(refused.getHeader("Retry-After")).isNotBlank();
		org.assertj.core.api.Assertions.assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.contains("请求过于频繁，请稍后再试。");
		mvc.perform(get("/api/v1/me").with(accounts.as("rate-calm"))).andExpect(status().isOk());
	}

}

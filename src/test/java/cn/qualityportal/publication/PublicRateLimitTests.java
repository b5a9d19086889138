package cn.qualityportal.publication;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One address over the public site's per-minute budget gets 429 with Retry-After; other readers are served. */
// One context for the three tests of a setting that acts on its own filter chain only (API limit: /api;
// public limit: /gk; single session: the pages), none of which another of the three uses: the same
// properties, in the same order, in ApiRateLimitTests, PublicRateLimitTests and SingleSessionTests.
@SpringBootTest(properties = { "portal.security.api-requests-per-minute=5", "portal.security.public-requests-per-minute=5",
		"portal.security.single-session=true" })
@AutoConfigureMockMvc
class PublicRateLimitTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aRunawayAddressIsSlowedDownAlone() throws Exception {
		// A new minute may begin between two requests; then the first burst is simply not over the limit yet.
		MockHttpServletResponse refused = null;
		for (int i = 0; i < 12 && refused == null; i++) {
			MockHttpServletResponse response = mvc.perform(get("/gk/").with(from("203.0.113.7"))).andReturn().getResponse();
			refused = response.getStatus() == 429 ? response : null;
		}
		assertThat(refused).as("refused within 12 requests at 5 a minute").isNotNull();
		assertThat(refused.getHeader("Retry-After")).isNotBlank();
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("请求过于频繁，请稍后再试。");
		assertThat(refused.getCookie("SESSION")).isNull();
		mvc.perform(get("/gk/").with(from("203.0.113.8"))).andExpect(status().isOk());
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}

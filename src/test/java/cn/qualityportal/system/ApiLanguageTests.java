package cn.qualityportal.system;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Which language an API request without the language cookie gets from its Accept-Language header. */
class ApiLanguageTests {

	@Test
	void theFirstOfOurLanguagesInTheClientsOrderWins() {
		assertThat(language("/api/v1/me", "en-US,en;q=0.9")).isEqualTo(Locale.ENGLISH);
		assertThat(language("/api/v1/me", "fr-FR, de;q=0.5, en;q=0.1")).isEqualTo(Locale.ENGLISH);
		assertThat(language("/api/v1/me", "zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(language("/api/v1/me", "de")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(language("/api/v1/me", null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
	}

	@Test
	void pagesStayChineseWhateverTheBrowsersLanguage() {
		assertThat(language("/login", "en-US")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
	}

	@Test
	void anErrorOfAnApiRequestKeepsItsLanguage() {
		MockHttpServletRequest request = request("/error", "en");
		request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/nothing");
		assertThat(WebConfiguration.defaultLocale(request)).isEqualTo(Locale.ENGLISH);
	}

	private static Locale language(String uri, String header) {
		return WebConfiguration.defaultLocale(request(uri, header));
	}

	private static MockHttpServletRequest request(String uri, String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		if (header != null) {
			request.addHeader("Accept-Language", header);
		}
		return request;
	}

}

package cn.qualityportal.system;

import java.net.http.HttpResponse;

import cn.qualityportal.PortalClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stylesheets, scripts, images and web jars every page loads, served from their own folders
 * only (WebConfiguration); signed out too, since the sign-in page needs them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StaticAssetsTests {

	@LocalServerPort
	int port;

	@Test
	void everyPageAssetIsServedWithItsType() throws Exception {
		PortalClient browser = new PortalClient(port);
		assertServed(browser, "/css/portal.css", "text/css");
		assertServed(browser, "/js/nav.js", "javascript");
		assertServed(browser, "/images/favicon.svg", "image/svg+xml");
		// Web jars by path without their version (the sign-in page's links), as the templates name them.
		assertServed(browser, "/webjars/bootstrap/css/bootstrap.min.css", "text/css");
		assertServed(browser, "/webjars/echarts/echarts.common.min.js", "javascript");
	}

	@Test
	void nothingOutsideTheAssetFoldersIsServedAsAFile() throws Exception {
		PortalClient browser = new PortalClient(port);
		for (String path : new String[] { "/application.properties", "/css/../application.properties", "/messages.properties",
				"/templates/home.html", "/static/css/portal.css", "/db/migration/V1__organisation.sql" }) {
			HttpResponse<String> response = browser.get(path, "*/*");
			assertThat(response.body()).as(path).doesNotContain("spring.").doesNotContain("create table").doesNotContain("th:text");
			assertThat(response.statusCode()).as(path).isNotEqualTo(200);
		}
	}

	private static void assertServed(PortalClient browser, String path, String type) throws Exception {
		HttpResponse<String> response = browser.get(path, "*/*");
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).contains(type);
		assertThat(response.body()).as(path).isNotBlank();
	}

}

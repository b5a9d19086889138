package cn.qualityportal.system;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import cn.qualityportal.PortalClient;
import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Error pages through the real servlet container, where error dispatches really happen. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Test
	void missingPageShowsA404PageInChineseThatLeaksNothing() throws Exception {
		PortalClient browser = new PortalClient(port);
		browser.signIn("admin", TestAccounts.ADMIN_PASSWORD);
		HttpResponse<String> response = browser.get("/no/such/page", "text/html");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("页面不存在").contains("返回首页")
			.doesNotContain("Exception").doesNotContain("at cn.").doesNotContain("trace");
	}

	@Test
	void missingPageIsShownInEnglishWhenChosen() throws Exception {
		PortalClient browser = new PortalClient(port);
		browser.signIn("admin", TestAccounts.ADMIN_PASSWORD);
		browser.get("/?lang=en", "text/html");
		assertThat(browser.get("/no/such/page", "text/html").body()).contains("Not found").contains("Back to home");
	}

	@Test
	void aMissingPublicPageLeadsBackToThePublicHomeNotToSigningIn() throws Exception {
		PortalClient visitor = new PortalClient(port);
		for (String path : new String[] { "/gk/documents/999999999", "/gk/no/such/page" }) {
			HttpResponse<String> response = visitor.get(path, "text/html");
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).contains("页面不存在").contains("返回公开首页")
				.contains("href=\"/gk/\"").doesNotContain("href=\"/\"").doesNotContain("href=\"/login\"");
		}
	}

	@Test
	void everyErrorPageBeginsWithExactlyOneDoctype() throws Exception {
		// First-use check: error/404.html (and its siblings) put a DOCTYPE before error.html's own.
		accounts.account("reporter-doctype-test", Role.REPORTER);
		PortalClient reporter = new PortalClient(port);
		reporter.signIn("reporter-doctype-test", TestAccounts.PASSWORD);
		PortalClient visitor = new PortalClient(port);
		java.util.Map<String, HttpResponse<String>> pages = new java.util.LinkedHashMap<>();
		pages.put("404", reporter.get("/no/such/page", "text/html"));
		pages.put("403", reporter.get("/admin/users", "text/html"));
		pages.put("public 404", visitor.get("/gk/no/such/page", "text/html"));
		pages.forEach((name, response) -> {
			String body = response.body().strip();
			assertThat(body).as(name).startsWithIgnoringCase("<!DOCTYPE html>");
			assertThat(body.toLowerCase(java.util.Locale.ROOT).split("<!doctype", -1)).as(name + ": doctypes").hasSize(2);
		});
		assertThat(pages.get("403").statusCode()).isEqualTo(403);
	}

	/**
	 * First-use check: a leader opening a region page outside their scope was told "您无权为该地区登记或修改数据"
	 * (a sentence about changing data) while only viewing; a region that does not exist answered the same.
	 */
	@Test
	void aRegionPageOutsideTheReadersScopeSaysSoAndOneThatDoesNotExistIsMissing() throws Exception {
		accounts.account("reporter-region-page-test", Role.REPORTER);
		PortalClient reporter = new PortalClient(port);
		reporter.signIn("reporter-region-page-test", TestAccounts.PASSWORD);
		HttpResponse<String> refused = reporter.get("/dashboards/regions/999999", "text/html");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("您无权查看该地区的数据").doesNotContain("登记或修改");

		PortalClient admin = new PortalClient(port);
		admin.signIn("admin", TestAccounts.ADMIN_PASSWORD);
		assertThat(admin.get("/dashboards/regions/999999", "text/html").statusCode()).isEqualTo(404);
		assertThat(admin.get("/dashboards?region=999999", "text/html").statusCode()).isEqualTo(404);
	}

	@Test
	void missingApiResourceAnswersProblemJson() throws Exception {
		PortalClient client = new PortalClient(port);
		client.signIn("admin", TestAccounts.ADMIN_PASSWORD);
		HttpResponse<String> response = client.get("/api/v1/no-such-thing", "application/json");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("\"status\":404")
			.contains("\"instance\":\"/api/v1/no-such-thing\"")
			.doesNotContain("trace")
			.doesNotContain("exception");
	}

	@Test
	void forbiddenMonitoringAnswers403ProblemJson() throws Exception {
		accounts.account("reporter-error-test", Role.REPORTER);
		PortalClient client = new PortalClient(port);
		client.signIn("reporter-error-test", TestAccounts.PASSWORD);
		HttpResponse<String> response = client.get("/actuator/metrics", "application/json");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"status\":403").contains("无权");
	}

	@Test
	void malformedRequestGetsA400WithoutDetailsOfTheServer() throws Exception {
		// A malformed escape cannot even be built with java.net.URI, so speak raw HTTP.
		try (Socket socket = new Socket("localhost", port)) {
			socket.getOutputStream()
				.write("GET /api/v1/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(response).startsWith("HTTP/1.1 400").doesNotContain("Exception").doesNotContain("Tomcat");
		}
	}

}

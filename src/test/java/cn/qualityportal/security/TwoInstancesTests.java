package cn.qualityportal.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;

import javax.sql.DataSource;

import cn.qualityportal.PortalApplication;
import cn.qualityportal.PortalClient;
import cn.qualityportal.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances against one PostgreSQL, as behind a load balancer: a session opened
 * on one is valid on the other, and the second instance starts on the schema the first migrated.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TwoInstancesTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void aSessionOpenedOnOneInstanceIsValidOnTheOther() throws Exception {
		String url;
		String username;
		try (Connection connection = dataSource.getConnection()) {
			url = connection.getMetaData().getURL();
			username = connection.getMetaData().getUserName();
		}
		// As command-line arguments, so they win over application.properties, as SPRING_DATASOURCE_URL would in production.
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(PortalApplication.class).run(
				"--spring.datasource.url=" + url, "--spring.datasource.username=" + username, "--spring.datasource.password=",
				"--server.port=0", "--portal.demo.enabled=false")) {
			int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
			PortalClient first = new PortalClient(port);
			first.signIn("admin", TestAccounts.ADMIN_PASSWORD);
			String session = first.cookie("SESSION");

			HttpResponse<String> me = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + secondPort + "/api/v1/me"))
					.header("Cookie", "SESSION=" + session)
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(me.statusCode()).isEqualTo(200);
			assertThat(me.body()).contains("\"username\":\"admin\"");
			HttpResponse<String> stranger = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + secondPort + "/api/v1/me"))
					.header("Cookie", "SESSION=bm90LWEtc2Vzc2lvbg==")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(stranger.statusCode()).isEqualTo(401);
		}
	}

}

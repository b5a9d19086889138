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

	@Autowired
	cn.qualityportal.TestAccounts accounts;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void twoInstancesStartingTogetherOnAnEmptyDatabaseMigrateItOnce() throws Exception {
		jdbc.execute("drop database if exists twins");
		jdbc.execute("create database twins");
		String url;
		String username;
		try (Connection connection = dataSource.getConnection()) {
			url = connection.getMetaData().getURL().replaceAll("/[^/?]+(\\?.*)?$", "/twins");
			username = connection.getMetaData().getUserName();
		}
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		java.util.List<java.util.concurrent.Future<ConfigurableApplicationContext>> started = new java.util.ArrayList<>();
		java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
		for (int i = 0; i < 2; i++) {
			started.add(pool.submit(() -> {
				go.await();
				return new SpringApplicationBuilder(PortalApplication.class).listeners(new OneLoggingSetupAtATime())
					.run("--spring.datasource.url=" + url,
						"--spring.datasource.username=" + username, "--spring.datasource.password=", "--server.port=0",
						"--portal.demo.enabled=false");
			}));
		}
		go.countDown();
		try (ConfigurableApplicationContext first = started.get(0).get(); ConfigurableApplicationContext second = started.get(1).get()) {
			org.springframework.jdbc.core.JdbcTemplate twins = new org.springframework.jdbc.core.JdbcTemplate(
					first.getBean(DataSource.class));
			assertThat(twins.queryForObject(
					"select count(*) = count(distinct version) and bool_and(success) from flyway_schema_history where version is not null",
					Boolean.class)).as("each migration once, all successful").isTrue();
			assertThat(twins.queryForObject("select count(*) from user_account where username = 'admin'", Integer.class)).isOne();
			assertThat(second.isRunning()).isTrue();
		}
		finally {
			pool.shutdown();
		}
	}

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

	@Test
	void disablingAnAccountEndsItsSessionOnTheOtherInstanceAtOnce() throws Exception {
		accounts.member("twin-reporter", "450681", false, cn.qualityportal.organisation.Role.REPORTER);
		long id = jdbc.queryForObject("select id from user_account where username = 'twin-reporter'", Long.class);
		String url;
		String username;
		try (Connection connection = dataSource.getConnection()) {
			url = connection.getMetaData().getURL();
			username = connection.getMetaData().getUserName();
		}
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(PortalApplication.class).run(
				"--spring.datasource.url=" + url, "--spring.datasource.username=" + username, "--spring.datasource.password=",
				"--server.port=0", "--portal.demo.enabled=false")) {
			int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
			PortalClient reporter = new PortalClient(secondPort);
			reporter.signIn("twin-reporter", TestAccounts.PASSWORD);
			assertThat(reporter.get("/api/v1/me", "application/json").statusCode()).isEqualTo(200);

			PortalClient admin = new PortalClient(port);
			admin.signIn("admin", TestAccounts.ADMIN_PASSWORD);
			HttpResponse<String> disabled = admin.post("/admin/users", "/admin/users/" + id + "/enabled", "enabled=false");
			assertThat(disabled.statusCode()).isEqualTo(302);
			assertThat(jdbc.queryForObject("select enabled from user_account where id = ?", Boolean.class, id)).isFalse();

			assertThat(reporter.get("/api/v1/me", "application/json").statusCode()).isEqualTo(401);
		}
	}


	/**
	 * Spring Boot's logging set-up writes system properties, which two applications starting in one
	 * JVM at the same instant can trip over (ConcurrentModificationException, seen once in CI). The
	 * race this test is about is the database migration, later in the start; only the logging
	 * set-up (between the environment and the context) is taken one at a time.
	 */
	static final class OneLoggingSetupAtATime implements org.springframework.context.event.GenericApplicationListener {

		private static final java.util.concurrent.Semaphore LOGGING = new java.util.concurrent.Semaphore(1);

		private boolean holding;

		@Override
		public boolean supportsEventType(org.springframework.core.ResolvableType eventType) {
			return true;
		}

		@Override
		public void onApplicationEvent(org.springframework.context.ApplicationEvent event) {
			if (event instanceof org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent) {
				LOGGING.acquireUninterruptibly();
				holding = true;
			}
			else if (holding && (event instanceof org.springframework.boot.context.event.ApplicationContextInitializedEvent
					|| event instanceof org.springframework.boot.context.event.ApplicationFailedEvent)) {
				holding = false;
				LOGGING.release();
			}
		}

		@Override
		public int getOrder() {
			// Before LoggingApplicationListener (HIGHEST_PRECEDENCE + 20) on the environment event.
			return org.springframework.core.Ordered.HIGHEST_PRECEDENCE;
		}

	}

}

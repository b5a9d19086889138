package cn.qualityportal.reporting;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import cn.qualityportal.bench.ImportBenchFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults with the packaged portal (target/portal.jar; failsafe runs after package). Killed
 * (SIGKILL) while it imports 100,000 figures: after a restart on the same data directory nothing
 * of that import is there, neither figures nor audit rows, and the same file imported again is
 * complete. Every database connection cut under it, as a PostgreSQL restart does: it answers again
 * within seconds, without a restart of its own.
 */
class FaultsIT {

	private static final String PASSWORD = "Killed-import-1";

	@TempDir
	Path data;

	@Test
	void aKilledImportLeavesNothingPartialAfterRestart() throws Exception {
		ImportBenchFiles.main(new String[] { data.toString(), PASSWORD });
		int port = freePort();
		Process portal = start(port, true);
		try {
			try (Connection db = database()) {
				// The demo loads after the web server is up; the import's counties hang below its city.
				Instant loaded = Instant.now().plus(Duration.ofSeconds(60));
				while (count(db, "select count(*) from user_account where username = 'office'") == 0 && Instant.now().isBefore(loaded)) {
					Thread.sleep(200);
				}
				db.createStatement().execute(Files.readString(data.resolve("import-setup.sql")));
			}
			CompletableFuture<HttpResponse<String>> upload = HttpClient.newHttpClient()
				.sendAsync(importRequest(port), HttpResponse.BodyHandlers.ofString());
			awaitImportInDatabase(upload);
			portal.destroyForcibly().waitFor();
			assertThat(upload.handle((response, failure) -> failure).get()).as("the upload never got an answer").isNotNull();

			portal = start(port, true);
			try (Connection db = database()) {
				assertThat(count(db, """
						select count(*) from indicator_value v join indicator i on i.id = v.indicator_id
						where i.code like 'BENCH-IMP-%'""")).as("figures of the killed import").isZero();
				assertThat(count(db, """
						select count(*) from audit_log a join indicator_value v on v.id = a.entity_id
						join indicator i on i.id = v.indicator_id where a.entity = 'indicator_value' and i.code like 'BENCH-IMP-%'"""))
					.isZero();
			}
			HttpResponse<String> again = HttpClient.newHttpClient().send(importRequest(port), HttpResponse.BodyHandlers.ofString());
			assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
			try (Connection db = database()) {
				assertThat(count(db, """
						select count(*) from indicator_value v join indicator i on i.id = v.indicator_id
						where i.code like 'BENCH-IMP-%'""")).isEqualTo(100_000);
			}
		}
		finally {
			portal.destroy();
			portal.waitFor();
		}
	}

	@Test
	void thePortalRecoversWhenPostgresqlCutsAllItsConnections() throws Exception {
		int port = freePort();
		// Without the demo: the administrator is all this test needs, and the demo only lengthens the start.
		Process portal = start(port, false);
		try {
			// The first accounts are created just after the web server is up.
			Instant created = Instant.now().plus(Duration.ofSeconds(60));
			while (me(port) != 200 && Instant.now().isBefore(created)) {
				Thread.sleep(200);
			}
			assertThat(me(port)).isEqualTo(200);
			// What the portal sees when PostgreSQL restarts: every connection it holds is cut at once. (A real
			// restart of the embedded server from outside is refused here: its binaries will not run as root
			// unless the portal launches them, and CI runs as root.)
			try (Connection db = database()) {
				assertThat(count(db, """
						select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity
						                      where datname = 'portal' and pid <> pg_backend_pid() and backend_type = 'client backend') cut"""))
					.as("connections cut").isPositive();
			}

			// The pool replaces its broken connections: within a short while every request works again.
			Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
			int status = 0;
			while (Instant.now().isBefore(deadline) && (status = me(port)) != 200) {
				Thread.sleep(250);
			}
			assertThat(status).as("answering again without a restart of the portal; it said: %s", tail(data)).isEqualTo(200);
			assertThat(portal.isAlive()).isTrue();
			for (int i = 0; i < 20; i++) {
				assertThat(me(port)).isEqualTo(200);
			}
		}
		finally {
			portal.destroy();
			portal.waitFor();
		}
	}

	/** The end of the newest portal log, for failure messages. */
	private static String tail(Path data) throws IOException {
		try (var logs = Files.list(data)) {
			Path newest = logs.filter(path -> path.getFileName().toString().startsWith("portal-")).sorted().reduce((a, b) -> b).orElseThrow();
			String log = Files.readString(newest);
			return log.substring(Math.max(0, log.length() - 3000));
		}
	}

	private static int me(int port) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:Killed-admin-1".getBytes()))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

	private Process start(int port, boolean demo) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
				"-jar", Path.of("target", "portal.jar").toAbsolutePath().toString())
			.redirectErrorStream(true)
			.redirectOutput(data.resolve("portal-" + Instant.now().toEpochMilli() + ".log").toFile());
		builder.environment().put("PORTAL_DATA_DIR", data.toString());
		builder.environment().put("PORTAL_DEMO_DATA", String.valueOf(demo));
		builder.environment().put("PORTAL_DEMO_PASSWORD", PASSWORD);
		builder.environment().put("PORTAL_ADMIN_PASSWORD", "Killed-admin-1");
		builder.environment().put("SERVER_PORT", String.valueOf(port));
		// The test polls with Basic sign-ins until the demo accounts exist; on a slow machine that is more
		// than the 20 failures after which an address is refused, which would hide what the test is about.
		builder.environment().put("PORTAL_SECURITY_ADDRESS_MAX_FAILURES", "100000");
		// Likewise the picture captcha after failed sign-ins: HTTP Basic cannot answer it.
		builder.environment().put("PORTAL_SECURITY_CAPTCHA_AFTER_FAILURES", "0");
		Process process = builder.start();
		// A hang guard, not a timing: a cold start unpacks PostgreSQL, runs initdb and every migration and
		// loads the demo, which on a loaded CI machine has taken longer than 90 s.
		Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
		while (Instant.now().isBefore(deadline)) {
			try {
				HttpResponse<String> health = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(10)).build(),
							HttpResponse.BodyHandlers.ofString());
				if (health.body().contains("\"UP\"")) {
					return process;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			assertThat(process.isAlive()).as("the portal started; it said: %s", tail(data)).isTrue();
			Thread.sleep(300);
		}
		throw new AssertionError("the portal did not come up; it said: " + tail(data));
	}

	private HttpRequest importRequest(int port) throws IOException {
		String boundary = "killed-import-boundary";
		byte[] file = Files.readAllBytes(data.resolve("import-100k.xlsx"));
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"import-100k.xlsx\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes();
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("bench-reporter:" + PASSWORD).getBytes()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail)))
			.build();
	}

	/** Waits until the import is writing in PostgreSQL (its staging table or its inserts are running). */
	private void awaitImportInDatabase(CompletableFuture<HttpResponse<String>> upload) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		try (Connection db = database()) {
			while (Instant.now().isBefore(deadline)) {
				if (count(db, """
						select count(*) from pg_stat_activity
						where pid <> pg_backend_pid() and state = 'active'
						  and (query ilike '%import_staging%' or query ilike '%insert into audit_log%')""") > 0) {
					return;
				}
				if (upload.isDone()) {
					throw new AssertionError("the import ended before it could be killed: " + upload.get().statusCode() + " "
							+ upload.get().body().substring(0, Math.min(300, upload.get().body().length())));
				}
				Thread.sleep(5);
			}
		}
		throw new AssertionError("the import never reached the database");
	}

	private Connection database() throws Exception {
		String port = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(3).strip();
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/portal", "postgres", "");
	}

	private static long count(Connection db, String sql) throws Exception {
		try (ResultSet rows = db.createStatement().executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

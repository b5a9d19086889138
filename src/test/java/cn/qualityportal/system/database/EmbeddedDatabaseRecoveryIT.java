package cn.qualityportal.system.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.qualityportal.PortalClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged portal (target/portal.jar) on its embedded database, as an operator meets it:
 * PostgreSQL killed with SIGKILL under a running portal with the demo comes back by itself within
 * 30 seconds with every figure, and no request meanwhile answers 500; a backup taken by the
 * administrator is restored with {@code java -jar portal.jar restore} to a time between two writes.
 * Runs as root as well (CI): the portal starts PostgreSQL through zonky, as at start.
 */
class EmbeddedDatabaseRecoveryIT {

	private static final String ADMIN_PASSWORD = "Recovery-admin-1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path data;

	@Test
	void aKilledPostgresIsRunningAgainWithinThirtySecondsWithAllTheDemoFiguresAndNo500() throws Exception {
		int port = freePort();
		Process portal = start(port, true);
		try {
			awaitDemo();
			long figures;
			long targets;
			try (Connection db = database()) {
				figures = count(db, "select count(*) from indicator_value");
				targets = count(db, "select count(*) from target");
			}
			assertThat(figures).isPositive();

			Map<String, List<Integer>> answers = new ConcurrentHashMap<>();
			ConcurrentLinkedQueue<String> retryAfter = new ConcurrentLinkedQueue<>();
			AtomicBoolean stop = new AtomicBoolean();
			Thread traffic = new Thread(() -> {
				HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
				while (!stop.get()) {
					for (String path : List.of("/actuator/health", "/api/v1/me", "/login", "/")) {
						try {
							HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
								.timeout(Duration.ofSeconds(20));
							if (path.equals("/api/v1/me") || path.equals("/")) {
								request.header("Authorization", "Basic " + Base64.getEncoder()
									.encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
							}
							HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
							answers.computeIfAbsent(path, key -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(response.statusCode());
							if (response.statusCode() == 503 && !path.startsWith("/actuator")) {
								retryAfter.add(response.headers().firstValue("Retry-After").orElse("none"));
							}
						}
						catch (IOException ex) {
							answers.computeIfAbsent(path + " (no answer)", key -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(0);
						}
						catch (InterruptedException ex) {
							return;
						}
					}
				}
			});
			traffic.start();
			// The credentials work before the kill (on a loaded machine the first Basic sign-in takes seconds).
			awaitAnswer(answers, "/api/v1/me", 200, Duration.ofSeconds(60));

			long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip());
			Instant killed = Instant.now();
			assertThat(new ProcessBuilder("kill", "-9", String.valueOf(postmaster)).start().waitFor()).isZero();

			boolean up = false;
			Thread.sleep(1500);
			while (!up && Instant.now().isBefore(killed.plus(Duration.ofSeconds(30)))) {
				up = isUp(health(port));
				Thread.sleep(250);
			}
			Duration took = Duration.between(killed, Instant.now());
			int before = answers.get("/api/v1/me").size();
			// And again after the restart: the same account signs in as soon as the database is back.
			Instant again = Instant.now().plus(Duration.ofSeconds(60));
			while (Instant.now().isBefore(again) && !answers.get("/api/v1/me").subList(before, answers.get("/api/v1/me").size()).contains(200)) {
				Thread.sleep(250);
			}
			stop.set(true);
			traffic.join();

			assertThat(up).as("health UP again within 30 s of the kill; the portal said: %s", tail(data)).isTrue();
			assertThat(portal.isAlive()).isTrue();
			assertThat(answers.values().stream().flatMap(List::stream))
				.as("answers while PostgreSQL was down and restarted (took %s): %s; the portal said: %s", took, answers, tail(data))
				.noneMatch(code -> code >= 500 && code != 503);
			// A database outage is never "wrong password": the API says 503 and Retry-After, never 401.
			assertThat(answers.get("/api/v1/me")).as("answers of /api/v1/me: %s", answers.get("/api/v1/me"))
				.allMatch(code -> code == 200 || code == 503);
			List<Integer> me = answers.get("/api/v1/me");
			assertThat(me.subList(before, me.size())).as("after the restart").contains(200);
			assertThat(retryAfter).allMatch(value -> value.equals(DatabaseFaultFilter.RETRY_AFTER_SECONDS));
			try (Connection db = database()) {
				assertThat(count(db, "select count(*) from indicator_value")).isEqualTo(figures);
				assertThat(count(db, "select count(*) from target")).isEqualTo(targets);
			}
			assertThat(Files.readString(latestLog(data))).contains("The embedded PostgreSQL stopped unexpectedly")
				.contains("runs again");
		}
		finally {
			portal.destroy();
			portal.waitFor();
		}
	}

	@Test
	void theRestoreCommandBringsBackExactlyWhatWasThereAtTheChosenTime() throws Exception {
		int port = freePort();
		Process portal = start(port, false);
		String between;
		try {
			try (Connection db = database()) {
				db.createStatement().execute("create table restore_probe (county text, value numeric)");
				db.createStatement().execute("insert into restore_probe values ('450602', 98.5), ('450603', 97.1)");
			}
			PortalClient admin = new PortalClient(port);
			admin.signIn("admin", ADMIN_PASSWORD);
			HttpResponse<String> page = admin.get("/admin/backups", "text/html");
			Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
			assertThat(csrf.find()).as(page.body()).isTrue();
			HttpResponse<String> backedUp = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/backups"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Cookie", "SESSION=" + admin.cookie("SESSION"))
					.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(backedUp.statusCode()).isEqualTo(302);
			String name;
			try (Connection db = database()) {
				ResultSet row = db.createStatement()
					.executeQuery("select name, status from database_backup order by id desc limit 1");
				assertThat(row.next()).isTrue();
				assertThat(row.getString(2)).isEqualTo("SUCCEEDED");
				name = row.getString(1);
				Thread.sleep(1100);
				ResultSet now = db.createStatement().executeQuery("select to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')");
				now.next();
				between = now.getString(1);
				Thread.sleep(1100);
				db.createStatement().execute("insert into restore_probe values ('450621', 95.0)");
				db.createStatement().execute("update restore_probe set value = 0");
			}

			Result refused = restore("--backup", name, "--target-time", between);
			assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
			assertThat(refused.output()).contains("Stop the portal first");
		}
		finally {
			portal.destroy();
			portal.waitFor();
		}
		Result listed = restore("--list");
		assertThat(listed.exitCode()).isZero();
		Result restored = restore("--backup", "latest", "--target-time", between);
		assertThat(restored.exitCode()).as(restored.output()).isZero();
		assertThat(restored.output()).contains("Restored base backup").contains("before-restore");

		portal = start(port, false);
		try (Connection db = database()) {
			List<String> rows = new ArrayList<>();
			ResultSet rs = db.createStatement().executeQuery("select county || ' ' || value from restore_probe order by county");
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
			assertThat(rows).containsExactly("450602 98.5", "450603 97.1");
		}
		finally {
			portal.destroy();
			portal.waitFor();
		}
	}

	record Result(int exitCode, String output) {
	}

	private Result restore(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(java(), "-jar", jar(), "restore"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PORTAL_DATA_DIR", data.toString());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Result(process.waitFor(), output);
	}

	private static void awaitAnswer(Map<String, List<Integer>> answers, String path, int status, Duration within)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(within);
		while (Instant.now().isBefore(deadline)) {
			if (answers.getOrDefault(path, List.of()).contains(status)) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError(path + " never answered " + status + ": " + answers);
	}

	private void awaitDemo() throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
		long last = -1;
		try (Connection db = database()) {
			while (Instant.now().isBefore(deadline)) {
				long now = count(db, "select count(*) from indicator_value");
				if (now > 0 && now == last) {
					return;
				}
				last = now;
				Thread.sleep(2000);
			}
		}
		throw new AssertionError("the demo did not load");
	}

	/** The overall status, whatever the order of the fields. */
	private static boolean isUp(String health) {
		try {
			return JSON.readTree(health).path("status").asString().equals("UP");
		}
		catch (RuntimeException notJson) {
			return false;
		}
	}

	private static String health(int port) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(10)).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException | InterruptedException ex) {
			return "";
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String jar() {
		return Path.of("target", "portal.jar").toAbsolutePath().toString();
	}

	private Process start(int port, boolean demo) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx1g", "-jar", jar())
			.redirectErrorStream(true)
			.redirectOutput(data.resolve("portal-" + Instant.now().toEpochMilli() + ".log").toFile());
		builder.environment().put("PORTAL_DATA_DIR", data.toString());
		builder.environment().put("PORTAL_DEMO_DATA", String.valueOf(demo));
		builder.environment().put("PORTAL_DEMO_PASSWORD", "Recovery-demo-1");
		builder.environment().put("PORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD);
		builder.environment().put("SERVER_PORT", String.valueOf(port));
		// The test polls with HTTP Basic before the accounts exist: neither the address rule nor the picture
		// captcha after failed sign-ins (which Basic cannot answer) may turn that into 429/401.
		builder.environment().put("PORTAL_SECURITY_ADDRESS_MAX_FAILURES", "100000");
		builder.environment().put("PORTAL_SECURITY_CAPTCHA_AFTER_FAILURES", "0");
		Process process = builder.start();
		// Generous: on a loaded CI machine a cold start takes minutes.
		Instant deadline = Instant.now().plus(Duration.ofSeconds(300));
		while (Instant.now().isBefore(deadline)) {
			if (isUp(health(port))) {
				return process;
			}
			assertThat(process.isAlive()).as("the portal started: %s", tail(data)).isTrue();
			Thread.sleep(300);
		}
		throw new AssertionError("the portal did not come up: " + tail(data));
	}

	private static Path latestLog(Path data) throws IOException {
		try (var logs = Files.list(data)) {
			return logs.filter(path -> path.getFileName().toString().startsWith("portal-")).sorted().reduce((a, b) -> b).orElseThrow();
		}
	}

	/** The portal's first ERROR with what follows it (the cause of a 500), and the end of its log. */
	private static String tail(Path data) {
		try {
			String log = Files.readString(latestLog(data));
			// Every logged error and exception with its causes, without stack frames, then the end of the log.
			String errors = log.lines()
				.filter(line -> line.contains(" ERROR ") || line.contains(" WARN ") || line.startsWith("Caused by")
						|| (!line.startsWith("\t") && line.contains("Exception")))
				.map(line -> line.length() > 400 ? line.substring(0, 400) : line)
				.collect(java.util.stream.Collectors.joining("\n"));
			return errors + "\n…\n" + log.substring(Math.max(0, log.length() - 2000));
		}
		catch (IOException ex) {
			return ex.toString();
		}
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

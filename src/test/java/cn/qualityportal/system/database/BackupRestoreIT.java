package cn.qualityportal.system.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipFile;

import cn.qualityportal.ExternalTools;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * db/backup.sh and db/restore.sh, run as an operator would. pg_dump refuses servers newer than
 * itself, so the server here has the major version of the installed client: the portal's own 18
 * with a client of 18 or newer, otherwise the PostgreSQL 15 binaries the build copies for Debian's
 * client 15. The schema is the portal's, from its Flyway migrations.
 */
class BackupRestoreIT {

	private static final List<String> TABLES = List.of("region", "department", "user_account", "user_account_role",
			"flyway_schema_history");

	static int clientMajor;

	@TempDir
	Path work;

	@BeforeAll
	static void needsTheClientTools() throws Exception {
		ExternalTools.require("pg_dump", "Debian: apt-get install postgresql-client");
		ExternalTools.require("pg_restore", "Debian: apt-get install postgresql-client");
		ExternalTools.require("psql", "Debian: apt-get install postgresql-client");
		String version = run(List.of("pg_dump", "--version"), Map.of()).output();
		clientMajor = Integer.parseInt(version.replaceAll("(?s)^\\D*(\\d+).*$", "$1"));
	}

	@Test
	void aBackupRestoredIntoAFreshDatabaseYieldsTheSameRows() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(work.resolve("data/postgres"), 0, binaries())) {
			Flyway.configure().dataSource(database.jdbcUrl(), database.username(), "").load().migrate();
			execute(database.jdbcUrl(), """
					insert into region (code, name, level) values ('450600', '防城港市', 'CITY');
					insert into region (code, name, level, parent_code) values ('450681', '东兴市', 'COUNTY', '450600');
					insert into department (region_code, name, short_name, kind) values ('450681', '东兴市市场监督管理局', '市场监管局', 'MARKET_REGULATION');
					insert into user_account (username, display_name, password_hash, department_id)
					  select 'reporter-450681', '东兴填报员', '{bcrypt}$2a$10$abcdefghijklmnopqrstuv', id from department;
					insert into user_account_role (account_id, role) select id, 'REPORTER' from user_account;
					""");

			Path backup = work.resolve("backups/portal.dump");
			Result backedUp = script("db/backup.sh", Map.of("PORTAL_DATA_DIR", work.resolve("data").toString()),
					backup.toString());
			assertThat(backedUp.exitCode()).as(backedUp.output()).isZero();
			assertThat(backup).isNotEmptyFile();

			execute(database.jdbcUrl(), "create database restored");
			Result restored = script("db/restore.sh", libpq(database, "restored"), backup.toString());
			assertThat(restored.exitCode()).as(restored.output()).isZero();

			String restoredUrl = database.jdbcUrl().replace("/portal", "/restored");
			for (String table : TABLES) {
				assertThat(rows(restoredUrl, table)).as(table).isNotEmpty().isEqualTo(rows(database.jdbcUrl(), table));
			}
		}
	}

	@Test
	void restoreRefusesADatabaseThatIsNotEmptyAndChangesNothing() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(work.resolve("data/postgres"), 0, binaries())) {
			Flyway.configure().dataSource(database.jdbcUrl(), database.username(), "").load().migrate();
			execute(database.jdbcUrl(), "insert into region (code, name, level) values ('450600', '防城港市', 'CITY')");
			Path backup = work.resolve("portal.dump");
			assertThat(script("db/backup.sh", libpq(database, "portal"), backup.toString()).exitCode()).isZero();
			execute(database.jdbcUrl(), "update region set name = '改过的名字'");

			Result refused = script("db/restore.sh", libpq(database, "portal"), backup.toString());
			assertThat(refused.exitCode()).isNotZero();
			assertThat(refused.output()).contains("already has").contains("--clean");
			assertThat(rows(database.jdbcUrl(), "region")).containsExactly("[450600, 改过的名字, CITY, null, true, 0, null]");

			Result replaced = script("db/restore.sh", libpq(database, "portal"), "--clean", backup.toString());
			assertThat(replaced.exitCode()).as(replaced.output()).isZero();
			assertThat(rows(database.jdbcUrl(), "region")).containsExactly("[450600, 防城港市, CITY, null, true, 0, null]");
		}
	}

	@Test
	void backupSaysSoWhenThePortalIsNotRunning() throws Exception {
		Result result = script("db/backup.sh", Map.of("PORTAL_DATA_DIR", work.toString()), work.resolve("x.dump").toString());
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("no running embedded database");
	}

	@Test
	void anOlderClientIsRefusedWithAClearMessage() throws Exception {
		if (clientMajor >= Integer.parseInt(EmbeddedDatabase.MAJOR_VERSION)) {
			return; // nothing older to show: the installed client handles the portal's server
		}
		try (EmbeddedDatabase portal = EmbeddedDatabase.startEphemeral()) {
			Result result = script("db/backup.sh", libpq(portal, "portal"), work.resolve("x.dump").toString());
			assertThat(result.exitCode()).isNotZero();
			assertThat(result.output()).contains("pg_dump is version " + clientMajor)
				.contains("server runs PostgreSQL " + EmbeddedDatabase.MAJOR_VERSION);
			assertThat(work.resolve("x.dump")).doesNotExist();
		}
	}

	/** Null: the portal's own binaries. */
	private static PgBinaryResolver binaries() {
		if (clientMajor >= Integer.parseInt(EmbeddedDatabase.MAJOR_VERSION)) {
			return null;
		}
		assertThat(clientMajor).as("pg_dump major version this test has server binaries for").isEqualTo(15);
		Path jar = Path.of("target/postgres-15/postgres-15-binaries.jar");
		assertThat(jar).as("copied by maven-dependency-plugin in generate-test-resources").exists();
		return (system, hardware) -> {
			ZipFile zip = new ZipFile(jar.toFile());
			return zip.getInputStream(zip.getEntry("postgres-" + system.toLowerCase(Locale.ROOT) + "-" + hardware + ".txz"));
		};
	}

	private static Map<String, String> libpq(EmbeddedDatabase database, String name) {
		return Map.of("PGHOST", "localhost", "PGPORT", String.valueOf(database.port()), "PGDATABASE", name, "PGUSER",
				database.username());
	}

	private static Result script(String script, Map<String, String> env, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", script));
		command.addAll(List.of(args));
		return run(command, env);
	}

	private static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().keySet().removeIf(key -> key.startsWith("PG") || key.startsWith("SPRING_DATASOURCE"));
		builder.environment().putAll(env);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Result(process.waitFor(), output);
	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** Every row of a table as text, in a stable order. */
	private static List<String> rows(String url, String table) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select * from " + table + " order by 1, 2")) {
			ResultSetMetaData meta = rs.getMetaData();
			while (rs.next()) {
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					values.add(String.valueOf(rs.getObject(i)));
				}
				rows.add(values.toString());
			}
		}
		return rows;
	}

	record Result(int exitCode, String output) {
	}

}

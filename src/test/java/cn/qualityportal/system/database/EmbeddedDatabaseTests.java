package cn.qualityportal.system.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The zero-setup database keeps its data through restarts and crashes, and refuses what would lose it. */
class EmbeddedDatabaseTests {

	@TempDir
	Path dataDir;

	@Test
	void dataSurvivesARestart() throws Exception {
		Path directory = dataDir.resolve("postgres");
		try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory, 0)) {
			execute(database, "create table kept (note text)", "insert into kept values ('第一次启动')");
		}
		try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory, 0)) {
			assertThat(query(database, "select note from kept")).containsExactly("第一次启动");
		}
	}

	@Test
	void persistentModeRunsWithFsyncAndSynchronousCommit() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(dataDir.resolve("postgres"), 0)) {
			assertThat(query(database, "show fsync")).containsExactly("on");
			assertThat(query(database, "show synchronous_commit")).containsExactly("on");
			assertThat(query(database, "show listen_addresses")).containsExactly("localhost");
		}
	}

	@Test
	void afterKillMinus9TheOrphanedServerIsStoppedAndNothingIsLost() throws Exception {
		Path directory = dataDir.resolve("postgres");
		Process portal = startChild(directory, "崩溃前提交");
		try {
			assertThatThrownBy(() -> EmbeddedDatabase.startPersistent(directory, 0))
				.isInstanceOf(EmbeddedDatabaseException.class)
				.hasMessageContaining("Another running portal is using the database in " + directory);

			long orphan = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
			portal.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("postgres outlives kill -9").contains(true);

			try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory, 0)) {
				assertThat(query(database, "select note from crash_test")).containsExactly("崩溃前提交");
				assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			}
		}
		finally {
			portal.destroyForcibly();
		}
	}

	@Test
	void closingStopsThePostgresProcess() throws Exception {
		Path directory = dataDir.resolve("postgres");
		long pid;
		try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory, 0)) {
			pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
			assertThat(ProcessHandle.of(pid)).isPresent();
		}
		assertThat(directory.resolve("postmaster.pid")).doesNotExist();
		// The pid file goes just before the process ends; give it a moment to be gone.
		ProcessHandle.of(pid).ifPresent(process -> process.onExit().orTimeout(10, TimeUnit.SECONDS).join());
		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
	}

	@Test
	void aDirectoryThatIsNotADatabaseIsRefusedAndLeftAlone() throws Exception {
		Path directory = Files.createDirectories(dataDir.resolve("postgres"));
		Path precious = Files.writeString(directory.resolve("notes.txt"), "不要删除");
		assertThatThrownBy(() -> EmbeddedDatabase.startPersistent(directory, 0))
			.isInstanceOf(EmbeddedDatabaseException.class)
			.hasMessageContaining("is not a PostgreSQL data directory");
		assertThat(Files.readString(precious)).isEqualTo("不要删除");
	}

	@Test
	void aDataDirectoryOfAnotherMajorVersionIsRefused() throws Exception {
		Path directory = Files.createDirectories(dataDir.resolve("postgres"));
		Files.writeString(directory.resolve("PG_VERSION"), "15\n");
		Files.writeString(directory.resolve("postgresql.conf"), "");
		assertThatThrownBy(() -> EmbeddedDatabase.startPersistent(directory, 0))
			.isInstanceOf(EmbeddedDatabaseException.class)
			.hasMessageContaining("created by PostgreSQL 15")
			.extracting(ex -> ((EmbeddedDatabaseException) ex).action())
			.asString()
			.contains("pg_dump");
	}

	@Test
	void aDamagedDataDirectorySaysWhatToDo() throws Exception {
		Path directory = dataDir.resolve("postgres");
		try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory, 0)) {
			execute(database, "select 1");
		}
		Files.delete(directory.resolve("global/pg_control"));
		assertThatThrownBy(() -> EmbeddedDatabase.startPersistent(directory, 0, null, Duration.ofSeconds(5)))
			.isInstanceOf(EmbeddedDatabaseException.class)
			.hasMessageContaining("could not start from " + directory)
			.extracting(ex -> ((EmbeddedDatabaseException) ex).action())
			.asString()
			.contains("restore it from a backup");
	}

	private static Process startChild(Path directory, String note) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedDatabaseChild.class.getName(), directory.toString(), note)
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()));
		List<String> seen = new ArrayList<>();
		for (String line; (line = output.readLine()) != null;) {
			if (line.equals("READY")) {
				Thread drain = new Thread(() -> output.lines().forEach(ignored -> {
				}));
				drain.setDaemon(true);
				drain.start();
				return process;
			}
			seen.add(line);
		}
		throw new IllegalStateException("child portal did not start: " + String.join("\n", seen));
	}

	static void execute(EmbeddedDatabase database, String... statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	static List<String> query(EmbeddedDatabase database, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return rows;
	}

}

package cn.qualityportal.system.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor against a real postmaster killed with SIGKILL (as the out-of-memory killer does):
 * it starts PostgreSQL again on the same directory and port, crash recovery keeps every committed
 * row, and the pool works again; when the server cannot start any more, it gives up with a message.
 */
class DatabaseSupervisorTests {

	@TempDir
	Path dataDir;

	@Test
	void aKilledPostmasterIsStartedAgainAndNothingCommittedIsLost() throws Exception {
		Path directory = dataDir.resolve("postgres");
		List<String> exits = new CopyOnWriteArrayList<>();
		try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory, 0);
				HikariDataSource pool = pool(database);
				DatabaseSupervisor supervisor = new DatabaseSupervisor(database, pool, Duration.ofMillis(200), exits::add,
						Clock.systemUTC())) {
			execute(pool, "create table kept (note text)", "insert into kept values ('崩溃前提交')");
			int port = database.port();

			long killed = killPostmaster(directory);

			awaitUp(supervisor, Duration.ofSeconds(30));
			assertThat(supervisor.restarts()).isEqualTo(1);
			assertThat(database.port()).as("same port, so the pool's URL still works").isEqualTo(port);
			assertThat(database.postmasterPid()).isPresent().get().isNotEqualTo(killed);
			assertThat(query(pool, "select note from kept")).containsExactly("崩溃前提交");
			execute(pool, "insert into kept values ('之后')");
			assertThat(query(pool, "select count(*) from kept")).containsExactly("2");
			assertThat(exits).isEmpty();
		}
	}

	@Test
	void whenTheServerCannotStartAgainThePortalIsToldToExitWithTheReason() throws Exception {
		Path directory = dataDir.resolve("postgres");
		List<String> exits = new CopyOnWriteArrayList<>();
		try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory, 0, null, Duration.ofSeconds(3), null);
				HikariDataSource pool = pool(database);
				DatabaseSupervisor supervisor = new DatabaseSupervisor(database, pool, Duration.ofMillis(200), exits::add,
						Clock.systemUTC())) {
			execute(pool, "select 1");
			// A damaged directory: PostgreSQL cannot start from it again. Damaged before the kill: the
			// supervisor checks every 200 ms, and twice it started the server again between the kill and
			// the deletion (the running server does not read the file again), so nothing ever failed.
			Files.delete(directory.resolve("global/pg_control"));
			killPostmaster(directory);

			Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
			while (supervisor.state() == DatabaseSupervisor.State.UP && Instant.now().isBefore(deadline)) {
				Thread.sleep(20);
			}
			// Meanwhile health is DOWN and says why.
			var health = new EmbeddedDatabaseHealth(supervisor).health();
			assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
			assertThat(health.getStatus().getDescription()).contains("stopped unexpectedly").contains("started again");
			while (exits.isEmpty() && Instant.now().isBefore(deadline)) {
				Thread.sleep(200);
			}
			assertThat(exits).hasSize(1);
			assertThat(exits.get(0)).contains("could not be started again after 3 attempts").contains("exit code 1")
				.contains("restore it from a backup");
			assertThat(supervisor.state()).isEqualTo(DatabaseSupervisor.State.FAILED);
		}
	}

	static long killPostmaster(Path directory) throws Exception {
		long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
		Process kill = new ProcessBuilder("kill", "-9", String.valueOf(pid)).inheritIO().start();
		assertThat(kill.waitFor()).isZero();
		ProcessHandle.of(pid).ifPresent(process -> process.onExit().orTimeout(10, TimeUnit.SECONDS).join());
		return pid;
	}

	private static void awaitUp(DatabaseSupervisor supervisor, Duration limit) throws InterruptedException {
		Instant deadline = Instant.now().plus(limit);
		// The supervisor first has to notice the death.
		while (supervisor.restarts() == 0 && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		while (!supervisor.available() && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(supervisor.available()).as("up again within " + limit).isTrue();
	}

	private static HikariDataSource pool(EmbeddedDatabase database) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(database.jdbcUrl());
		pool.setUsername(database.username());
		pool.setConnectionTimeout(5000);
		return pool;
	}

	static void execute(javax.sql.DataSource pool, String... statements) throws Exception {
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	static List<String> query(javax.sql.DataSource pool, String sql) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return rows;
	}

}

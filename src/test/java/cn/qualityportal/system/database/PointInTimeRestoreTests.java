package cn.qualityportal.system.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Base backups of the embedded database with PostgreSQL's low-level backup API and WAL archiving,
 * restored with point-in-time recovery, all with the packaged binaries only (no pg_dump, no
 * pg_basebackup): figures written, a backup, more figures, a restore to a moment between the two
 * writes brings back exactly the first set.
 */
class PointInTimeRestoreTests {

	@TempDir
	Path work;

	@Test
	void restoringToATimeBetweenTwoWritesBringsBackExactlyTheFirst() throws Exception {
		Path directory = work.resolve("data/postgres");
		BaseBackups backups = new BaseBackups(work.resolve("backups"), Clock.systemUTC());
		Instant between;
		String backupName;
		try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory, 0, backups.walArchive())) {
			execute(database, "create table figure (county text, value numeric)",
					"insert into figure values ('450602', 98.5), ('450603', 97.1)");
			BaseBackups.Backup backup = backups.take(database);
			backupName = backup.name();
			assertThat(backup.sizeBytes()).isPositive();
			assertThat(backup.path().resolve("backup_label")).content().contains("START WAL LOCATION");
			execute(database, "insert into figure values ('450621', 95.0)");
			Thread.sleep(1100);
			between = Instant.now();
			Thread.sleep(1100);
			execute(database, "insert into figure values ('450681', 99.9)", "update figure set value = 0 where county = '450602'");
		}
		// Another restore while the portal runs is refused further below; here the database is stopped.
		Restore.Outcome outcome = new Restore(directory, backups, Clock.systemUTC()).restore(backupName, between);

		assertThat(outcome.movedAside()).isDirectory();
		try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory, 0, backups.walArchive())) {
			assertThat(query(database, "select county || ' ' || value from figure order by county"))
				.containsExactly("450602 98.5", "450603 97.1", "450621 95.0");
			// The restored database takes new writes and is archived again (a new timeline).
			execute(database, "insert into figure values ('450681', 96.0)");
			assertThat(query(database, "show archive_mode")).containsExactly("on");
		}
	}

	@Test
	void withoutATargetTimeEverythingCommittedIsBack() throws Exception {
		Path directory = work.resolve("data/postgres");
		BaseBackups backups = new BaseBackups(work.resolve("backups"), Clock.systemUTC());
		try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory, 0, backups.walArchive())) {
			execute(database, "create table figure (county text)", "insert into figure values ('450602')");
			backups.take(database);
			// Not archived yet (the segment is not full): recovered from the old directory's pg_wal.
			execute(database, "insert into figure values ('450603')");
		}
		new Restore(directory, backups, Clock.systemUTC()).restore("latest", null);
		try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory, 0, backups.walArchive())) {
			assertThat(query(database, "select county from figure order by county")).containsExactly("450602", "450603");
		}
	}

	@Test
	void aRunningDatabaseIsNeverOverwritten() throws Exception {
		Path directory = work.resolve("data/postgres");
		BaseBackups backups = new BaseBackups(work.resolve("backups"), Clock.systemUTC());
		try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory, 0, backups.walArchive())) {
			execute(database, "create table figure (county text)", "insert into figure values ('450602')");
			String name = backups.take(database).name();
			execute(database, "insert into figure values ('450603')");
			assertThatThrownBy(() -> new Restore(directory, backups, Clock.systemUTC()).restore(name, null))
				.isInstanceOf(Restore.RestoreRefusedException.class)
				.hasMessageContaining("is running")
				.hasMessageContaining("Stop the portal first");
			assertThat(query(database, "select count(*) from figure")).containsExactly("2");
			assertThat(work.resolve("data")).isDirectoryNotContaining(path -> path.getFileName().toString().contains("before-restore"));
		}
	}

	@Test
	void unknownBackupsAndTargetsBeforeTheBackupAreRefusedBeforeAnythingChanges() throws Exception {
		Path directory = work.resolve("data/postgres");
		BaseBackups backups = new BaseBackups(work.resolve("backups"), Clock.systemUTC());
		String name;
		try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory, 0, backups.walArchive())) {
			execute(database, "create table figure (county text)");
			name = backups.take(database).name();
		}
		Restore restore = new Restore(directory, backups, Clock.systemUTC());
		assertThatThrownBy(() -> restore.restore("19990101-000000", null)).hasMessageContaining("no finished base backup")
			.hasMessageContaining(name);
		assertThatThrownBy(() -> restore.restore(name, Instant.now().minus(Duration.ofDays(1))))
			.hasMessageContaining("cannot be restored to the earlier time");
		assertThatThrownBy(() -> Restore.parseTargetTime("yesterday", java.time.ZoneOffset.UTC))
			.hasMessageContaining("is not a date and time");
		assertThat(Restore.parseTargetTime("2026-11-30 08:15:00", java.time.ZoneId.of("Asia/Shanghai")))
			.isEqualTo(Instant.parse("2026-11-30T00:15:00Z"));
		assertThat(directory.resolve("PG_VERSION")).exists();
	}

	@Test
	void retentionDeletesOldBackupsAndOnlyTheWalNoKeptBackupNeeds() throws Exception {
		Path directory = work.resolve("data/postgres");
		Instant[] now = { Instant.now() };
		Clock clock = new Clock() {
			@Override
			public java.time.ZoneId getZone() {
				return java.time.ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now[0];
			}
		};
		BaseBackups backups = new BaseBackups(work.resolve("backups"), clock);
		try (EmbeddedDatabase database = EmbeddedDatabase.startPersistent(directory, 0, backups.walArchive())) {
			execute(database, "create table figure (county text)");
			String old = backups.take(database).name();
			now[0] = now[0].plus(Duration.ofDays(40));
			execute(database, "select pg_switch_wal()");
			String kept = backups.take(database).name();
			List<String> walBefore = walFiles(backups);

			assertThat(backups.prune(Duration.ofDays(30))).containsExactly(old);
			assertThat(backups.list()).extracting(BaseBackups.Backup::name).containsExactly(kept);
			String needed = BaseBackups.startSegment(backups.baseDirectory().resolve(kept)).orElseThrow();
			assertThat(walFiles(backups)).isNotEmpty()
				.allMatch(file -> file.length() != 24 || file.substring(8).compareTo(needed.substring(8)) >= 0)
				.hasSizeLessThan(walBefore.size());
			// The newest backup is kept however old it is.
			now[0] = now[0].plus(Duration.ofDays(400));
			assertThat(backups.prune(Duration.ofDays(30))).isEmpty();
			assertThat(backups.list()).hasSize(1);
		}
	}

	private static List<String> walFiles(BaseBackups backups) throws Exception {
		try (var files = Files.list(backups.walArchive())) {
			return files.map(file -> file.getFileName().toString()).sorted().toList();
		}
	}

	static void execute(EmbeddedDatabase database, String... statements) throws Exception {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	static List<String> query(EmbeddedDatabase database, String sql) throws Exception {
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

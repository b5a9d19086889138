package cn.qualityportal.system.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Point-in-time recovery of the embedded database, as PostgreSQL's documentation describes it:
 * the current data directory is moved aside (never deleted), the base backup is copied in, the
 * WAL segments of the old directory that may not be archived yet are copied into {@code pg_wal},
 * {@code recovery.signal} and a {@code restore_command} reading the WAL archive are added, and
 * the server is started until it has replayed up to the target time (or the end of the WAL) and
 * promoted itself. A running database is never touched.
 */
public final class Restore {

	private static final Logger log = LoggerFactory.getLogger(Restore.class);

	private static final Duration RECOVERY_WAIT = Duration.ofMinutes(10);

	private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

	private final Path dataDirectory;

	private final BaseBackups backups;

	private final Clock clock;

	private final PgBinaryResolver binaries;

	public Restore(Path dataDirectory, BaseBackups backups, Clock clock) {
		this(dataDirectory, backups, clock, null);
	}

	Restore(Path dataDirectory, BaseBackups backups, Clock clock, PgBinaryResolver binaries) {
		this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
		this.backups = backups;
		this.clock = clock;
		this.binaries = binaries;
	}

	/** What a restore did. */
	public record Outcome(String backup, Path movedAside, Instant recoveredTo) {
	}

	/**
	 * A target time as an operator writes it: ISO-8601 with an offset ({@code 2026-11-30T08:15:00+08:00})
	 * or without one, then in {@code zone} ({@code 2026-11-30 08:15:00}).
	 */
	public static Instant parseTargetTime(String text, ZoneId zone) {
		String value = text.strip().replace(' ', 'T');
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return LocalDateTime.parse(value).atZone(zone).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new RestoreRefusedException("The target time '" + text
						+ "' is not a date and time such as 2026-11-30T08:15:00+08:00 or '2026-11-30 08:15:00'.");
			}
		}
	}

	/**
	 * Restores {@code backupName} ("latest" for the newest) into the data directory, replaying the
	 * archived WAL up to {@code targetTime} (inclusive) or, when null, to the end.
	 */
	public Outcome restore(String backupName, Instant targetTime) {
		BaseBackups.Backup backup = ("latest".equals(backupName) ? backups.list().stream().findFirst()
				: backups.find(backupName))
			.orElseThrow(() -> new RestoreRefusedException("There is no finished base backup '" + backupName + "' in "
					+ backups.baseDirectory() + ". Available: " + backups.list().stream().map(BaseBackups.Backup::name).toList()));
		if (targetTime != null && targetTime.isBefore(backup.finished())) {
			throw new RestoreRefusedException("The backup " + backup.name() + " ended at " + backup.finished()
					+ "; it cannot be restored to the earlier time " + targetTime + ". Choose an older backup.");
		}
		refuseIfRunning();
		Path aside = null;
		try {
			if (Files.isDirectory(dataDirectory) && !isEmpty(dataDirectory)) {
				aside = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".before-restore-" + ASIDE.format(clock.instant()));
				Files.move(dataDirectory, aside);
				log.info("Moved the current data directory aside to {}", aside);
			}
			BaseBackups.copy(backup.path(), dataDirectory, false);
			Files.deleteIfExists(dataDirectory.resolve(BaseBackups.FINISHED_FILE));
			Files.createDirectories(dataDirectory.resolve("pg_wal/archive_status"));
			if (aside != null && sameCluster(aside, dataDirectory)) {
				copyUnarchivedWal(aside.resolve("pg_wal"), dataDirectory.resolve("pg_wal"));
			}
			writeRecoverySettings(targetTime);
		}
		catch (IOException ex) {
			throw new RestoreRefusedException("Preparing the restore failed: " + ex.getMessage()
					+ (aside == null ? "" : ". The previous data directory is kept in " + aside + "; move it back to undo."));
		}
		Instant recoveredTo = recover();
		log.info("Restored base backup {} into {}{}", backup.name(), dataDirectory,
				targetTime == null ? " up to the end of the archived WAL" : " up to " + targetTime);
		return new Outcome(backup.name(), aside, recoveredTo);
	}

	/** Refuses while a portal or its postgres uses the directory: the same checks the portal makes at start. */
	private void refuseIfRunning() {
		Optional<Long> pid = EmbeddedDatabase.postmasterPid(dataDirectory);
		if (pid.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false)) {
			throw new RestoreRefusedException("The database in " + dataDirectory + " is running (PostgreSQL pid " + pid.get()
					+ "). Stop the portal first; nothing was changed.");
		}
		Path lockFile = dataDirectory.resolve("epg-lock");
		if (!Files.exists(lockFile)) {
			return;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				throw new RestoreRefusedException("A running portal uses the database in " + dataDirectory
						+ ". Stop it first; nothing was changed.");
			}
			lock.release();
		}
		catch (IOException ex) {
			throw new RestoreRefusedException("Cannot check whether the database in " + dataDirectory + " is in use: " + ex.getMessage());
		}
	}

	/**
	 * Settings for this one recovery, in postgresql.auto.conf (PostgreSQL's own include file) and
	 * removed again after it: the shell through which zonky passes -c options would split them.
	 */
	private void writeRecoverySettings(Instant targetTime) throws IOException {
		String archive = backups.walArchive().toString().replace("'", "'\\''");
		StringBuilder settings = new StringBuilder("\n# portal restore\n");
		settings.append("restore_command = '")
			.append(("cp '" + archive + "/%f' %p").replace("'", "''"))
			.append("'\n");
		settings.append("recovery_target_action = 'promote'\n");
		settings.append("recovery_target_timeline = 'latest'\n");
		if (targetTime != null) {
			settings.append("recovery_target_time = '")
				.append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC).format(targetTime))
				.append("+00'\n");
		}
		Files.writeString(dataDirectory.resolve("postgresql.auto.conf"), settings, StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		Files.writeString(dataDirectory.resolve("recovery.signal"), "");
	}

	private Instant recover() {
		EmbeddedDatabase database;
		try {
			database = EmbeddedDatabase.startPersistent(dataDirectory, 0, binaries, RECOVERY_WAIT, backups.walArchive());
		}
		catch (EmbeddedDatabaseException ex) {
			throw new RestoreRefusedException("PostgreSQL could not recover the backup: " + ex.getMessage()
					+ " Its own messages are above (for a target time after the last archived change: 'recovery ended before configured recovery target was reached').");
		}
		try (database) {
			Instant deadline = clock.instant().plus(RECOVERY_WAIT);
			try (Connection connection = database.adminConnection(); Statement statement = connection.createStatement()) {
				while (inRecovery(statement)) {
					if (clock.instant().isAfter(deadline)) {
						throw new RestoreRefusedException("Recovery did not finish within " + RECOVERY_WAIT.toMinutes() + " minutes.");
					}
					Thread.sleep(200);
				}
				for (String setting : new String[] { "restore_command", "recovery_target_action", "recovery_target_timeline",
						"recovery_target_time" }) {
					statement.execute("alter system reset " + setting);
				}
				try (ResultSet rs = statement.executeQuery("select now()")) {
					rs.next();
					return rs.getTimestamp(1).toInstant();
				}
			}
		}
		catch (SQLException ex) {
			throw new RestoreRefusedException("PostgreSQL stopped during recovery: " + ex.getMessage()
					+ ". Its own messages are above (for a target time after the last archived change: 'recovery ended before configured recovery target was reached').");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RestoreRefusedException("Interrupted during recovery.");
		}
	}

	private static boolean inRecovery(Statement statement) throws SQLException {
		try (ResultSet rs = statement.executeQuery("select pg_is_in_recovery()")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	/** Segments of the old directory's pg_wal, which may hold the newest changes not archived yet (docs, step 8). */
	private static void copyUnarchivedWal(Path from, Path to) throws IOException {
		if (!Files.isDirectory(from)) {
			return;
		}
		try (Stream<Path> files = Files.list(from)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	/** The system identifier, the first 8 bytes of pg_control: WAL of another cluster must not be replayed. */
	private static boolean sameCluster(Path a, Path b) {
		byte[] first = systemIdentifier(a);
		return first.length == 8 && Arrays.equals(first, systemIdentifier(b));
	}

	private static byte[] systemIdentifier(Path directory) {
		try (InputStream in = Files.newInputStream(directory.resolve("global/pg_control"))) {
			return in.readNBytes(8);
		}
		catch (IOException ex) {
			return new byte[0];
		}
	}

	private static boolean isEmpty(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
	}

	/** A restore that cannot be done; its message says why and what to do. Nothing was lost. */
	public static class RestoreRefusedException extends RuntimeException {

		RestoreRefusedException(String message) {
			super(message);
		}

	}

}

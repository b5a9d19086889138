package cn.qualityportal.system.database;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries packaged as a Maven artifact (zonky), so the
 * portal needs nothing installed. In the persistent mode its data directory survives restarts
 * and crashes: fsync and synchronous commit stay on, a postgres left running by a killed portal
 * is stopped before the next start, and a second portal on the same directory is refused.
 */
public final class EmbeddedDatabase implements Closeable {

	/** The PostgreSQL major version of the packaged binaries; a data directory of another one cannot be opened. */
	static final String MAJOR_VERSION = "18";

	static final String DATABASE = "portal";

	static final String USER = "postgres";

	/** zonky's own lock file in the data directory; we take the same lock to tell a live owner from an orphan. */
	private static final String LOCK_FILE = "epg-lock";

	/** Long enough for crash recovery to replay a large WAL; a damaged directory takes this long to be reported. */
	private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	/** Replaced when the supervisor starts the server again after it died. */
	private volatile EmbeddedPostgres postgres;

	/** How to start the same server again: same directory, port and settings; null for an ephemeral one. */
	private final EmbeddedPostgres.Builder restartBuilder;

	private final Path directory;

	private final Path walArchive;

	private EmbeddedDatabase(EmbeddedPostgres postgres, EmbeddedPostgres.Builder restartBuilder, Path directory,
			Path walArchive) {
		this.postgres = postgres;
		this.restartBuilder = restartBuilder;
		this.directory = directory;
		this.walArchive = walArchive;
	}

	/** A durable server on {@code directory}: the portal's normal zero-setup mode. */
	public static EmbeddedDatabase startPersistent(Path directory, int port) {
		return startPersistent(directory, port, (PgBinaryResolver) null);
	}

	static EmbeddedDatabase startPersistent(Path directory, int port, PgBinaryResolver binaries) {
		return startPersistent(directory, port, binaries, STARTUP_WAIT);
	}

	static EmbeddedDatabase startPersistent(Path directory, int port, PgBinaryResolver binaries, Duration startupWait) {
		return startPersistent(directory, port, binaries, startupWait, null);
	}

	/**
	 * As {@link #startPersistent(Path, int)}, with continuous WAL archiving into {@code walArchive}
	 * (PostgreSQL's own mechanism, the basis of point-in-time recovery); null: no archiving.
	 */
	public static EmbeddedDatabase startPersistent(Path directory, int port, Path walArchive) {
		return startPersistent(directory, port, null, STARTUP_WAIT, walArchive);
	}

	static EmbeddedDatabase startPersistent(Path directory, int port, PgBinaryResolver binaries, Duration startupWait,
			Path walArchive) {
		checkDataDirectory(directory);
		if (Files.exists(directory.resolve("postgresql.conf"))) {
			stopOrphanedServer(directory);
		}
		else {
			log.info("Creating a new PostgreSQL database in {}", directory);
		}
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("max_connections", "100");
		if (walArchive != null) {
			createDirectories(walArchive);
			// archive_mode needs a server start; the command itself is set after start (ALTER SYSTEM),
			// because zonky passes -c options through a shell that would split a command with spaces.
			builder.setServerConfig("archive_mode", "on");
			builder.setServerConfig("archive_timeout", String.valueOf(ARCHIVE_TIMEOUT.toSeconds()));
		}
		return start(builder.setPGStartupWait(startupWait), port, binaries, directory, walArchive);
	}

	/** At most this much committed work is only in the data directory and not yet in the WAL archive. */
	static final Duration ARCHIVE_TIMEOUT = Duration.ofMinutes(5);

	/** A throw-away server in a temporary directory, without fsync: for tests only. */
	public static EmbeddedDatabase startEphemeral() {
		return start(EmbeddedPostgres.builder().setServerConfig("max_connections", "100").setPGStartupWait(STARTUP_WAIT), 0,
				null, null, null);
	}

	static EmbeddedDatabase startEphemeral(PgBinaryResolver binaries) {
		return start(EmbeddedPostgres.builder().setPGStartupWait(STARTUP_WAIT), 0, binaries, null, null);
	}

	private static EmbeddedDatabase start(EmbeddedPostgres.Builder builder, int port, PgBinaryResolver binaries,
			Path directory, Path walArchive) {
		builder.setPort(port).setServerConfig("timezone", "UTC");
		if (binaries != null) {
			builder.setPgBinaryResolver(binaries);
		}
		EmbeddedPostgres postgres;
		try {
			postgres = startWatched(builder, directory);
		}
		catch (IllegalStateException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith("could not lock")) {
				throw anotherInstance(directory);
			}
			throw couldNotStart(directory, ex);
		}
		catch (IOException | RuntimeException ex) {
			throw couldNotStart(directory, ex);
		}
		// A restart must come back on the same port: the connection pool keeps its URL.
		builder.setPort(postgres.getPort());
		EmbeddedDatabase database = new EmbeddedDatabase(postgres, directory == null ? null : builder, directory, walArchive);
		database.createPortalDatabaseIfMissing();
		database.configureArchiving();
		log.info("Embedded PostgreSQL {} is ready on localhost:{}{}", MAJOR_VERSION, postgres.getPort(),
				directory == null ? " (ephemeral)" : ", data in " + directory);
		return database;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
	}

	public String username() {
		return USER;
	}

	public int port() {
		return postgres.getPort();
	}

	/** The data directory; null for an ephemeral server. */
	public Path directory() {
		return directory;
	}

	/** Where finished WAL segments are copied; null without archiving. */
	public Path walArchive() {
		return walArchive;
	}

	/** The postmaster's process id from {@code postmaster.pid}, while it has one. */
	public Optional<Long> postmasterPid() {
		return directory == null ? Optional.empty() : postmasterPid(directory);
	}

	/** Whether the postmaster still runs; false after it died (kill -9, the out-of-memory killer …). */
	public boolean isRunning() {
		return postmasterPid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
	}

	/**
	 * Starts the server again on the same directory and port after it died: PostgreSQL's own crash
	 * recovery replays the WAL, so every committed transaction is back. Only for a persistent server.
	 */
	public synchronized void restart() {
		if (restartBuilder == null) {
			throw new IllegalStateException("only a persistent embedded database can be restarted");
		}
		try {
			// Releases zonky's lock on the directory; stopping the dead server itself fails, harmlessly.
			postgres.close();
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Closing the dead server: {}", ex.getMessage());
		}
		try {
			postgres = startWatched(restartBuilder, directory);
		}
		catch (IOException | RuntimeException ex) {
			throw couldNotStart(directory, ex);
		}
		configureArchiving();
		log.info("Embedded PostgreSQL {} is running again on localhost:{}, data in {}", MAJOR_VERSION, postgres.getPort(),
				directory);
	}

	/**
	 * zonky waits its whole startup time even when PostgreSQL has already given up (a damaged
	 * directory, a failed recovery); it stops waiting when interrupted. So a watchdog interrupts the
	 * start once no postmaster runs on the directory any more, and the failure is reported at once.
	 */
	private static EmbeddedPostgres startWatched(EmbeddedPostgres.Builder builder, Path directory) throws IOException {
		if (directory == null) {
			return builder.start();
		}
		Thread starter = Thread.currentThread();
		AtomicBoolean gaveUp = new AtomicBoolean();
		AtomicBoolean done = new AtomicBoolean();
		long since = System.nanoTime();
		// A new directory is first made by initdb, which has no postmaster: judged only once one ran.
		boolean existing = Files.exists(directory.resolve("postgresql.conf"));
		Thread watchdog = new Thread(() -> {
			boolean seen = false;
			while (!done.get()) {
				boolean alive = postmasterPid(directory).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
				seen |= alive;
				boolean grace = System.nanoTime() - since < STARTUP_GRACE.toNanos();
				if (!alive && (seen || (existing && !grace))) {
					gaveUp.set(true);
					starter.interrupt();
					return;
				}
				try {
					Thread.sleep(250);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "postgres-start-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		EmbeddedPostgres postgres;
		try {
			postgres = builder.start();
		}
		finally {
			done.set(true);
			watchdog.interrupt();
			try {
				watchdog.join();
			}
			catch (InterruptedException ignored) {
				// cleared below
			}
			Thread.interrupted();
		}
		if (gaveUp.get()) {
			try {
				postgres.close();
			}
			catch (IOException | RuntimeException ignored) {
				// releases the directory lock; the server is not running
			}
			throw new IOException("PostgreSQL stopped while starting; its own messages are in the log above");
		}
		return postgres;
	}

	/** How long pg_ctl may take to write postmaster.pid before a start without one counts as failed. */
	private static final Duration STARTUP_GRACE = Duration.ofSeconds(5);

	/** A connection to the server's {@code postgres} database, as its superuser (backups, recovery checks). */
	Connection adminConnection() throws SQLException {
		return postgres.getPostgresDatabase().getConnection();
	}

	/**
	 * Copies each finished WAL segment into the archive: first into a temporary name, then renamed,
	 * so a crash mid-copy never leaves a short segment that looks complete. A segment archived
	 * already with the same content is fine (after a crash PostgreSQL may archive one again);
	 * different content is refused, as PostgreSQL's documentation asks.
	 */
	private void configureArchiving() {
		if (walArchive == null) {
			return;
		}
		String archive = walArchive.toAbsolutePath().toString().replace("'", "'\\''");
		String command = "if [ -f '" + archive + "/%f' ]; then cmp -s %p '" + archive + "/%f'; else cp %p '" + archive
				+ "/%f.tmp' && mv '" + archive + "/%f.tmp' '" + archive + "/%f'; fi";
		try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
			statement.execute("alter system set archive_command = '" + command.replace("'", "''") + "'");
			statement.execute("select pg_reload_conf()");
		}
		catch (SQLException ex) {
			throw new EmbeddedDatabaseException("Could not turn on WAL archiving into " + walArchive + ": " + ex.getMessage(),
					"Check the log above for PostgreSQL's own message.", ex);
		}
	}

	@Override
	public void close() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
	}

	private void createPortalDatabaseIfMissing() {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
		}
		catch (SQLException ex) {
			close();
			throw new EmbeddedDatabaseException("The embedded PostgreSQL started but the database '" + DATABASE
					+ "' could not be created: " + ex.getMessage(), "Check the log above for PostgreSQL's own message.", ex);
		}
	}

	/** Refuses directories PostgreSQL would misread: not a data directory, or one of another major version. */
	private static void checkDataDirectory(Path directory) {
		if (Files.exists(directory) && !Files.isDirectory(directory)) {
			throw new EmbeddedDatabaseException(directory + " is a file, not a directory.",
					"Point PORTAL_DATA_DIR at a directory the portal may use for its data.");
		}
		if (!Files.isDirectory(directory) || isEmpty(directory)) {
			return;
		}
		Path versionFile = directory.resolve("PG_VERSION");
		if (!Files.exists(versionFile) || !Files.exists(directory.resolve("postgresql.conf"))) {
			throw new EmbeddedDatabaseException(
					directory + " is not empty but is not a PostgreSQL data directory (PG_VERSION or postgresql.conf is missing); it may be damaged.",
					"Restore the directory from a backup (see db/README.md), or move it away to start with an empty database. Nothing was changed.");
		}
		String version = read(versionFile).trim();
		if (!MAJOR_VERSION.equals(version)) {
			throw new EmbeddedDatabaseException(
					directory + " was created by PostgreSQL " + version + "; this portal runs PostgreSQL " + MAJOR_VERSION + ".",
					"Take a dump with PostgreSQL " + version + "'s pg_dump and restore it into a new data directory (db/README.md). Nothing was changed.");
		}
	}

	/**
	 * After a kill -9 of the portal its postgres keeps running and owns the directory. The lock
	 * that zonky holds while a portal lives tells the two cases apart: if we can take it, no portal
	 * owns the server, so we stop it (a smart shutdown; WAL makes it safe) and start our own.
	 */
	private static void stopOrphanedServer(Path directory) {
		Path lockFile = directory.resolve(LOCK_FILE);
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				throw anotherInstance(directory);
			}
			try {
				postmasterPid(directory).flatMap(ProcessHandle::of)
					.filter(ProcessHandle::isAlive)
					.filter(EmbeddedDatabase::isPostgres)
					.ifPresent(orphan -> stop(orphan, directory));
			}
			finally {
				lock.release();
			}
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseException("Cannot open " + lockFile + ": " + ex.getMessage(),
					"Check that the portal may write to its data directory (PORTAL_DATA_DIR).", ex);
		}
	}

	private static void stop(ProcessHandle orphan, Path directory) {
		log.warn("PostgreSQL (pid {}) was left running on {} by a portal that ended abruptly; stopping it before starting again",
				orphan.pid(), directory);
		orphan.destroy();
		try {
			orphan.onExit().get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new EmbeddedDatabaseException("PostgreSQL process " + orphan.pid() + " left running on " + directory
					+ " did not stop within 60 seconds.", "Stop that process (kill " + orphan.pid() + ") and start the portal again.");
		}
	}

	static Optional<Long> postmasterPid(Path directory) {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = read(pidFile).lines().toList();
		try {
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
	}

	private static EmbeddedDatabaseException anotherInstance(Path directory) {
		return new EmbeddedDatabaseException("Another running portal is using the database in " + directory + ".",
				"Stop the other portal first, or give this one its own PORTAL_DATA_DIR.");
	}

	private static EmbeddedDatabaseException couldNotStart(Path directory, Exception cause) {
		String where = directory == null ? "a temporary directory" : directory.toString();
		return new EmbeddedDatabaseException("The embedded PostgreSQL could not start from " + where + ": " + cause.getMessage(),
				"Read PostgreSQL's own messages in the log above. If the data directory is damaged, restore it from a backup (db/README.md).",
				cause);
	}

	private static void createDirectories(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseException("Cannot create " + directory + ": " + ex.getMessage(),
					"Check that the portal may write there (PORTAL_BACKUP_DIR, PORTAL_DATA_DIR).", ex);
		}
	}

	private static boolean isEmpty(Path directory) {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			return "";
		}
	}

}

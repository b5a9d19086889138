package cn.qualityportal.system.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base backups of the embedded PostgreSQL by its documented low-level API ("Making a Base Backup
 * Using the Low Level API"): {@code pg_backup_start}, a copy of the data directory the portal
 * owns, {@code pg_backup_stop}, whose backup label goes into the copy. Together with the WAL
 * archive the server fills continuously, such a copy restores to any moment after it was taken
 * ({@link Restore}). Each backup is written under a temporary name and renamed when complete,
 * so a failed or interrupted one never looks usable.
 */
public final class BaseBackups {

	static final String BASE = "base";

	static final String WAL = "wal";

	/** Written into each finished backup: when it ended, for listing and retention. */
	static final String FINISHED_FILE = "portal-backup-finished";

	private static final String PARTIAL = ".partial";

	private static final DateTimeFormatter NAMES = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

	/** Not copied, as the documentation lists: rebuilt by PostgreSQL, or belonging to the running server. */
	private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
			"backup_label", "tablespace_map", "pg_internal.init", "recovery.signal", "standby.signal");

	/** Directories copied empty: their contents are temporary or come from the WAL archive. */
	private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_dynshmem", "pg_notify", "pg_serial",
			"pg_snapshots", "pg_stat_tmp", "pg_subtrans", "pg_replslot");

	private static final Pattern START_WAL = Pattern.compile("START WAL LOCATION: \\S+ \\(file ([0-9A-F]{24})\\)");

	private static final Pattern SEGMENT = Pattern.compile("[0-9A-F]{24}(\\.partial)?");

	private static final Logger log = LoggerFactory.getLogger(BaseBackups.class);

	/** How long pg_backup_stop may wait for the backup's WAL to reach the archive. */
	static final Duration ARCHIVE_WAIT = Duration.ofMinutes(10);

	private final Path directory;

	private final Clock clock;

	/** @param directory the backup directory: base backups in {@code base/}, the WAL archive in {@code wal/} */
	public BaseBackups(Path directory, Clock clock) {
		this.directory = directory.toAbsolutePath().normalize();
		this.clock = clock;
	}

	/** A finished base backup. */
	public record Backup(String name, Path path, Instant finished, long sizeBytes) {
	}

	Path baseDirectory() {
		return directory.resolve(BASE);
	}

	Path walArchive() {
		return directory.resolve(WAL);
	}

	/** Takes a base backup of the running {@code database}; on failure nothing is left behind. */
	public Backup take(EmbeddedDatabase database) {
		Instant started = clock.instant();
		String name = NAMES.format(started);
		Path target = baseDirectory().resolve(name);
		for (int i = 2; Files.exists(target) || Files.exists(partial(target)); i++) {
			target = baseDirectory().resolve(name + "-" + i);
		}
		Path partial = partial(target);
		try (Connection connection = database.adminConnection()) {
			Files.createDirectories(partial);
			try (PreparedStatement start = connection.prepareStatement("select pg_backup_start(?, true)")) {
				start.setString(1, "portal " + target.getFileName());
				start.execute();
			}
			copy(database.directory(), partial);
			// Waits until the WAL the backup needs is in the archive, so the backup is complete when this returns.
			try (Statement stop = connection.createStatement()) {
				// An archive that keeps failing (its disk full) would make pg_backup_stop wait for ever.
				stop.execute("set statement_timeout = '" + ARCHIVE_WAIT.toSeconds() + "s'");
				ResultSet rs = stop.executeQuery("select labelfile, spcmapfile from pg_backup_stop(true)");
				rs.next();
				Files.writeString(partial.resolve("backup_label"), rs.getString(1), StandardCharsets.UTF_8);
				String tablespaces = rs.getString(2);
				if (tablespaces != null && !tablespaces.isEmpty()) {
					Files.writeString(partial.resolve("tablespace_map"), tablespaces, StandardCharsets.UTF_8);
				}
			}
			Instant finished = clock.instant();
			Files.writeString(partial.resolve(FINISHED_FILE), finished.toString(), StandardCharsets.UTF_8);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			return new Backup(target.getFileName().toString(), target, finished, size(target));
		}
		catch (IOException | SQLException | RuntimeException ex) {
			// Ending the session aborts a backup that pg_backup_stop did not end.
			deleteQuietly(partial);
			throw new BackupFailedException("The base backup into " + target + " failed: " + ex.getMessage(), ex);
		}
	}

	/** Finished base backups, newest first. */
	public List<Backup> list() {
		if (!Files.isDirectory(baseDirectory())) {
			return List.of();
		}
		List<Backup> backups = new ArrayList<>();
		try (Stream<Path> entries = Files.list(baseDirectory())) {
			for (Path path : entries.filter(Files::isDirectory).toList()) {
				Path finished = path.resolve(FINISHED_FILE);
				if (!path.getFileName().toString().endsWith(PARTIAL) && Files.exists(finished)) {
					backups.add(new Backup(path.getFileName().toString(), path,
							Instant.parse(Files.readString(finished, StandardCharsets.UTF_8).strip()), -1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		backups.sort(Comparator.comparing(Backup::finished).reversed());
		return backups;
	}

	public Optional<Backup> find(String name) {
		return list().stream().filter(backup -> backup.name().equals(name)).findFirst();
	}

	/**
	 * Deletes base backups older than {@code retention}, always keeping the newest, and then the
	 * archived WAL older than the oldest backup kept (what pg_archivecleanup does): nothing a
	 * kept backup needs for recovery is removed. Also removes leftovers of interrupted backups.
	 * Returns the names of the backups deleted.
	 */
	public List<String> prune(Duration retention) {
		List<Backup> backups = list();
		Instant limit = clock.instant().minus(retention);
		List<String> deleted = new ArrayList<>();
		for (int i = 1; i < backups.size(); i++) {
			if (backups.get(i).finished().isBefore(limit)) {
				deleteQuietly(backups.get(i).path());
				deleted.add(backups.get(i).name());
			}
		}
		deletePartials();
		List<Backup> kept = list();
		if (!kept.isEmpty()) {
			startSegment(kept.get(kept.size() - 1).path()).ifPresent(this::deleteWalBefore);
		}
		if (!deleted.isEmpty()) {
			log.info("Deleted base backups older than {}: {}", retention, deleted);
		}
		return deleted;
	}

	/** Bytes in the WAL archive. */
	public long walArchiveSize() {
		return Files.isDirectory(walArchive()) ? size(walArchive()) : 0;
	}

	static long size(Path root) {
		long[] total = { 0 };
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					total[0] += attributes.size();
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return total[0];
	}

	static Optional<String> startSegment(Path backup) {
		try {
			Matcher matcher = START_WAL.matcher(Files.readString(backup.resolve("backup_label"), StandardCharsets.UTF_8));
			return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/** Compares log and segment numbers only, as pg_archivecleanup does: timeline history files stay. */
	private void deleteWalBefore(String oldestNeeded) {
		if (!Files.isDirectory(walArchive())) {
			return;
		}
		try (Stream<Path> files = Files.list(walArchive())) {
			files.filter(file -> SEGMENT.matcher(file.getFileName().toString()).matches())
				.filter(file -> file.getFileName().toString().substring(8, 24).compareTo(oldestNeeded.substring(8)) < 0)
				.forEach(BaseBackups::deleteQuietly);
		}
		catch (IOException ex) {
			log.warn("Could not clean the WAL archive {}: {}", walArchive(), ex.getMessage());
		}
	}

	private void deletePartials() {
		try (Stream<Path> entries = Files.list(baseDirectory())) {
			entries.filter(path -> path.getFileName().toString().endsWith(PARTIAL)).forEach(BaseBackups::deleteQuietly);
		}
		catch (IOException ex) {
			log.warn("Could not list {}: {}", baseDirectory(), ex.getMessage());
		}
	}

	private static Path partial(Path target) {
		return target.resolveSibling(target.getFileName() + PARTIAL);
	}

	/** Copies a live data directory: files that vanish meanwhile are fine (WAL replay makes the copy consistent). */
	static void copy(Path source, Path target) throws IOException {
		copy(source, target, true);
	}

	/**
	 * @param live the running server's directory, of which the documented exclusions are left out; false
	 * for a finished backup, copied whole (its backup_label above all)
	 */
	static void copy(Path source, Path target, boolean live) throws IOException {
		Files.walkFileTree(source, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
				Path relative = source.relativize(dir);
				Path copy = Files.createDirectories(target.resolve(relative.toString()));
				// PostgreSQL refuses a data directory others may read (0700 or 0750).
				Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(dir));
				if (live && relative.getNameCount() == 1 && EMPTIED_DIRECTORIES.contains(relative.toString())) {
					if (relative.toString().equals("pg_wal")) {
						Files.createDirectories(target.resolve("pg_wal/archive_status"));
					}
					return FileVisitResult.SKIP_SUBTREE;
				}
				if (relative.getNameCount() > 0 && relative.getFileName().toString().startsWith("pgsql_tmp")) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Path relative = source.relativize(file);
				String name = file.getFileName().toString();
				if (live && (SKIPPED_FILES.contains(name) || name.startsWith("pgsql_tmp"))) {
					return FileVisitResult.CONTINUE;
				}
				try {
					Files.copy(file, target.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES);
				}
				catch (NoSuchFileException vanished) {
					// dropped meanwhile; the WAL replayed at restore knows
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
				if (ex instanceof NoSuchFileException) {
					return FileVisitResult.CONTINUE;
				}
				throw ex;
			}
		});
	}

	static void deleteQuietly(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", root, ex.getMessage());
		}
	}

	/** A base backup that failed; its message says where and why, for the log and the administrator. */
	public static class BackupFailedException extends RuntimeException {

		BackupFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}

package cn.qualityportal.system.database;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar portal.jar restore …}: restores a base backup of the embedded database,
 * optionally to a point in time, with the portal stopped. Runs without Spring, reading the same
 * settings from the environment as the portal does ({@code PORTAL_DATA_DIR}, {@code PORTAL_BACKUP_DIR}).
 */
public final class RestoreCommand {

	static final String USAGE = """
			Usage: java -jar portal.jar restore --list
			       java -jar portal.jar restore --backup NAME|latest [--target-time TIME]
			Options:
			  --backup NAME        a base backup (its name on the portal's backup page), or latest
			  --target-time TIME   replay the archived WAL up to this time, e.g. 2026-11-30T08:15:00+08:00
			                       or '2026-11-30 08:15:00' (this machine's time zone); default: to the end
			  --data-dir DIR       default: PORTAL_DATA_DIR or ./data (the database is in DIR/postgres)
			  --backup-dir DIR     default: PORTAL_BACKUP_DIR or DATA_DIR/backups
			Stop the portal first: a running database is never overwritten. The current data directory is
			moved aside to DATA_DIR/postgres.before-restore-<time>, not deleted.""";

	private RestoreCommand() {
	}

	/** The exit code: 0 restored or listed, 1 refused or failed, 2 wrong usage. */
	public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
		quietLibraries();
		String backup = null;
		String target = null;
		boolean list = false;
		Path dataDir = Path.of(environment.getOrDefault("PORTAL_DATA_DIR", "./data"));
		String backupDir = environment.get("PORTAL_BACKUP_DIR");
		try {
			for (int i = 1; i < args.length; i++) {
				switch (args[i]) {
					case "--backup" -> backup = args[++i];
					case "--target-time" -> target = args[++i];
					case "--data-dir" -> dataDir = Path.of(args[++i]);
					case "--backup-dir" -> backupDir = args[++i];
					case "--list" -> list = true;
					case "--help", "-h" -> {
						out.println(USAGE);
						return 0;
					}
					default -> throw new IllegalArgumentException("unknown option " + args[i]);
				}
			}
		}
		catch (ArrayIndexOutOfBoundsException | IllegalArgumentException ex) {
			err.println("restore: " + (ex instanceof IllegalArgumentException ? ex.getMessage() : "an option lacks its value"));
			err.println(USAGE);
			return 2;
		}
		Path backups = backupDir == null || backupDir.isBlank() ? dataDir.resolve("backups") : Path.of(backupDir);
		BaseBackups base = new BaseBackups(backups, Clock.systemUTC());
		if (list) {
			out.println("Base backups in " + base.baseDirectory() + " (newest first; each restores to any time after it ended):");
			base.list().forEach(b -> out.println("  " + b.name() + "  ended " + b.finished()));
			return 0;
		}
		if (backup == null) {
			err.println("restore: --backup is required");
			err.println(USAGE);
			return 2;
		}
		try {
			Instant targetTime = target == null ? null : Restore.parseTargetTime(target, ZoneId.systemDefault());
			Path postgres = dataDir.toAbsolutePath().normalize().resolve("postgres");
			Restore.Outcome outcome = new Restore(postgres, base, Clock.systemUTC()).restore(backup, targetTime);
			out.println("Restored base backup " + outcome.backup() + " into " + postgres
					+ (targetTime == null ? ", replaying all archived WAL" : ", up to " + targetTime) + ".");
			if (outcome.movedAside() != null) {
				out.println("The previous data directory is kept in " + outcome.movedAside() + "; delete it once the restored data are checked.");
			}
			out.println("Start the portal as usual. Take a new base backup soon (Back up now on the backup page).");
			return 0;
		}
		catch (Restore.RestoreRefusedException ex) {
			err.println("restore: " + ex.getMessage());
			return 1;
		}
	}

	/** Without Spring Boot's logging set-up, logback would print every library's debug lines. */
	private static void quietLibraries() {
		if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
			root.setLevel(Level.WARN);
		}
		if (LoggerFactory.getLogger("io.zonky.test.db.postgres") instanceof Logger zonky) {
			// PostgreSQL's own recovery messages ("recovery stopping before commit …") come through zonky.
			zonky.setLevel(Level.INFO);
		}
		if (LoggerFactory.getLogger("cn.qualityportal") instanceof Logger portal) {
			portal.setLevel(Level.INFO);
		}
	}

}

package cn.qualityportal.system.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.qualityportal.audit.AuditTrail;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded database's backups as the portal runs them: a base backup when the last good one
 * is older than the interval (checked every minute) or when the administrator asks, one at a time
 * across instances (a ShedLock row), each recorded in {@code database_backup} with its size, time
 * and result; old backups are pruned by the retention. Also watches free disk space.
 */
public class DatabaseBackupService {

	/** Taken by scheduled and manual backups alike, so two never run at once. */
	static final String LOCK = "database-backup";

	/** After a failed scheduled backup, the next try waits this long (or the interval, if shorter). */
	static final Duration RETRY_AFTER_FAILURE = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(DatabaseBackupService.class);

	private final EmbeddedDatabase database;

	private final BaseBackups backups;

	private final BackupProperties properties;

	private final JdbcClient jdbc;

	private final LockingTaskExecutor locks;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DatabaseBackupService(EmbeddedDatabase database, BackupProperties properties, JdbcClient jdbc, LockProvider lockProvider,
			AuditTrail audit, TransactionTemplate transactions, Clock clock) {
		this.database = database;
		this.backups = new BaseBackups(properties.directory(), clock);
		this.properties = properties;
		this.jdbc = jdbc;
		this.locks = new DefaultLockingTaskExecutor(lockProvider);
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** One row of the backup history. */
	public record BackupRecord(long id, String name, String trigger, String requestedBy, OffsetDateTime startedAt,
			OffsetDateTime finishedAt, String status, Long sizeBytes, String message) {
	}

	/** Free space of a disk the portal writes to. */
	public record DiskSpace(String role, Path path, long usableBytes, long totalBytes, boolean low) {
	}

	/** The outcome of a request to back up now. */
	public enum Outcome {

		SUCCEEDED, FAILED, ALREADY_RUNNING

	}

	@Scheduled(fixedDelayString = "${portal.backup.check-every:PT1M}", initialDelayString = "${portal.backup.first-check-after:PT1M}")
	public void scheduled() {
		warnWhenDiskLow();
		if (isDue()) {
			run("SCHEDULED", null);
		}
	}

	/** A base backup now, for the administrator; recorded in the audit trail. */
	public Outcome backUpNow(String user) {
		transactions.executeWithoutResult(status -> audit.record(user, "database_backup", null, "BACKUP_REQUESTED", null,
				Map.of("directory", properties.directory().toAbsolutePath().normalize().toString()), null));
		return run("MANUAL", user);
	}

	boolean isDue() {
		Instant now = clock.instant();
		Instant lastGood = jdbc.sql("select max(started_at) from database_backup where status = 'SUCCEEDED'")
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant)
			.orElse(null);
		Instant lastFailed = jdbc.sql("select max(started_at) from database_backup where status = 'FAILED'")
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant)
			.orElse(null);
		Duration retry = properties.interval().compareTo(RETRY_AFTER_FAILURE) < 0 ? properties.interval() : RETRY_AFTER_FAILURE;
		boolean stale = lastGood == null || !lastGood.isAfter(now.minus(properties.interval()));
		boolean waitingAfterFailure = lastFailed != null && (lastGood == null || lastFailed.isAfter(lastGood))
				&& lastFailed.isAfter(now.minus(retry));
		return stale && !waitingAfterFailure;
	}

	private Outcome run(String trigger, String user) {
		try {
			LockingTaskExecutor.TaskResult<Outcome> result = locks.executeWithLock(() -> backUp(trigger, user),
					new LockConfiguration(clock.instant(), LOCK, Duration.ofHours(6), Duration.ZERO));
			return result.wasExecuted() ? result.getResult() : Outcome.ALREADY_RUNNING;
		}
		catch (Throwable ex) {
			log.error("The database backup could not run: {}", ex.getMessage(), ex);
			return Outcome.FAILED;
		}
	}

	private Outcome backUp(String trigger, String user) {
		long id = jdbc.sql("insert into database_backup (trigger, requested_by, status) values (?, ?, 'RUNNING') returning id")
			.params(trigger, user)
			.query(Long.class)
			.single();
		try {
			BaseBackups.Backup backup = backups.take(database);
			jdbc.sql("""
					update database_backup set name = ?, status = 'SUCCEEDED', finished_at = now(), size_bytes = ?
					where id = ?""").params(backup.name(), backup.sizeBytes(), id).update();
			log.info("Base backup {} taken: {} bytes in {}", backup.name(), backup.sizeBytes(), backup.path());
			backups.prune(properties.retention());
			return Outcome.SUCCEEDED;
		}
		catch (RuntimeException ex) {
			String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
			log.error("Database backup failed: {}", message);
			jdbc.sql("update database_backup set status = 'FAILED', finished_at = now(), message = ? where id = ?")
				.params(message.length() > 2000 ? message.substring(0, 2000) : message, id)
				.update();
			return Outcome.FAILED;
		}
	}

	public List<BackupRecord> recent(int limit) {
		return jdbc.sql("""
				select id, name, trigger, requested_by, started_at, finished_at, status, size_bytes, message
				from database_backup order by started_at desc, id desc limit ?""")
			.param(limit)
			.query(BackupRecord.class)
			.list();
	}

	/** The newest backup that ended, or null: failed or succeeded. */
	public BackupRecord lastFinished() {
		return jdbc.sql("""
				select id, name, trigger, requested_by, started_at, finished_at, status, size_bytes, message
				from database_backup where status <> 'RUNNING' order by started_at desc, id desc limit 1""")
			.query(BackupRecord.class)
			.optional()
			.orElse(null);
	}

	/** No good backup for longer than twice the interval (or none at all after a day of running). */
	public boolean overdue() {
		Instant lastGood = jdbc.sql("select max(started_at) from database_backup where status = 'SUCCEEDED'")
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant)
			.orElse(null);
		return lastGood != null && lastGood.isBefore(clock.instant().minus(properties.interval().multipliedBy(2)));
	}

	public List<DiskSpace> disks() {
		List<DiskSpace> disks = new ArrayList<>();
		disks.add(disk("data", database.directory()));
		disks.add(disk("backup", properties.directory().toAbsolutePath().normalize()));
		return disks;
	}

	public Path directory() {
		return properties.directory().toAbsolutePath().normalize();
	}

	public long walArchiveSize() {
		return backups.walArchiveSize();
	}

	public BackupProperties properties() {
		return properties;
	}

	private DiskSpace disk(String role, Path path) {
		Path existing = path;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		try {
			var store = Files.getFileStore(existing == null ? Path.of(".") : existing);
			long usable = store.getUsableSpace();
			return new DiskSpace(role, path, usable, store.getTotalSpace(), usable < properties.diskLowThreshold().toBytes());
		}
		catch (IOException ex) {
			return new DiskSpace(role, path, 0, 0, true);
		}
	}

	private void warnWhenDiskLow() {
		for (DiskSpace disk : disks()) {
			if (disk.low()) {
				log.warn("Low disk space for the {} directory {}: {} MB free, below the warning threshold of {} MB (PORTAL_DISK_LOW_THRESHOLD)",
						disk.role(), disk.path(), disk.usableBytes() / 1_048_576, properties.diskLowThreshold().toMegabytes());
			}
		}
	}

}

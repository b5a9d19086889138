package cn.qualityportal.system.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The embedded database's own backups (ignored with an external database, which is backed up with
 * db/backup.sh or its provider's tools).
 *
 * @param enabled base backups and WAL archiving on; off only where another mechanism backs up the data directory
 * @param directory where base backups ({@code base/}) and the WAL archive ({@code wal/}) go
 * @param interval a scheduled base backup is taken when the last one is older than this
 * @param retention base backups older than this are deleted (the newest good one is always kept), with the WAL only they need
 * @param diskLowThreshold the administrator is warned when the data or backup disk has less free space than this
 */
@ConfigurationProperties("portal.backup")
record BackupProperties(@DefaultValue("true") boolean enabled, @DefaultValue("./data/backups") Path directory,
		@DefaultValue("24h") Duration interval, @DefaultValue("30d") Duration retention,
		@DefaultValue("2GB") DataSize diskLowThreshold) {

	Path baseDirectory() {
		return directory.toAbsolutePath().normalize().resolve(BaseBackups.BASE);
	}

	Path walArchive() {
		return directory.toAbsolutePath().normalize().resolve(BaseBackups.WAL);
	}

}

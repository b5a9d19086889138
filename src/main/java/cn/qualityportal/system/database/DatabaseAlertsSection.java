package cn.qualityportal.system.database;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import cn.qualityportal.system.HomePageSection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Alerts the system administrator on the home page, where an administrator lands: the last
 * backup failed, no good backup for twice the interval, or a disk the database or its backups
 * use is running low.
 */
@Component
class DatabaseAlertsSection implements HomePageSection {

	private final ObjectProvider<DatabaseBackupService> backups;

	DatabaseAlertsSection(ObjectProvider<DatabaseBackupService> backups) {
		this.backups = backups;
	}

	/** A message key with its argument (a path, a size), for the template. */
	record Alert(String key, Object argument) {
	}

	@Override
	public String template() {
		return "admin/backup-alerts";
	}

	@Override
	public Object model(Principal user) {
		DatabaseBackupService service = backups.getIfAvailable();
		if (service == null || !(user instanceof Authentication authentication)
				|| authentication.getAuthorities().stream().noneMatch(role -> role.getAuthority().equals("ROLE_ADMIN"))) {
			return null;
		}
		List<Alert> alerts = new ArrayList<>();
		DatabaseBackupService.BackupRecord last = service.lastFinished();
		if (last != null && last.status().equals("FAILED")) {
			alerts.add(new Alert("backups.alert.failed", last.message()));
		}
		if (service.overdue()) {
			alerts.add(new Alert("backups.alert.overdue", service.properties().interval().toHours()));
		}
		for (DatabaseBackupService.DiskSpace disk : service.disks()) {
			if (disk.low()) {
				alerts.add(new Alert("backups.alert.disk." + disk.role(), disk.usableBytes() / 1_048_576));
			}
		}
		return alerts.isEmpty() ? null : alerts;
	}

}

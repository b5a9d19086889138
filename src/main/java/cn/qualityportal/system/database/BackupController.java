package cn.qualityportal.system.database;

import java.security.Principal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system administrator's view of the embedded database's backups: each one with its time,
 * size and result, free disk space, and "back up now". With an external database or backups
 * turned off the page says how that database is backed up instead.
 */
@Controller
@RequestMapping("/admin/backups")
@PreAuthorize("hasRole('ADMIN')")
class BackupController {

	private final ObjectProvider<DatabaseBackupService> backups;

	BackupController(ObjectProvider<DatabaseBackupService> backups) {
		this.backups = backups;
	}

	@GetMapping
	String show(Model model) {
		DatabaseBackupService service = backups.getIfAvailable();
		model.addAttribute("enabled", service != null);
		if (service != null) {
			model.addAttribute("backups", service.recent(50));
			model.addAttribute("disks", service.disks());
			model.addAttribute("directory", service.directory());
			model.addAttribute("walSize", service.walArchiveSize());
			model.addAttribute("interval", service.properties().interval().toHours());
			model.addAttribute("retention", service.properties().retention().toDays());
			model.addAttribute("threshold", service.properties().diskLowThreshold().toMegabytes());
			model.addAttribute("overdue", service.overdue());
		}
		return "admin/backups";
	}

	@PostMapping
	String backUpNow(Principal user, RedirectAttributes redirect) {
		DatabaseBackupService service = backups.getIfAvailable();
		if (service == null) {
			redirect.addFlashAttribute("error", "backups.notEmbedded");
			return "redirect:/admin/backups";
		}
		switch (service.backUpNow(user.getName())) {
			case SUCCEEDED -> redirect.addFlashAttribute("success", "backups.done");
			case ALREADY_RUNNING -> redirect.addFlashAttribute("error", "backups.alreadyRunning");
			case FAILED -> redirect.addFlashAttribute("error", "backups.failed");
		}
		return "redirect:/admin/backups";
	}

}

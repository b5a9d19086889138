package cn.qualityportal.worklist;

import java.util.List;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.security.PortalUser;
import cn.qualityportal.system.Confirmation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's 催报 page: for an open period, the units in its scope that still owe figures, what
 * was sent to them, and 催报 of one unit or (after a confirmation) of all of them.
 */
@Controller
@RequestMapping("/reminders")
@PreAuthorize("hasRole('OFFICE')")
class ReminderController {

	private final Reminders reminders;

	ReminderController(Reminders reminders) {
		this.reminders = reminders;
	}

	@GetMapping
	String show(@RequestParam(required = false) Long period, DataScope scope, Model model) {
		List<Reminders.OpenPeriod> open = reminders.openPeriods();
		Reminders.OpenPeriod chosen = open.stream()
			.filter(p -> period == null || p.id() == period)
			.findFirst()
			.orElse(null);
		model.addAttribute("openPeriods", open);
		model.addAttribute("period", chosen);
		model.addAttribute("today", Reminders.today());
		model.addAttribute("units", chosen == null ? List.of() : reminders.outstanding(chosen.id(), scope));
		model.addAttribute("sent", chosen == null ? List.of() : reminders.sent(chosen.id(), scope));
		return "worklist/reminders";
	}

	@PostMapping("/{periodId}/units")
	String chase(@PathVariable long periodId, @RequestParam(defaultValue = "") String region,
			@RequestParam(defaultValue = "0") long department, DataScope scope, @AuthenticationPrincipal PortalUser user,
			RedirectAttributes redirect) {
		if (!region.matches("[0-9]{6}")) {
			throw new cn.qualityportal.system.Refusal(org.springframework.http.HttpStatus.NOT_FOUND, "error.404.detail");
		}
		Reminders.Sent sent = reminders.chase(periodId, region, department, user.getUsername(), scope, Reminders.today());
		return outcome(periodId, sent, redirect);
	}

	@PostMapping("/{periodId}/all")
	String chaseAll(@PathVariable long periodId,
			@RequestParam(name = Confirmation.PARAM, defaultValue = "false") boolean confirmed, DataScope scope,
			@AuthenticationPrincipal PortalUser user, Model model, RedirectAttributes redirect) {
		if (!confirmed) {
			int units = reminders.outstanding(periodId, scope).size();
			return Confirmation.show(model, "reminders.allTitle", "reminders.allConfirm", new Object[] { units },
					"/reminders/" + periodId + "/all", "/reminders?period=" + periodId);
		}
		return outcome(periodId, reminders.chaseAll(periodId, user.getUsername(), scope, Reminders.today()), redirect);
	}

	private static String outcome(long periodId, Reminders.Sent sent, RedirectAttributes redirect) {
		if (sent.reminders() == 0) {
			redirect.addFlashAttribute("error", "reminders.nothingSent");
		}
		else {
			redirect.addFlashAttribute("sentCount", sent.reminders());
			redirect.addFlashAttribute("notifiedCount", sent.notifications());
			redirect.addFlashAttribute("mailedCount", sent.mails());
		}
		return "redirect:/reminders?period=" + periodId;
	}

}

package cn.qualityportal.reporting;

import java.time.LocalDate;
import java.util.Map;

import cn.qualityportal.security.PortalUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office's page actions on periods, through the same rules as the API. */
@Controller
@RequestMapping("/reporting/periods")
@PreAuthorize("hasRole('OFFICE')")
class PeriodController {

	private final PeriodApiController periods;

	PeriodController(PeriodApiController periods) {
		this.periods = periods;
	}

	@PostMapping
	String open(@RequestParam Integer year, @RequestParam PeriodKind kind, @RequestParam(defaultValue = "0") Integer number,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@AuthenticationPrincipal PortalUser user, RedirectAttributes redirect) {
		return run(() -> periods.open(new PeriodApiController.PeriodInput(year, kind, number, dueOn), user), redirect);
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable long id, @AuthenticationPrincipal PortalUser user, RedirectAttributes redirect) {
		return run(() -> periods.close(id, user), redirect);
	}

	@PostMapping("/{id}/reopen")
	String reopen(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal PortalUser user, RedirectAttributes redirect) {
		return run(() -> periods.reopen(id, Map.of("reason", reason), user), redirect);
	}

	private static String run(Runnable action, RedirectAttributes redirect) {
		try {
			action.run();
			redirect.addFlashAttribute("success", "flash.saved");
		}
		catch (ReportingException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/reporting/periods";
	}

}

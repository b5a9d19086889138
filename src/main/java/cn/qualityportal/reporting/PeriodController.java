package cn.qualityportal.reporting;

import java.time.LocalDate;
import java.util.Map;

import cn.qualityportal.security.PortalUser;
import cn.qualityportal.system.Confirmation;
import cn.qualityportal.system.Refusal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's page actions on periods, through the same rules as the API. Periods are installation-wide
 * settings: only the office that owns them may act, and may be asked to confirm (a district's office is
 * refused before any confirmation page).
 */
@Controller
@RequestMapping("/reporting/periods")
@PreAuthorize("hasRole('OFFICE') and @installationSettings.ownedBy(authentication.name)")
class PeriodController {

	private final PeriodApiController periods;

	private final ReportingPeriodRepository repository;

	private final ReviewLevels reviewLevels;

	PeriodController(PeriodApiController periods, ReportingPeriodRepository repository, ReviewLevels reviewLevels) {
		this.reviewLevels = reviewLevels;
		this.periods = periods;
		this.repository = repository;
	}

	@PostMapping
	String open(@RequestParam Integer year, @RequestParam PeriodKind kind, @RequestParam(defaultValue = "0") Integer number,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@AuthenticationPrincipal PortalUser user, RedirectAttributes redirect) {
		return run(() -> periods.open(new PeriodApiController.PeriodInput(year, kind, number, dueOn), user), redirect);
	}

	/** Closing freezes the period's figures for everyone: asked first, done when confirmed. */
	@PostMapping("/{id}/close")
	String close(@PathVariable long id, @RequestParam(name = Confirmation.PARAM, defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal PortalUser user, Model model, RedirectAttributes redirect) {
		if (!confirmed) {
			ReportingPeriod period = repository.findById(id)
				.orElseThrow(() -> new Refusal.NotFound());
			String label = period.getYear() + (period.getNumber() > 0 ? " " + ValueView.periodLabel(period.getKind(), period.getNumber()) : "");
			return Confirmation.showReversible(model, "confirm.closePeriod.title", "confirm.closePeriod", new Object[] { label },
					"/reporting/periods/" + id + "/close", "/reporting/periods");
		}
		return run(() -> periods.close(id, user), redirect);
	}

	@PostMapping("/{id}/reopen")
	String reopen(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal PortalUser user, RedirectAttributes redirect) {
		return run(() -> periods.reopen(id, Map.of("reason", reason), user), redirect);
	}

	/**
	 * Two-level review (逐级审核) on from a year, or off: an installation-wide setting, so the owning
	 * office's alone (the class's method security), with the version the office saw; audited. When
	 * the change takes figures already approved out of the counts until they are accepted, or lets figures
	 * waiting for acceptance count without it, the office is told how many and asked first
	 * (docs/progress.md "Final figures").
	 */
	@PostMapping("/review-levels")
	String reviewLevels(@RequestParam(defaultValue = "false") boolean twoLevel, @RequestParam(required = false) Integer fromYear,
			@RequestParam(defaultValue = "-1") long version,
			@RequestParam(name = Confirmation.PARAM, defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal PortalUser user, Model model, RedirectAttributes redirect) {
		if (twoLevel && fromYear == null) {
			redirect.addFlashAttribute("error", "reporting.reviewLevels.badYear");
			return "redirect:/reporting/periods";
		}
		Integer from = twoLevel ? fromYear : null;
		if (!confirmed) {
			// Written as the year and count people read: no thousands separator in 2020.
			long stopCounting = from == null ? 0 : reviewLevels.approvedNoLongerFinal(from);
			if (stopCounting > 0) {
				return confirmReviewLevels(model, "confirm.twoLevelReview", from, version, String.valueOf(from),
						String.valueOf(stopCounting));
			}
			// The other way round: figures waiting for acceptance would count without anyone accepting them.
			long countAtOnce = reviewLevels.waitingThatWouldCountAtOnce(from);
			if (countAtOnce > 0) {
				return confirmReviewLevels(model, "confirm.reviewLevelsCountAtOnce", from, version, String.valueOf(countAtOnce));
			}
		}
		return run(() -> reviewLevels.change(from, version, user.getUsername()), redirect);
	}

	/** Asks before a change of review levels that changes what counts (reversible: it can be changed back). */
	private static String confirmReviewLevels(Model model, String messageKey, Integer from, long version, Object... args) {
		model.addAttribute("reversible", true);
		Confirmation confirmation = new Confirmation(messageKey + ".title", messageKey, args, "/reporting/periods/review-levels",
				new java.util.LinkedHashMap<>(), "/reporting/periods")
			.with("twoLevel", String.valueOf(from != null))
			.with("version", String.valueOf(version));
		return Confirmation.show(model, from == null ? confirmation : confirmation.with("fromYear", String.valueOf(from)));
	}

	private static String run(Runnable action, RedirectAttributes redirect) {
		try {
			action.run();
			redirect.addFlashAttribute("success", "flash.saved");
		}
		catch (Refusal ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/reporting/periods";
	}

}

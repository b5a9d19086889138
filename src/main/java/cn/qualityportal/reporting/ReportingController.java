package cn.qualityportal.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.security.PortalUser;
import cn.qualityportal.system.StaleForms;
import cn.qualityportal.reporting.Assignments.Assignment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reporting pages: the reporter's grid of the indicators their unit must report for a period
 * (saved as a whole, or submitted), and the reviewer's queue of submitted figures.
 */
@Controller
@RequestMapping("/reporting")
class ReportingController {

	private final ValueWorkflow workflow;

	private final ValueSearch search;

	private final ReportingPeriodRepository periods;

	private final Assignments assignments;

	private final Completeness completeness;

	ReportingController(ValueWorkflow workflow, ValueSearch search, ReportingPeriodRepository periods,
			Assignments assignments, Completeness completeness) {
		this.workflow = workflow;
		this.search = search;
		this.periods = periods;
		this.assignments = assignments;
		this.completeness = completeness;
	}

	record EntryLine(Assignment assignment, ValueView current, ValueView previous) {
	}

	@GetMapping
	@PreAuthorize("hasRole('REPORTER')")
	String showForm(@RequestParam(required = false) Long period, @AuthenticationPrincipal PortalUser user,
			DataScope scope, Model model) {
		List<ReportingPeriod> open = periods.findAllByOrderByYearDescKindAscNumberAsc()
			.stream()
			.filter(ReportingPeriod::isOpen)
			.toList();
		ReportingPeriod chosen = period == null ? open.stream().findFirst().orElse(null)
				: periods.findById(period).orElse(null);
		model.addAttribute("openPeriods", open);
		model.addAttribute("period", chosen);
		if (chosen == null || user.unit() == null) {
			model.addAttribute("lines", List.of());
			model.addAttribute("form", new EntryForm());
			return "reporting/entry";
		}
		List<EntryLine> lines = lines(chosen, user, scope);
		EntryForm form = new EntryForm();
		lines.forEach(line -> form.getRows().add(new EntryForm.Row(line.assignment().indicatorCode(), line.current())));
		model.addAttribute("lines", lines);
		model.addAttribute("form", form);
		return "reporting/entry";
	}

	/**
	 * Saves the grid as drafts and submits only what the reporter chose: the ticked rows
	 * ({@code action=submit}) or one row ({@code action=submit-<row>}); every other row is at most
	 * saved as a draft, never submitted. Rows already submitted or approved are left as they are.
	 */
	@PostMapping("/{periodId}")
	@PreAuthorize("hasRole('REPORTER')")
	String save(@PathVariable long periodId, @ModelAttribute("form") EntryForm form, BindingResult result,
			@RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal PortalUser user, DataScope scope,
			Model model, RedirectAttributes redirect) {
		ReportingPeriod period = periods.findById(periodId)
			.orElseThrow(() -> new ReportingException(org.springframework.http.HttpStatus.NOT_FOUND, "error.404.detail"));
		List<EntryForm.Row> posted = form.getRows();
		Set<Integer> chosen = chosen(action, posted);
		boolean submit = action.startsWith("submit");
		if (submit && chosen.isEmpty()) {
			result.reject("reporting.chooseRows");
			return reshow(period, user, scope, Set.of(), model);
		}
		// Rows already submitted or approved are shown read-only and left as they are.
		List<EntryLine> shown = lines(period, user, scope);
		Set<String> locked = shown.stream()
			.filter(line -> line.current() != null && !line.current().status().isEditable())
			.map(line -> line.assignment().indicatorCode())
			.collect(Collectors.toSet());
		// A stored figure whose fields were emptied goes to the workflow too, which asks to confirm deleting it.
		Set<String> stored = shown.stream()
			.filter(line -> line.current() != null)
			.map(line -> line.assignment().indicatorCode())
			.collect(Collectors.toSet());
		try {
			List<ValueInput> filled = new ArrayList<>();
			List<Integer> positions = new ArrayList<>();
			Set<Integer> toSubmit = new HashSet<>();
			for (int i = 0; i < posted.size(); i++) {
				EntryForm.Row row = posted.get(i);
				if (locked.contains(row.getIndicatorCode())) {
					continue;
				}
				if (row.isFilled() || chosen.contains(i) || stored.contains(row.getIndicatorCode())) {
					if (chosen.contains(i)) {
						toSubmit.add(filled.size());
					}
					filled.add(row.input(user.unit().regionCode(), period));
					positions.add(i);
				}
			}
			BindingResult byFilled = new org.springframework.validation.BeanPropertyBindingResult(new EntryForm(), "form");
			if (!workflow.saveAll(filled, toSubmit, ValueApiController.actor(user, scope), byFilled)) {
				// Report each problem on the row the user sees.
				Set<Integer> conflicts = new HashSet<>();
				byFilled.getFieldErrors().forEach(error -> {
					int index = Integer.parseInt(error.getField().replaceAll("^rows\\[(\\d+)\\].*$", "$1"));
					result.rejectValue("rows[" + positions.get(index) + "]" + error.getField().replaceAll("^rows\\[\\d+\\]", ""),
							error.getCode());
					if (StaleForms.CONFLICT.equals(error.getCode())) {
						conflicts.add(positions.get(index));
					}
				});
				List<EntryLine> lines = lines(period, user, scope);
				// A row someone else saved meanwhile shows their figure beside the user's; saving again is then
				// a decision taken knowingly, so it carries the version just shown.
				Map<String, ValueView> currentByCode = new HashMap<>();
				lines.stream()
					.filter(line -> line.current() != null)
					.forEach(line -> currentByCode.put(line.assignment().indicatorCode(), line.current()));
				conflicts.forEach(i -> {
					ValueView current = currentByCode.get(posted.get(i).getIndicatorCode());
					if (current != null) {
						posted.get(i).setVersion(current.version());
					}
				});
				return reshow(period, user, scope, conflicts, model);
			}
		}
		catch (ReportingException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
			return "redirect:/reporting?period=" + periodId;
		}
		redirect.addFlashAttribute("success", submit ? "reporting.submitted" : "reporting.saved");
		return "redirect:/reporting?period=" + periodId;
	}

	/** The rows to submit: the one whose button was pressed, or every ticked row; none when only saving. */
	private static Set<Integer> chosen(String action, List<EntryForm.Row> posted) {
		if (action.startsWith("submit-")) {
			try {
				int row = Integer.parseInt(action.substring("submit-".length()));
				return row >= 0 && row < posted.size() ? Set.of(row) : Set.of();
			}
			catch (NumberFormatException ex) {
				return Set.of();
			}
		}
		if (!action.equals("submit")) {
			return Set.of();
		}
		Set<Integer> ticked = new HashSet<>();
		for (int i = 0; i < posted.size(); i++) {
			if (posted.get(i).isSelected()) {
				ticked.add(i);
			}
		}
		return ticked;
	}

	/** The grid again, with what the reporter typed and the problems found on it. */
	private String reshow(ReportingPeriod period, PortalUser user, DataScope scope, Set<Integer> conflicts, Model model) {
		model.addAttribute("conflicts", conflicts);
		model.addAttribute("openPeriods", List.of(period));
		model.addAttribute("period", period);
		model.addAttribute("lines", lines(period, user, scope));
		return "reporting/entry";
	}

	@GetMapping("/completeness")
	@PreAuthorize("hasAnyRole('OFFICE', 'REVIEWER', 'LEADER')")
	String completeness(@RequestParam(required = false) Long period, DataScope scope, Model model) {
		List<ReportingPeriod> all = periods.findAllByOrderByYearDescKindAscNumberAsc();
		ReportingPeriod chosen = period == null ? all.stream().findFirst().orElse(null) : periods.findById(period).orElse(null);
		model.addAttribute("allPeriods", all);
		model.addAttribute("period", chosen);
		model.addAttribute("units", chosen == null ? List.of() : completeness.of(chosen, scope, java.time.LocalDate.now()));
		return "reporting/completeness";
	}

	@GetMapping("/review")
	@PreAuthorize("hasRole('REVIEWER')")
	String queue(DataScope scope, Model model) {
		List<ValueView> queue = search.queue(scope);
		model.addAttribute("queue", queue);
		model.addAttribute("resubmissions", search.resubmissions(queue));
		return "reporting/review";
	}

	@PostMapping("/review/{valueId}/approve")
	@PreAuthorize("hasRole('REVIEWER')")
	String approve(@PathVariable long valueId, @AuthenticationPrincipal PortalUser user, DataScope scope,
			RedirectAttributes redirect) {
		return decide(() -> workflow.approve(valueId, ValueApiController.actor(user, scope)), "reporting.approved", redirect);
	}

	@PostMapping("/review/{valueId}/return")
	@PreAuthorize("hasRole('REVIEWER')")
	String returnValue(@PathVariable long valueId, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal PortalUser user, DataScope scope, RedirectAttributes redirect) {
		return decide(() -> workflow.returnValue(valueId, reason, ValueApiController.actor(user, scope)),
				"reporting.returned", redirect);
	}

	/** Approves, or returns with one reason, every selected figure the reviewer may decide; says how many were not. */
	@PostMapping("/review/decide")
	@PreAuthorize("hasRole('REVIEWER')")
	String decideMany(@RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam(defaultValue = "approve") String decision, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal PortalUser user, DataScope scope, RedirectAttributes redirect) {
		boolean returning = decision.equals("return");
		if (returning && reason.isBlank()) {
			redirect.addFlashAttribute("error", "reporting.reasonRequired");
			return "redirect:/reporting/review";
		}
		int done = 0;
		int refused = 0;
		for (long id : ids == null ? List.<Long>of() : ids) {
			try {
				if (returning) {
					workflow.returnValue(id, reason, ValueApiController.actor(user, scope));
				}
				else {
					workflow.approve(id, ValueApiController.actor(user, scope));
				}
				done++;
			}
			catch (ReportingException ex) {
				refused++;
			}
		}
		redirect.addFlashAttribute("manyOutcome", returning ? "reporting.returnedMany" : "reporting.approvedMany");
		redirect.addFlashAttribute("doneCount", done);
		redirect.addFlashAttribute("refusedCount", refused);
		return "redirect:/reporting/review";
	}

	@GetMapping("/periods")
	@PreAuthorize("hasRole('OFFICE')")
	String periods(Model model) {
		model.addAttribute("periods", periods.findAllByOrderByYearDescKindAscNumberAsc());
		model.addAttribute("kinds", PeriodKind.values());
		return "reporting/periods";
	}

	private String decide(Runnable decision, String success, RedirectAttributes redirect) {
		try {
			decision.run();
			redirect.addFlashAttribute("success", success);
		}
		catch (ReportingException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/reporting/review";
	}

	private List<EntryLine> lines(ReportingPeriod period, PortalUser user, DataScope scope) {
		String region = user.unit().regionCode();
		Map<String, ValueView> current = byCode(search.find(region, period.getYear(), null, scope), period);
		Map<String, ValueView> previous = byCode(search.find(region, period.getYear() - 1, null, scope), null);
		return assignments.of(region, user.unit().departmentId(), period.getYear(), period.getKind().name())
			.stream()
			.map(assignment -> new EntryLine(assignment, current.get(assignment.indicatorCode()),
					previous.get(assignment.indicatorCode())))
			.sorted(Comparator.comparing(line -> line.assignment().indicatorCode()))
			.toList();
	}

	/** Figures by indicator code: of this period, or (period null) the annual figure of the year. */
	private static Map<String, ValueView> byCode(List<ValueView> values, ReportingPeriod period) {
		String label = period == null ? "" : ValueView.periodLabel(period.getKind(), period.getNumber());
		return values.stream()
			.filter(value -> value.period().equals(label))
			.collect(Collectors.toMap(ValueView::indicatorCode, Function.identity(), (a, b) -> a));
	}

}

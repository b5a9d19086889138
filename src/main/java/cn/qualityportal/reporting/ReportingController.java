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
import cn.qualityportal.reporting.ValueWorkflow.Actor;
import cn.qualityportal.security.PortalUser;
import cn.qualityportal.system.Refusal;
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
 * (saved as a whole, or submitted), the reviewer's queue of submitted figures and, under two-level
 * review, the same queue one level up, where the office accepts approved figures (验收).
 */
@Controller
@RequestMapping("/reporting")
class ReportingController {

	private final ValueWorkflow workflow;

	private final ValueSearch search;

	private final ReportingPeriodRepository periods;

	private final Assignments assignments;

	private final Completeness completeness;

	private final ReviewQueue reviewQueue;

	private final ReviewLevels reviewLevels;

	private final ValueComments comments;

	ReportingController(ValueWorkflow workflow, ValueSearch search, ReportingPeriodRepository periods,
			Assignments assignments, Completeness completeness, ReviewQueue reviewQueue, ReviewLevels reviewLevels,
			ValueComments comments) {
		this.reviewQueue = reviewQueue;
		this.reviewLevels = reviewLevels;
		this.comments = comments;
		this.workflow = workflow;
		this.search = search;
		this.periods = periods;
		this.assignments = assignments;
		this.completeness = completeness;
	}

	/** A row of the grid: what is owed, the figure now, and last year's (the same period of the year before). */
	record EntryLine(Assignment assignment, ValueView current, ValueView previous) {

		/** The change of the stored figure against last year's in per cent, or null when either is missing or last year's is 0. */
		public Double changePercent() {
			if (current == null || previous == null || current.value() == null || previous.value() == null
					|| previous.value().signum() == 0) {
				return null;
			}
			return (current.value().doubleValue() - previous.value().doubleValue()) / Math.abs(previous.value().doubleValue())
					* 100;
		}

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
		gridExtras(lines, model);
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
			Model model, RedirectAttributes redirect, Actor actor) {
		ReportingPeriod period = periods.findById(periodId)
			.orElseThrow(() -> new Refusal.NotFound());
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
					filled.add(row.input(user.unit().regionCode()));
					positions.add(i);
				}
			}
			List<List<ValueRules.Problem>> problems = workflow.saveAll(period.getId(), filled, toSubmit,
					actor);
			if (problems.stream().anyMatch(rowProblems -> !rowProblems.isEmpty())) {
				// Each problem on the row the user sees.
				Set<Integer> conflicts = new HashSet<>();
				for (int index = 0; index < problems.size(); index++) {
					int position = positions.get(index);
					for (ValueRules.Problem problem : problems.get(index)) {
						result.rejectValue("rows[" + position + "]." + problem.field(), problem.code());
						if (StaleForms.CONFLICT.equals(problem.code())) {
							conflicts.add(position);
						}
					}
				}
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
		catch (Refusal ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
			return "redirect:/reporting?period=" + periodId + rowAnchor(action, posted, shown);
		}
		redirect.addFlashAttribute("success", submit ? "reporting.submitted" : "reporting.saved");
		return "redirect:/reporting?period=" + periodId + rowAnchor(action, posted, shown);
	}

	/**
	 * After one row's button, the grid comes back at that row ({@code #row-<indicator code>}, the
	 * row's id in reporting/entry.html): on a phone, one card per figure, the page otherwise jumped to
	 * the top after every card. Only a code of the reporter's own grid goes into the address.
	 */
	private static String rowAnchor(String action, List<EntryForm.Row> posted, List<EntryLine> grid) {
		if (!action.startsWith("submit-")) {
			return "";
		}
		Set<Integer> row = chosen(action, posted);
		if (row.isEmpty()) {
			return "";
		}
		String code = posted.get(row.iterator().next()).getIndicatorCode();
		boolean own = grid.stream().anyMatch(line -> line.assignment().indicatorCode().equals(code));
		return own && code.matches("[A-Za-z0-9._-]+") ? "#row-" + code : "";
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
		List<EntryLine> lines = lines(period, user, scope);
		gridExtras(lines, model);
		model.addAttribute("lines", lines);
		return "reporting/entry";
	}

	/** What the grid shows beside the figures: the change that asks for a note, and each figure's remarks. */
	private void gridExtras(List<EntryLine> lines, Model model) {
		model.addAttribute("outlierPercent", workflow.outlierShare() * 100);
		model.addAttribute("commentCounts", comments.counts(lines.stream()
			.filter(line -> line.current() != null)
			.map(line -> line.current().id())
			.toList()));
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

	/** The reviewer's queue: submitted figures of their scope by default, with the filters chosen (server-side, a page at a time). */
	@GetMapping("/review")
	@PreAuthorize("hasRole('REVIEWER')")
	String queue(@RequestParam(required = false) String region, @RequestParam(required = false) Long department,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, DataScope scope, Model model) {
		return queuePage(ReviewQueue.Level.REVIEW, region, department, indicator, status, page, scope, model);
	}

	/** The same page one level up: the office accepts (验收) approved figures under two-level review. */
	@GetMapping("/acceptance")
	@PreAuthorize("hasRole('OFFICE')")
	String acceptance(@RequestParam(required = false) String region, @RequestParam(required = false) Long department,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, DataScope scope, Model model) {
		return queuePage(ReviewQueue.Level.ACCEPTANCE, region, department, indicator, status, page, scope, model);
	}

	private static final java.util.Set<ValueStatus> QUEUE_STATUSES = java.util.EnumSet.of(ValueStatus.SUBMITTED,
			ValueStatus.APPROVED, ValueStatus.ACCEPTED, ValueStatus.RETURNED);

	private String queuePage(ReviewQueue.Level level, String region, Long department, String indicator, String status,
			int page, DataScope scope, Model model) {
		// Bounded input: anything that is not a region code, a known status or a short code is no filter.
		String regionCode = region != null && region.matches("\\d{6}") ? region : null;
		String indicatorCode = indicator != null && !indicator.isBlank() && indicator.length() <= 64 ? indicator.strip() : null;
		ValueStatus chosen = QUEUE_STATUSES.stream().filter(s -> s.name().equals(status)).findFirst().orElse(level.waiting);
		ReviewQueue.Filter filter = new ReviewQueue.Filter(regionCode, department, indicatorCode, chosen);
		model.addAttribute("level", level);
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", QUEUE_STATUSES);
		ReviewQueue.Page queue = reviewQueue.page(level, filter, scope, page);
		model.addAttribute("queue", queue);
		model.addAttribute("commentCounts", comments.counts(queue.rows().stream().map(row -> row.value().id()).toList()));
		model.addAttribute("twoLevel", reviewLevels.current());
		return "reporting/review";
	}

	@PostMapping("/review/{valueId}/approve")
	@PreAuthorize("hasRole('REVIEWER')")
	String approve(@PathVariable long valueId, @RequestParam(required = false) Long version, QueueFilters back,
			Actor actor, RedirectAttributes redirect) {
		return decide(() -> workflow.approve(valueId, version, actor), "reporting.approved",
				back.on(REVIEW), redirect);
	}

	@PostMapping("/review/{valueId}/return")
	@PreAuthorize("hasRole('REVIEWER')")
	String returnValue(@PathVariable long valueId, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) Long version, QueueFilters back, Actor actor, RedirectAttributes redirect) {
		return decide(() -> workflow.returnValue(valueId, reason, version, actor),
				"reporting.returned", back.on(REVIEW), redirect);
	}

	/**
	 * Approves, or returns with one reason, every selected figure the reviewer may decide; says how
	 * many were not. Each selection is {@code id:version}, the version the reviewer saw: a figure
	 * changed or decided meanwhile is not decided again.
	 */
	@PostMapping("/review/decide")
	@PreAuthorize("hasRole('REVIEWER')")
	String decideMany(@RequestParam(name = "ids", required = false) List<String> ids,
			@RequestParam(defaultValue = "approve") String decision, @RequestParam(defaultValue = "") String reason,
			QueueFilters back, Actor actor,
			RedirectAttributes redirect) {
		boolean returning = decision.equals("return");
		return many(ids, returning, reason, back.on(REVIEW),
				returning ? "reporting.returnedMany" : "reporting.approvedMany", redirect,
				(id, version) -> {
					if (returning) {
						workflow.returnValue(id, reason, version, actor);
					}
					else {
						workflow.approve(id, version, actor);
					}
				});
	}

	/** The office accepts (验收), or returns with one reason, the selected approved figures; as {@link #decideMany}. */
	@PostMapping("/acceptance/decide")
	@PreAuthorize("hasRole('OFFICE')")
	String acceptMany(@RequestParam(name = "ids", required = false) List<String> ids,
			@RequestParam(defaultValue = "accept") String decision, @RequestParam(defaultValue = "") String reason,
			QueueFilters back, Actor actor,
			RedirectAttributes redirect) {
		boolean returning = decision.equals("return");
		return many(ids, returning, reason, back.on(ACCEPTANCE),
				returning ? "reporting.returnedMany" : "reporting.acceptedMany", redirect,
				(id, version) -> {
					if (returning) {
						workflow.returnAtAcceptance(id, reason, version, actor);
					}
					else {
						workflow.accept(id, version, actor);
					}
				});
	}

	private interface Decision {

		void decide(long id, Long version);

	}

	private static String many(List<String> ids, boolean returning, String reason, String page, String outcome,
			RedirectAttributes redirect, Decision decision) {
		if (returning && reason.isBlank()) {
			redirect.addFlashAttribute("error", "reporting.reasonRequired");
			return "redirect:" + page;
		}
		int done = 0;
		int refused = 0;
		// Bounded: a page of the queue at most, and each selection read as id[:version].
		List<long[]> chosen = new ArrayList<>();
		for (String selected : ids == null ? List.<String>of() : ids.stream().limit(ReviewQueue.PAGE_SIZE).toList()) {
			java.util.regex.Matcher parts = java.util.regex.Pattern.compile("(\\d{1,18})(?::(\\d{1,18}))?").matcher(selected.strip());
			if (!parts.matches()) {
				refused++;
				continue;
			}
			long id = Long.parseLong(parts.group(1));
			chosen.add(new long[] { id, parts.group(2) == null ? -1 : Long.parseLong(parts.group(2)) });
		}
		for (long[] selected : chosen) {
			try {
				decision.decide(selected[0], selected[1] < 0 ? null : selected[1]);
				done++;
			}
			catch (Refusal | org.springframework.dao.OptimisticLockingFailureException ex) {
				// Not in the user's scope (as if it did not exist), not theirs to decide, or decided meanwhile.
				refused++;
			}
		}
		redirect.addFlashAttribute("manyOutcome", outcome);
		redirect.addFlashAttribute("doneCount", done);
		redirect.addFlashAttribute("refusedCount", refused);
		return "redirect:" + page;
	}

	static final String REVIEW = "/reporting/review";

	static final String ACCEPTANCE = "/reporting/acceptance";

	/**
	 * The queue's filters, posted back by every form on the queue as fields of their own (status,
	 * region, department, indicator, page), so that an action returns to the same filtered view. (One
	 * query string in one hidden field was read by a browser as "status=SUBMITTED®ion=…": {@code &reg} is
	 * an HTML entity.) Read as the queue reads them: a value it would not accept is dropped.
	 */
	record QueueFilters(String status, String region, String department, String indicator, String page) {

		/**
		 * The queue's own path (a constant of the caller's) with the filters it accepts, so a redirect
		 * never leads elsewhere, whatever was posted.
		 */
		String on(String path) {
			org.springframework.web.util.UriComponentsBuilder kept = org.springframework.web.util.UriComponentsBuilder
				.fromPath(path);
			keep(kept, "status", status, value -> QUEUE_STATUSES.stream().anyMatch(s -> s.name().equals(value)));
			keep(kept, "region", region, value -> value.matches("\\d{6}"));
			keep(kept, "department", department, value -> value.matches("\\d{1,18}"));
			keep(kept, "indicator", indicator,
					value -> !value.isBlank() && value.length() <= 64 && value.chars().noneMatch(Character::isISOControl));
			keep(kept, "page", page, value -> value.matches("\\d{1,6}"));
			return kept.build().encode().toUriString();
		}

		private static void keep(org.springframework.web.util.UriComponentsBuilder kept, String name, String given,
				java.util.function.Predicate<String> valid) {
			if (given != null && given.length() <= 500 && valid.test(given.strip())) {
				kept.queryParam(name, given.strip());
			}
		}

	}

	@GetMapping("/periods")
	@PreAuthorize("hasRole('OFFICE')")
	String periods(Model model) {
		model.addAttribute("periods", periods.findAllByOrderByYearDescKindAscNumberAsc());
		model.addAttribute("kinds", PeriodKind.values());
		model.addAttribute("reviewLevels", reviewLevels.current());
		return "reporting/periods";
	}

	private String decide(Runnable decision, String success, String page, RedirectAttributes redirect) {
		try {
			decision.run();
			redirect.addFlashAttribute("success", success);
		}
		catch (Refusal ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		catch (org.springframework.dao.OptimisticLockingFailureException ex) {
			// Two reviewers decided the same figure at once: the second learns it, nothing is decided twice.
			redirect.addFlashAttribute("error", "reporting.reviewConflict");
		}
		return "redirect:" + page;
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

package cn.qualityportal.dashboards;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import cn.qualityportal.documents.DocumentSummary;
import cn.qualityportal.documents.Documents;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.Regions;
import cn.qualityportal.progress.ProgressBoard;
import cn.qualityportal.progress.ProgressRow;
import cn.qualityportal.progress.TargetStatus;
import cn.qualityportal.publication.PublicProgress;
import cn.qualityportal.reporting.Completeness;
import cn.qualityportal.security.PortalUser;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.targets.GoalArea;
import cn.qualityportal.targets.Indicators;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The dashboard pages. Each reads the materialised progress within the reader's scope; a region,
 * department or document outside it is refused (403) or absent (404), never shown.
 */
@Controller
@RequestMapping("/dashboards")
class DashboardController {

	private final ProgressBoard board;

	private final Overview overview;

	private final DashboardQueries queries;

	private final Regions regions;

	private final Documents documents;

	private final Indicators indicators;

	private final Completeness completeness;

	private final MessageSource messages;

	private final PublicProgress publicProgress;

	DashboardController(ProgressBoard board, Overview overview, DashboardQueries queries, Regions regions,
			Documents documents, Indicators indicators, Completeness completeness, MessageSource messages,
			PublicProgress publicProgress) {
		this.publicProgress = publicProgress;
		this.board = board;
		this.overview = overview;
		this.queries = queries;
		this.regions = regions;
		this.documents = documents;
		this.indicators = indicators;
		this.completeness = completeness;
		this.messages = messages;
	}

	/** The judged year and whether submitted figures count, shared by every page's form. */
	record Judging(int year, boolean submitted) {
	}

	@ModelAttribute("judging")
	Judging judging(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "false") boolean submitted) {
		return new Judging(board.judgedYear(year), submitted);
	}

	@GetMapping
	String overview(@RequestParam(required = false) String region, @ModelAttribute("judging") Judging judging,
			@AuthenticationPrincipal PortalUser user, DataScope scope, Model model) {
		String root = root(region, user, scope);
		Overview.View view = overview.of(root, judging.year(), judging.submitted(), scope);
		Map<TargetStatus, String> names = statusNames();
		List<String> areaNames = view.areas().stream().map(this::areaName).toList();
		Map<TargetStatus, List<Integer>> byStatus = new EnumMap<>(TargetStatus.class);
		for (TargetStatus status : TargetStatus.values()) {
			byStatus.put(status, view.areas().stream().map(area -> view.byArea().get(area).getOrDefault(status, 0)).toList());
		}
		List<Overview.Standing> ranking = view.ranking();
		model.addAttribute("root", regions.find(root).orElseThrow(Refusal.NotFound::new));
		model.addAttribute("view", view);
		model.addAttribute("ranking", ranking);
		model.addAttribute("areaChart", Charts.statusBars(areaNames, byStatus, names));
		model.addAttribute("rankingChart", Charts.shares(ranking.stream().map(Overview.Standing::regionName).toList(),
				ranking.stream().map(standing -> BigDecimal.valueOf(standing.share()).setScale(1, java.math.RoundingMode.HALF_UP)).toList(),
				message("dashboard.goodShare")));
		return page(model, "dashboards/overview");
	}

	@GetMapping("/regions/{code}")
	String region(@PathVariable String code, @RequestParam(required = false) Long document,
			@RequestParam(required = false) GoalArea area, @RequestParam(required = false) Long department,
			@RequestParam(required = false) TargetStatus status, @ModelAttribute("judging") Judging judging,
			DataScope scope, Model model) {
		covered(code, scope);
		ProgressBoard.Query query = ProgressBoard.Query.of(judging.year(), judging.submitted())
			.region(code)
			.document(document)
			.area(area)
			.department(department)
			.status(status);
		// A region that does not exist is a 404 for a reader who may see every region (others were refused above).
		model.addAttribute("region", regions.find(code).orElseThrow(Refusal.NotFound::new));
		List<ProgressRow> rows = board.rows(query, scope);
		model.addAttribute("rows", rows);
		model.addAttribute("documents", queries.documentsWithTargetsIn(code, judging.year()));
		model.addAttribute("departments", queries.departmentsOf(code));
		model.addAttribute("filter", new RegionFilter(document, area, department, status));
		statusSummary(rows, model);
		return page(model, "dashboards/region");
	}

	record RegionFilter(Long document, GoalArea area, Long department, TargetStatus status) {
	}

	/** The menu's 部门看板: the reader's own department; an account without a unit has the overview instead. */
	@GetMapping("/departments")
	@PreAuthorize("hasAnyRole('ADMIN', 'OFFICE', 'LEADER', 'REVIEWER', 'REPORTER')")
	String ownDepartment(@AuthenticationPrincipal PortalUser user) {
		if (user == null || user.unit() == null) {
			return "redirect:/dashboards";
		}
		return "redirect:/dashboards/departments/" + user.unit().departmentId();
	}

	@GetMapping("/departments/{id}")
	String department(@PathVariable long id, @ModelAttribute("judging") Judging judging, DataScope scope, Model model) {
		Regions.DepartmentOption department = regions.department(id)
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
		covered(department.regionCode(), scope);
		List<ProgressRow> rows = board.rows(ProgressBoard.Query.of(judging.year(), judging.submitted()).department(id), scope);
		model.addAttribute("department", department);
		// Department names usually begin with their region's (防城港市市场监督管理局): say the region only when they do not.
		model.addAttribute("departmentTitle", department.name().startsWith(department.regionName()) ? department.name()
				: department.regionName() + " " + department.name());
		model.addAttribute("rows", rows);
		model.addAttribute("tasks", queries.tasksOf(id));
		model.addAttribute("owed", completeness.owedBy(department.regionCode(), id));
		statusSummary(rows, model);
		return page(model, "dashboards/department");
	}

	/**
	 * The document scorecard: its targets and those cascaded from them, grouped by the document that
	 * states them (the document is said once per group, not in every row) and filtered by region,
	 * area and status. The region choices are those of the unfiltered rows, so one query serves both.
	 */
	@GetMapping("/documents/{id}")
	String document(@PathVariable long id, @RequestParam(required = false) String region,
			@RequestParam(required = false) GoalArea area, @RequestParam(name = "status", required = false) TargetStatus chosenStatus,
			@ModelAttribute("judging") Judging judging, DataScope scope, Model model) {
		DocumentSummary document = documents.find(id, scope)
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
		List<ProgressRow> all = board.rows(ProgressBoard.Query.of(judging.year(), judging.submitted()).document(id), scope);
		Map<String, String> regionChoices = new LinkedHashMap<>();
		all.forEach(row -> regionChoices.putIfAbsent(row.regionCode(), row.regionName()));
		String chosenRegion = region == null || region.isBlank() ? null : region;
		List<ProgressRow> rows = all.stream()
			.filter(row -> chosenRegion == null || row.regionCode().equals(chosenRegion))
			.filter(row -> area == null || row.area() == area)
			.filter(row -> chosenStatus == null || row.status() == chosenStatus)
			.toList();
		model.addAttribute("document", document);
		model.addAttribute("rows", rows);
		model.addAttribute("regionChoices", regionChoices);
		model.addAttribute("filter", new ScorecardFilter(chosenRegion, area, chosenStatus));
		lines(rows, model);
		@SuppressWarnings("unchecked")
		List<TargetLine> lines = (List<TargetLine>) model.getAttribute("lines");
		Map<String, List<TargetLine>> byDocument = new LinkedHashMap<>();
		lines.forEach(line -> byDocument.computeIfAbsent(line.documentHref(), href -> new ArrayList<>()).add(line));
		model.addAttribute("groups", byDocument.values()
			.stream()
			.map(group -> new DocumentGroup(group.get(0).documentLabel(), group.get(0).documentHref(), group))
			.toList());
		Map<GoalArea, Map<TargetStatus, Integer>> byArea = new java.util.TreeMap<>();
		rows.forEach(row -> byArea.computeIfAbsent(row.area(), a -> new EnumMap<>(TargetStatus.class))
			.merge(row.status(), 1, Integer::sum));
		Map<TargetStatus, List<Integer>> byStatus = new EnumMap<>(TargetStatus.class);
		for (TargetStatus status : TargetStatus.values()) {
			byStatus.put(status, byArea.values().stream().map(counts -> counts.getOrDefault(status, 0)).toList());
		}
		model.addAttribute("byArea", byArea);
		model.addAttribute("areaChart",
				Charts.statusBars(byArea.keySet().stream().map(this::areaName).toList(), byStatus, statusNames()));
		return page(model, "dashboards/document");
	}

	record ScorecardFilter(String region, GoalArea area, TargetStatus status) {
	}

	/** The scorecard's lines of one document. */
	record DocumentGroup(String label, String href, List<TargetLine> lines) {
	}

	@GetMapping("/indicators/{id}")
	String indicator(@PathVariable long id, @ModelAttribute("judging") Judging judging,
			@AuthenticationPrincipal PortalUser user, DataScope scope, Model model) {
		Indicators.IndicatorInfo indicator = indicators.byId(id)
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
		List<ProgressRow> rows = board.rows(ProgressBoard.Query.of(judging.year(), judging.submitted()).indicator(id), scope);
		// One bar per region (its latest figure), best first; the reference line is the reader's own region's target.
		Map<String, ProgressRow> byRegion = new LinkedHashMap<>();
		rows.forEach(row -> byRegion.putIfAbsent(row.regionCode(), row));
		// A region above others on the page (the city above its districts) is their reference, never ranked among them.
		java.util.Set<String> parents = new java.util.HashSet<>();
		regions.visibleOptions(scope)
			.stream()
			.filter(option -> byRegion.containsKey(option.code()) && option.parentCode() != null)
			.forEach(option -> parents.add(option.parentCode()));
		List<ProgressRow> referenceRows = byRegion.values()
			.stream()
			.filter(row -> parents.contains(row.regionCode()))
			.toList();
		List<ProgressRow> ranked = byRegion.values()
			.stream()
			.filter(row -> row.latestValue() != null && !parents.contains(row.regionCode()))
			.sorted(java.util.Comparator.comparing(ProgressRow::latestValue,
					indicator.direction() == cn.qualityportal.targets.Direction.LOWER ? java.util.Comparator.naturalOrder()
							: java.util.Comparator.<BigDecimal>reverseOrder()))
			.toList();
		ProgressRow reference = user == null || user.unit() == null ? null : byRegion.get(user.unit().regionCode());
		if (reference == null && !rows.isEmpty()) {
			reference = rows.get(0);
		}
		model.addAttribute("indicator", indicator);
		model.addAttribute("definition", publicProgress.definition(id).orElseThrow());
		model.addAttribute("rows", rows);
		lines(rows, model);
		model.addAttribute("ranked", ranked);
		model.addAttribute("referenceRows", referenceRows);
		model.addAttribute("reference", reference);
		model.addAttribute("rankChart", Charts.bars(ranked.stream().map(ProgressRow::regionName).toList(),
				ranked.stream().map(ProgressRow::latestValue).toList(), indicator.name(),
				reference == null ? null : reference.value(), reference == null ? null : reference.condition()));
		TreeSet<Integer> years = new TreeSet<>();
		byRegion.values().forEach(row -> row.series().forEach(point -> years.add(point.year())));
		Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
		byRegion.values().forEach(row -> {
			Map<Integer, BigDecimal> byYear = new java.util.HashMap<>();
			row.series().forEach(point -> byYear.put(point.year(), point.value()));
			series.put(row.regionName(), years.stream().map(byYear::get).toList());
		});
		model.addAttribute("years", List.copyOf(years));
		model.addAttribute("series", series);
		// One line per region with its target as a dashed line (the same chart as the public indicator page).
		model.addAttribute("seriesChart", cn.qualityportal.publication.IndicatorSheet
			.ofRows(indicator.code(), indicator.name(), indicator.unit(), judging.year(), List.copyOf(byRegion.values()))
			.chart());
		return page(model, "dashboards/indicator");
	}

	/** The overview's region: the one asked for if the reader covers it, else the reader's own. */
	private String root(String asked, PortalUser user, DataScope scope) {
		if (asked != null && !asked.isBlank()) {
			covered(asked, scope);
			return asked;
		}
		if (user != null && user.unit() != null && scope.covers(user.unit().regionCode())) {
			return user.unit().regionCode();
		}
		if (scope.everything()) {
			return queries.regionWithMostTargets().orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
		}
		throw new Refusal(HttpStatus.FORBIDDEN, "validation.region.outOfScope");
	}

	static void covered(String regionCode, DataScope scope) {
		if (!scope.covers(regionCode)) {
			throw new Refusal(HttpStatus.FORBIDDEN, "validation.region.notVisible");
		}
	}

	private void statusSummary(List<ProgressRow> rows, Model model) {
		Map<TargetStatus, Integer> counts = new EnumMap<>(TargetStatus.class);
		for (TargetStatus status : TargetStatus.values()) {
			counts.put(status, 0);
		}
		rows.forEach(row -> counts.merge(row.status(), 1, Integer::sum));
		model.addAttribute("counts", counts);
		model.addAttribute("statusChart", Charts.statusRing(counts, statusNames()));
		lines(rows, model);
	}

	private void lines(List<ProgressRow> rows, Model model) {
		Judging judging = (Judging) model.getAttribute("judging");
		model.addAttribute("lines", TargetLine.of(rows, contextPath(), judging, messages, LocaleContextHolder.getLocale()));
	}

	private static String contextPath() {
		String path = ServletUriComponentsBuilder.fromCurrentContextPath().build().getPath();
		return path == null ? "" : path;
	}

	private String page(Model model, String view) {
		Judging judging = (Judging) model.getAttribute("judging");
		// Asked once per request already by the read above: no statement of its own.
		model.addAttribute("freshness", board.freshness(judging.year(), judging.submitted()));
		model.addAttribute("charts", true);
		model.addAttribute("periodYears", queries.years());
		return view;
	}

	private Map<TargetStatus, String> statusNames() {
		Map<TargetStatus, String> names = new EnumMap<>(TargetStatus.class);
		for (TargetStatus status : TargetStatus.values()) {
			names.put(status, message("progress.status." + status.name()));
		}
		return names;
	}

	private String areaName(GoalArea area) {
		return message("area." + area.name());
	}

	private String message(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}

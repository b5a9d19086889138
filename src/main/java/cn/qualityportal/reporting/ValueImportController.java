package cn.qualityportal.reporting;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.reporting.ValueWorkflow.Actor;
import cn.qualityportal.security.PortalUser;
import cn.qualityportal.spreadsheets.ImportProblem;
import cn.qualityportal.spreadsheets.ImportReport;
import cn.qualityportal.spreadsheets.ImportTable;
import cn.qualityportal.spreadsheets.SpreadsheetException;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.system.UploadedFiles;
import cn.qualityportal.targets.Indicators;
import cn.qualityportal.targets.Indicators.IndicatorInfo;
import cn.qualityportal.targets.ValueType;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Figures in and out of Excel: the pre-filled template of a unit and period, the import (page and
 * {@code POST /api/v1/imports}) with its per-row report, and exports (xlsx, CSV) of any scope.
 */
@Controller
class ValueImportController {

	/** Most figures one export holds; more asks the user to narrow the filter. */
	@Value("${portal.reporting.export-limit:100000}")
	int exportLimit;

	private static final String REPORT = "valueImportReport";

	private final ValueImport importer;

	private final ValueSearch search;

	private final ReportingPeriodRepository periods;

	private final Assignments assignments;

	private final MessageSource messages;

	private final ValueWorkflow workflow;

	private final Indicators indicators;

	ValueImportController(ValueImport importer, ValueSearch search, ReportingPeriodRepository periods,
			Assignments assignments, MessageSource messages, ValueWorkflow workflow, Indicators indicators) {
		this.workflow = workflow;
		this.indicators = indicators;
		this.importer = importer;
		this.search = search;
		this.periods = periods;
		this.assignments = assignments;
		this.messages = messages;
	}

	@GetMapping("/reporting/{periodId}/template.xlsx")
	@PreAuthorize("hasRole('REPORTER')")
	ResponseEntity<byte[]> template(@PathVariable long periodId, @AuthenticationPrincipal PortalUser user, DataScope scope,
			Locale locale) {
		ReportingPeriod period = periods.findById(periodId)
			.orElseThrow(() -> new Refusal.NotFound());
		if (user.unit() == null) {
			throw new Refusal(HttpStatus.FORBIDDEN, "problem.forbidden");
		}
		String region = user.unit().regionCode();
		byte[] xlsx = ValueExchange.template(assignments.of(region, user.unit().departmentId(), period.getYear(), period.getKind().name()),
				search.find(region, period.getYear(), null, scope), region, user.unit().regionName(), period,
				workflow.outlierShare(), messages, locale);
		String periodName = messages.getMessage(
				ValueExchange.PERIODS.get(ValueView.periodLabel(period.getKind(), period.getNumber())), null, locale);
		return download(xlsx,
				messages.getMessage("download.template", new Object[] {
						user.unit().regionName() == null ? region : user.unit().regionName(), "" + period.getYear(), periodName },
						locale) + ".xlsx",
				"template-" + region + "-" + period.getYear() + ".xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	@GetMapping("/reporting/import")
	@PreAuthorize("hasRole('REPORTER')")
	String showImport() {
		return "reporting/import";
	}

	@PostMapping("/reporting/import")
	@PreAuthorize("hasRole('REPORTER')")
	String upload(@RequestParam("file") MultipartFile file, Actor actor,
			HttpSession session, Model model) throws IOException {
		ValueImport.Outcome outcome = run(file, actor);
		ImportReport report = outcome.report();
		if (report.succeeded()) {
			session.removeAttribute(REPORT);
		}
		else {
			session.setAttribute(REPORT, report.problems());
		}
		model.addAttribute("report", report);
		// The grid of the period the figures were saved in, where they are submitted.
		model.addAttribute("gridPeriod", outcome.periodId());
		return "reporting/import";
	}

	@GetMapping("/reporting/import/report.csv")
	@PreAuthorize("hasRole('REPORTER')")
	ResponseEntity<byte[]> report(HttpSession session, Locale locale) {
		@SuppressWarnings("unchecked")
		List<ImportProblem> problems = (List<ImportProblem>) session.getAttribute(REPORT);
		return download(ImportTable.reportCsv(problems == null ? List.of() : problems, messages, locale),
				messages.getMessage("download.importReport", null, locale) + ".csv", "import-report.csv", "text/csv;charset=UTF-8");
	}

	@PostMapping("/api/v1/imports")
	@PreAuthorize("hasRole('REPORTER')")
	@ResponseBody
	ResponseEntity<Map<String, Object>> importApi(@RequestParam("file") MultipartFile file,
			Actor actor) throws IOException {
		ImportReport report = run(file, actor).report();
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, Object>> problems = report.problems()
			.stream()
			.map(problem -> Map.<String, Object>of("row", problem.row(), "column", problem.column(), "columnName",
					ImportTable.columnName(problem, messages, locale), "message", ImportTable.message(problem, messages, locale)))
			.toList();
		String next = report.succeeded()
				? messages.getMessage("reporting.import.next", new Object[] { report.saved() }, locale)
				: messages.getMessage("import.failed", new Object[] { report.problems().size() }, locale);
		Map<String, Object> body = Map.of("created", report.created(), "updated", report.updated(), "unchanged",
				report.unchanged(), "problems", problems, "nextStep", next);
		return ResponseEntity.status(report.succeeded() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(body);
	}

	/** Figures of the scope for a region, a year or range of years, and a set of indicators; all when left out. */
	@GetMapping({ "/reporting/export.xlsx", "/api/v1/values/export.xlsx" })
	ResponseEntity<byte[]> exportXlsx(@RequestParam(defaultValue = "") String regionCode,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer fromYear,
			@RequestParam(required = false) Integer toYear, @RequestParam(defaultValue = "") List<String> indicatorCode,
			DataScope scope, Locale locale) {
		List<ValueView> rows = exported(regionCode, year, fromYear, toYear, indicatorCode, scope);
		Map<String, ValueType> types = new HashMap<>();
		return download(ValueExchange.xlsx(rows,
				code -> types.computeIfAbsent(code, c -> indicators.byCode(c).map(IndicatorInfo::valueType).orElse(null)),
				workflow.outlierShare(), messages, locale), messages.getMessage("download.values", null, locale) + ".xlsx",
				"values.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	@GetMapping({ "/reporting/export.csv", "/api/v1/values/export.csv" })
	ResponseEntity<byte[]> exportCsv(@RequestParam(defaultValue = "") String regionCode,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer fromYear,
			@RequestParam(required = false) Integer toYear, @RequestParam(defaultValue = "") List<String> indicatorCode,
			DataScope scope, Locale locale) throws IOException {
		return download(ValueExchange.csv(exported(regionCode, year, fromYear, toYear, indicatorCode, scope), messages, locale),
				messages.getMessage("download.values", null, locale) + ".csv", "values.csv", "text/csv;charset=UTF-8");
	}

	/** Every matching figure, or a refusal asking for a narrower filter: an export is never cut short silently. */
	private List<ValueView> exported(String regionCode, Integer year, Integer fromYear, Integer toYear,
			List<String> indicatorCodes, DataScope scope) {
		if (!regionCode.isBlank() && !scope.covers(regionCode)) {
			throw new Refusal(HttpStatus.FORBIDDEN, "validation.region.outOfScope");
		}
		ValueSearch.Filter filter = new ValueSearch.Filter(regionCode, year != null ? year : fromYear,
				year != null ? year : toYear, indicatorCodes);
		List<ValueView> rows = search.find(filter, scope, 0, exportLimit + 1);
		if (rows.size() > exportLimit) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "export.tooMany");
		}
		return rows;
	}

	private ValueImport.Outcome run(MultipartFile file, Actor actor) throws IOException {
		try {
			return importer.importRows(ValueExchange.read(file), actor);
		}
		catch (SpreadsheetException ex) {
			return ValueImport.Outcome.refused(ImportReport.refused(ImportProblem.ofFile(ex.messageKey(), ex.arguments())));
		}
	}

	private static ResponseEntity<byte[]> download(byte[] content, String filename, String asciiFallback, String type) {
		return UploadedFiles.attachment(filename, asciiFallback, type, content);
	}

}

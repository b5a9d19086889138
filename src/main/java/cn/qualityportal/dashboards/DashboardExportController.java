package cn.qualityportal.dashboards;

import java.util.ArrayList;
import java.util.List;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.Regions;
import cn.qualityportal.progress.ProgressBoard;
import cn.qualityportal.progress.ProgressRow;
import cn.qualityportal.progress.TargetStatus;
import cn.qualityportal.publication.IndicatorSheet;
import cn.qualityportal.publication.PublicProgress;
import cn.qualityportal.spreadsheets.FormWorkbook;
import cn.qualityportal.spreadsheets.Workbooks;
import cn.qualityportal.system.Times;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.system.UploadedFiles;
import cn.qualityportal.targets.Figures;
import cn.qualityportal.targets.GoalArea;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboards' numbers as xlsx: the same rows and counts the pages show, within the same scope. */
@Controller
@RequestMapping("/dashboards")
class DashboardExportController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final java.time.format.DateTimeFormatter MINUTES = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm");

	private final ProgressBoard board;

	private final Overview overview;

	private final Regions regions;

	private final MessageSource messages;

	private final Explain explain;

	private final PublicProgress publicProgress;

	DashboardExportController(ProgressBoard board, Overview overview, Regions regions, MessageSource messages,
			Explain explain, PublicProgress publicProgress) {
		this.publicProgress = publicProgress;
		this.board = board;
		this.overview = overview;
		this.regions = regions;
		this.messages = messages;
		this.explain = explain;
	}

	@GetMapping("/overview.xlsx")
	ResponseEntity<byte[]> overview(@RequestParam String region, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "false") boolean submitted, DataScope scope) {
		covered(region, scope);
		int judged = year(year);
		Overview.View view = overview.of(region, judged, submitted, scope);
		List<String> statusHeader = new ArrayList<>();
		for (TargetStatus status : TargetStatus.values()) {
			statusHeader.add(message("progress.status." + status));
		}
		List<String> areaHeader = new ArrayList<>(List.of(message("dashboard.area")));
		areaHeader.addAll(statusHeader);
		List<List<Object>> areas = new ArrayList<>();
		view.byArea().forEach((area, counts) -> {
			List<Object> row = new ArrayList<>(List.of(message("area." + area)));
			for (TargetStatus status : TargetStatus.values()) {
				row.add(counts.getOrDefault(status, 0));
			}
			areas.add(row);
		});
		List<List<Object>> ranking = new ArrayList<>();
		int rank = 1;
		for (Overview.Standing standing : view.ranking()) {
			ranking.add(List.of(rank++, standing.regionCode(), standing.regionName(), round(standing.share()), standing.good(),
					standing.behind(), standing.total()));
		}
		String regionName = regions.find(region).map(Regions.RegionOption::name).orElse(region);
		byte[] xlsx = FormWorkbook.readOnly(List.of(new Workbooks.Sheet(message("dashboard.byArea"), areaHeader, areas),
				new Workbooks.Sheet(message("dashboard.ranking"),
						List.of(message("dashboard.rank"), message("import.column.region_code"), message("document.region"),
								message("dashboard.goodShare"), message("dashboard.good"), message("dashboard.behind"),
								message("dashboard.targets")),
						ranking)), 1, message("export.about.sheet"), about(regionName, judged, submitted));
		return UploadedFiles.attachment(message("download.overview", regionName, "" + judged) + ".xlsx",
				"overview-" + region + "-" + judged + ".xlsx", XLSX, xlsx);
	}

	@GetMapping("/regions/{code}/export.xlsx")
	ResponseEntity<byte[]> region(@PathVariable String code, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "false") boolean submitted, @RequestParam(required = false) Long document,
			@RequestParam(required = false) GoalArea area, @RequestParam(required = false) Long department,
			@RequestParam(required = false) TargetStatus status, DataScope scope) {
		covered(code, scope);
		int judged = year(year);
		String regionName = regions.find(code).map(Regions.RegionOption::name).orElse(code);
		return rows(regionName, judged, submitted, "region-" + code + "-" + judged, board.rows(ProgressBoard.Query.of(judged, submitted)
			.region(code)
			.document(document)
			.area(area)
			.department(department)
			.status(status), scope));
	}

	@GetMapping("/departments/{id}/export.xlsx")
	ResponseEntity<byte[]> department(@PathVariable long id, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "false") boolean submitted, DataScope scope) {
		Regions.DepartmentOption department = regions.department(id)
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
		covered(department.regionCode(), scope);
		int judged = year(year);
		return rows(department.name().startsWith(department.regionName()) ? department.name()
				: department.regionName() + department.name(), judged, submitted, "department-" + id + "-" + judged,
				board.rows(ProgressBoard.Query.of(judged, submitted).department(id), scope));
	}

	@GetMapping("/documents/{id}/export.xlsx")
	ResponseEntity<byte[]> document(@PathVariable long id, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "false") boolean submitted, DataScope scope) {
		int judged = year(year);
		List<ProgressRow> rows = board.rows(ProgressBoard.Query.of(judged, submitted).document(id), scope);
		String name = rows.isEmpty() ? "" + id
				: rows.get(0).documentNumber() != null ? rows.get(0).documentNumber() : rows.get(0).documentTitle();
		return rows(name, judged, submitted, "document-" + id + "-" + judged, rows);
	}

	@GetMapping("/indicators/{id}/export.xlsx")
	ResponseEntity<byte[]> indicator(@PathVariable long id, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "false") boolean submitted, DataScope scope) {
		int judged = year(year);
		List<ProgressRow> rows = board.rows(ProgressBoard.Query.of(judged, submitted).indicator(id), scope);
		String name = rows.isEmpty() ? "" + id : rows.get(0).indicatorName();
		return rows(name, judged, submitted, "indicator-" + id + "-" + judged, rows);
	}

	/**
	 * The indicator's figures by region and year with each target's status, in the same layout as
	 * the public indicator page's downloads (Chinese headers; {@link IndicatorSheet}).
	 */
	@GetMapping("/indicators/{id}/figures.csv")
	ResponseEntity<byte[]> figuresCsv(@PathVariable long id, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "false") boolean submitted, DataScope scope) {
		return figures(id, "csv", year, submitted, scope);
	}

	@GetMapping("/indicators/{id}/figures.xlsx")
	ResponseEntity<byte[]> figuresXlsx(@PathVariable long id, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "false") boolean submitted, DataScope scope) {
		return figures(id, "xlsx", year, submitted, scope);
	}

	private ResponseEntity<byte[]> figures(long id, String format, Integer year, boolean submitted, DataScope scope) {
		int judged = year(year);
		PublicProgress.IndicatorDefinition indicator = publicProgress.definition(id)
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
		IndicatorSheet sheet = IndicatorSheet.ofRows(indicator.code(), indicator.name(), indicator.unit(), judged,
				board.rows(ProgressBoard.Query.of(judged, submitted).indicator(id), scope));
		boolean csv = format.equals("csv");
		return UploadedFiles.attachment(sheet.chineseFilename(format, messages), sheet.filename(format),
				csv ? "text/csv;charset=UTF-8" : XLSX,
				csv ? sheet.csv(messages) : sheet.xlsx(messages, about(indicator.name(), judged, submitted)));
	}

	private ResponseEntity<byte[]> rows(String scopeName, int judged, boolean submitted, String asciiName,
			List<ProgressRow> rows) {
		List<String> header = List.of(message("dashboard.indicator"), message("indicator.code"), message("document.region"),
				message("import.column.region_code"),
				message("dashboard.document"), message("target.condition"), message("target.deadlineYear"),
				message("dashboard.latest"), message("dashboard.latestYear"), message("dashboard.forecast"),
				message("dashboard.ratio"), message("common.status"), message("dashboard.explanation"),
				message("target.lead"), message("target.cooperating"));
		List<List<Object>> lines = new ArrayList<>();
		for (ProgressRow row : rows) {
			List<Object> line = new ArrayList<>();
			line.add(row.indicatorName());
			line.add(row.indicatorCode());
			line.add(row.regionName());
			line.add(row.regionCode());
			line.add(row.documentNumber() != null ? row.documentNumber() : row.documentTitle());
			line.add((row.increment() ? message("target.increment") + " " : "") + row.condition());
			line.add(row.deadlineYear());
			line.add(Figures.rounded(row.latestValue(), row.decimals()));
			line.add(row.latestYear());
			line.add(Figures.rounded(row.forecastValue(), row.decimals()));
			line.add(row.ratio());
			line.add(message("progress.status." + row.status()));
			line.add(explain.of(row.explanation()));
			line.add(row.leadDepartmentName());
			line.add(String.join("、", row.cooperatingDepartmentNames()));
			lines.add(line);
		}
		return UploadedFiles.attachment(message("download.progress", scopeName, "" + judged) + ".xlsx", asciiName + ".xlsx",
				XLSX, FormWorkbook.readOnly(List.of(new Workbooks.Sheet(message("dashboard.targetList"), header, lines)), 4,
						message("export.about.sheet"), about(scopeName, judged, submitted)));
	}

	/** The 说明 sheet: what the figures are, by which rules, as of when, and that the file is for reading. */
	private List<String> about(String scopeName, int judged, boolean submitted) {
		List<String> about = new ArrayList<>();
		about.add(message("export.about.progress", scopeName, "" + judged));
		about.add(message(submitted ? "export.about.submitted" : "export.about.final"));
		ProgressBoard.Freshness freshness = board.freshness(judged, submitted);
		if (freshness.asOf() != null) {
			about.add(message("export.about.asOf", Times.format(freshness.asOf(), MINUTES)));
		}
		about.add(message("export.about.exported", Times.format(java.time.Instant.now(), MINUTES)));
		about.add(message("export.about.readOnly"));
		return about;
	}

	private int year(Integer year) {
		return board.judgedYear(year);
	}

	private static void covered(String regionCode, DataScope scope) {
		DashboardController.covered(regionCode, scope);
	}

	private static java.math.BigDecimal round(double share) {
		return java.math.BigDecimal.valueOf(share).setScale(1, java.math.RoundingMode.HALF_UP);
	}

	private String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}

package cn.qualityportal.publication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import cn.qualityportal.progress.ProgressRow;
import cn.qualityportal.progress.TargetStatus;
import cn.qualityportal.spreadsheets.FormWorkbook;
import cn.qualityportal.spreadsheets.Workbooks;
import cn.qualityportal.system.Times;
import cn.qualityportal.targets.Comparator;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One indicator's figures by region, after Open SDG's indicator pages: the same lines give the
 * chart (a line per region with its target as a dashed line), the table beside it and the CSV and
 * xlsx downloads, so the four can never show different numbers. Used by the public indicator page
 * and the portal's own.
 *
 * @param years the columns: every year with a figure in any line, oldest first
 */
public record IndicatorSheet(String indicatorCode, String indicatorName, String unit, int judgedYear,
		List<Integer> years, List<Line> lines) {

	/** Status colours, the same as the badges' (portal.css). */
	private static final Map<TargetStatus, String> COLOURS = Map.of(TargetStatus.ACHIEVED, "#198754",
			TargetStatus.ON_TRACK, "#0d6efd", TargetStatus.NEEDS_ACCELERATION, "#e0a800", TargetStatus.OFF_TRACK,
			"#fd7e14", TargetStatus.OVERDUE, "#dc3545", TargetStatus.NO_DATA, "#adb5bd");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Downloads carry Chinese headers and texts whatever the reader's language (the office's format). */
	private static final Locale DOWNLOAD_LOCALE = Locale.SIMPLIFIED_CHINESE;

	/**
	 * One target of the indicator in one region.
	 *
	 * @param values the figure of each of the sheet's years, null where there is none
	 * @param line the target's threshold when it is a level (drawn as the target line), else null
	 * @param status null when withheld
	 */
	public record Line(String regionCode, String regionName, String condition, int deadlineYear, BigDecimal line,
			List<BigDecimal> values, BigDecimal latestValue, Integer latestYear, TargetStatus status,
			MessageSourceResolvable explanation, boolean increment) {

		public String statusClass() {
			return status == null ? "" : "status-" + status.name();
		}

		/** The target as the pages show it: 新增 before an increment's condition, as on the entry grid. */
		String conditionText(MessageSource messages) {
			return increment ? messages.getMessage("target.increment", null, DOWNLOAD_LOCALE) + " " + condition : condition;
		}

	}

	/** From the public site's targets of one indicator. */
	public static IndicatorSheet ofPublic(PublicProgress.IndicatorDefinition indicator, int judgedYear,
			List<PublicProgress.PublicTarget> targets) {
		List<Integer> years = years(targets.stream().map(PublicProgress.PublicTarget::series).toList());
		List<Line> lines = new ArrayList<>();
		for (PublicProgress.PublicTarget target : targets) {
			lines.add(new Line(target.regionCode(), target.regionName(), target.condition(), target.deadlineYear(),
					level(target.comparator(), target.increment(), target.value()), values(years, target.series()),
					target.latestValue(), target.latestYear(), target.status(), target.explanation(), target.increment()));
		}
		return new IndicatorSheet(indicator.code(), indicator.name(), indicator.unit(), judgedYear, years, lines);
	}

	/** From the portal's rows of one indicator (within the reader's scope). */
	public static IndicatorSheet ofRows(String code, String name, String unit, int judgedYear, List<ProgressRow> rows) {
		List<Integer> years = years(rows.stream().map(ProgressRow::series).toList());
		List<Line> lines = new ArrayList<>();
		for (ProgressRow row : rows) {
			lines.add(new Line(row.regionCode(), row.regionName(), row.condition(), row.deadlineYear(),
					level(row.comparator(), row.increment(), row.value()), values(years, row.series()),
					row.latestValue(), row.latestYear(), row.status(), row.explanation(), row.increment()));
		}
		return new IndicatorSheet(code, name, unit, judgedYear, years, lines);
	}

	/** ECharts options for {@code data-chart} (static/js/charts.js draws them). */
	public String chart() {
		List<Object> series = new ArrayList<>();
		for (Line line : lines) {
			Map<String, Object> one = map("name", line.regionName(), "type", "line", "connectNulls", true, "data",
					line.values());
			if (line.line() != null) {
				one.put("markLine", map("symbol", "none", "silent", true, "data",
						List.of(map("yAxis", line.line(), "name", line.condition())), "lineStyle", map("type", "dashed"),
						"label", map("formatter", line.condition(), "position", "insideEndTop")));
			}
			series.add(one);
		}
		return JSON.writeValueAsString(map("tooltip", map("trigger", "axis"), "legend", map("bottom", 0, "type", "scroll"),
				"grid", map("left", 8, "right", 16, "top", 24, "bottom", 40, "containLabel", true),
				"xAxis", map("type", "category", "data", years.stream().map(String::valueOf).toList()),
				"yAxis", map("type", "value", "scale", true, "name", unit), "series", series));
	}

	/** The table's rows as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese headers). */
	public byte[] csv(MessageSource messages) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(String.join(",", header(messages))).append("\r\n");
		for (List<Object> row : rows(messages)) {
			List<String> cells = new ArrayList<>();
			for (Object cell : row) {
				cells.add(quoted(cell == null ? "" : cell instanceof BigDecimal number ? plain(number) : cell.toString()));
			}
			csv.append(String.join(",", cells)).append("\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The same table as a read-only form ({@link FormWorkbook#readOnly}): indicator and region frozen
	 * as its key columns, and {@code about} (what the figures are, as of when, by which rules) on a
	 * last sheet 说明.
	 */
	public byte[] xlsx(MessageSource messages, List<String> about) {
		return FormWorkbook.readOnly(List.of(new Workbooks.Sheet(indicatorCode, header(messages), rows(messages))), 4,
				messages.getMessage("export.about.sheet", null, DOWNLOAD_LOCALE), about);
	}

	/** The 说明 of the public site's download: published, approved figures only, judged by docs/progress.md. */
	public List<String> publicAbout(MessageSource messages) {
		return List.of(
				messages.getMessage("export.about.public", new Object[] { indicatorName, indicatorCode, "" + judgedYear },
						DOWNLOAD_LOCALE),
				messages.getMessage("export.about.exported",
						new Object[] { Times.format(java.time.Instant.now(),
								java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) },
						DOWNLOAD_LOCALE),
				messages.getMessage("export.about.readOnly", null, DOWNLOAD_LOCALE));
	}

	/** The download's Chinese name, e.g. 质量监督抽查合格率（FCG-02）2019年数据.xlsx ({@link #filename} is its ASCII fallback). */
	public String chineseFilename(String extension, MessageSource messages) {
		return messages.getMessage("download.figures", new Object[] { indicatorName, indicatorCode, "" + judgedYear },
				DOWNLOAD_LOCALE) + "." + extension;
	}

	/** A file name that says what it holds: code and judged year. */
	public String filename(String extension) {
		return indicatorCode.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + judgedYear + "." + extension;
	}

	private List<String> header(MessageSource messages) {
		return List.of("indicator.code", "sheet.indicatorName", "sheet.regionCode", "document.region", "sheet.year",
				"sheet.value", "indicator.unit", "target.condition", "sheet.deadline", "sheet.judgedYear",
				"common.status", "sheet.explanation")
			.stream()
			.map(key -> messages.getMessage(key, null, DOWNLOAD_LOCALE))
			.toList();
	}

	/** One row per figure (year) of each line; a line without figures still has its row. */
	private List<List<Object>> rows(MessageSource messages) {
		List<List<Object>> rows = new ArrayList<>();
		for (Line line : lines) {
			String status = line.status() == null ? messages.getMessage("publication.withheld", null, DOWNLOAD_LOCALE)
					: messages.getMessage("progress.status." + line.status().name(), null, DOWNLOAD_LOCALE);
			String explanation = line.explanation() == null ? "" : messages.getMessage(line.explanation(), DOWNLOAD_LOCALE);
			boolean any = false;
			for (int i = 0; i < years.size(); i++) {
				if (line.values().get(i) != null) {
					any = true;
					rows.add(row(line, years.get(i), line.values().get(i), status, explanation, line.conditionText(messages)));
				}
			}
			if (!any) {
				rows.add(row(line, null, null, status, explanation, line.conditionText(messages)));
			}
		}
		return rows;
	}

	private List<Object> row(Line line, Integer year, BigDecimal value, String status, String explanation, String condition) {
		List<Object> row = new ArrayList<>();
		row.add(indicatorCode);
		row.add(indicatorName);
		row.add(line.regionCode());
		row.add(line.regionName());
		row.add(year == null ? null : BigDecimal.valueOf(year));
		row.add(value == null ? null : new BigDecimal(plain(value)));
		row.add(unit);
		row.add(condition);
		row.add(BigDecimal.valueOf(line.deadlineYear()));
		row.add(BigDecimal.valueOf(judgedYear));
		row.add(status);
		row.add(explanation);
		return row;
	}

	/** A figure as people write it: no trailing zeros, never in scientific notation. */
	public static String plain(BigDecimal value) {
		return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
	}

	private static BigDecimal level(Comparator comparator, boolean increment, BigDecimal value) {
		boolean change = increment || comparator == Comparator.INCREASE_BY || comparator == Comparator.DECREASE_BY;
		return change ? null : value;
	}

	private static List<Integer> years(List<List<ProgressRow.Point>> series) {
		TreeSet<Integer> years = new TreeSet<>();
		series.forEach(points -> points.forEach(point -> years.add(point.year())));
		return List.copyOf(years);
	}

	private static List<BigDecimal> values(List<Integer> years, List<ProgressRow.Point> series) {
		Map<Integer, BigDecimal> byYear = new LinkedHashMap<>();
		series.forEach(point -> byYear.put(point.year(), point.value()));
		List<BigDecimal> values = new ArrayList<>();
		for (Integer year : years) {
			BigDecimal value = byYear.get(year);
			values.add(value == null ? null : new BigDecimal(plain(value)));
		}
		return values;
	}

	private static String quoted(String cell) {
		// A leading = + - @ would be a formula in Excel: prefixed with ' so the file cannot run one.
		String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+") ? "'" + cell : cell;
		return safe.matches(".*[\",\\r\\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}

	private static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	static String rounded(BigDecimal value) {
		return value.setScale(Math.min(2, Math.max(0, value.scale())), RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

}

package cn.qualityportal.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import cn.qualityportal.spreadsheets.CsvCells;
import cn.qualityportal.spreadsheets.FormWorkbook;
import cn.qualityportal.spreadsheets.FormWorkbook.Column;
import cn.qualityportal.spreadsheets.FormWorkbook.Line;
import cn.qualityportal.spreadsheets.FormWorkbook.NumberRule;
import cn.qualityportal.spreadsheets.FormWorkbook.Rule;
import cn.qualityportal.spreadsheets.ImportColumn;
import cn.qualityportal.spreadsheets.SpreadsheetException;
import cn.qualityportal.spreadsheets.SpreadsheetRow;
import cn.qualityportal.spreadsheets.Spreadsheets;
import cn.qualityportal.reporting.Assignments.Assignment;
import cn.qualityportal.targets.ValueType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.web.multipart.MultipartFile;

/**
 * Figures in and out of spreadsheets: the pre-filled template, exports, and reading an upload for
 * the import. Template and xlsx export are one form ({@link FormWorkbook}): headings, status and
 * period in the reader's language over a hidden row of machine keys, key columns locked, the
 * figure's cell validated by its indicator's kind (a percentage 0–100, a count whole), and a
 * 填写说明 sheet; filled in, either imports as it is.
 */
final class ValueExchange {

	static final long MAX_UPLOAD_BYTES = 30L * 1024 * 1024;

	/** The columns of the form, by machine key; the headings are {@code excel.column.<key>}. */
	static final List<String> KEYS = List.of("indicator_code", "indicator_name", "unit", "region_code", "region_name", "year",
			"period", "value", "numerator", "denominator", "note", "version", "status");

	private static final List<String> EDITABLE = List.of("value", "numerator", "denominator", "note");

	/** Period codes ("" annual) and the message keys of their names. */
	static final Map<String, String> PERIODS = periods();

	/** The columns the import reads (all others, names and status, are for the reader). */
	static final List<ImportColumn> IMPORTED = List.of(
			ImportColumn.required("indicator_code", "excel.column.indicator_code"),
			ImportColumn.required("region_code", "excel.column.region_code", "区划代码"),
			ImportColumn.required("year", "excel.column.year"), ImportColumn.optional("period", "excel.column.period"),
			ImportColumn.optional("value", "excel.column.value"), ImportColumn.optional("numerator", "excel.column.numerator"),
			ImportColumn.optional("denominator", "excel.column.denominator"), ImportColumn.optional("note", "excel.column.note"),
			ImportColumn.optional("version", "excel.column.version"));

	private ValueExchange() {
	}

	private static Map<String, String> periods() {
		Map<String, String> periods = new java.util.LinkedHashMap<>();
		periods.put("", "excel.period.ANNUAL");
		for (String code : List.of("H1", "H2", "Q1", "Q2", "Q3", "Q4")) {
			periods.put(code, "excel.period." + code);
		}
		return java.util.Collections.unmodifiableMap(periods);
	}

	/** The rows of an upload, or a single whole-file problem. */
	static List<SpreadsheetRow> read(MultipartFile file) throws SpreadsheetException, IOException {
		try (InputStream content = file.getInputStream()) {
			return Spreadsheets.read(file.getOriginalFilename(), content, MAX_UPLOAD_BYTES, ValueImport.MAX_ROWS);
		}
	}

	/** The template for a unit and period: one row per assigned indicator, with what is stored now. */
	static byte[] template(List<Assignment> assignments, List<ValueView> current, String regionCode, String regionName,
			ReportingPeriod period, double outlierShare, MessageSource messages, Locale locale) {
		String label = ValueView.periodLabel(period.getKind(), period.getNumber());
		Map<String, ValueType> types = new HashMap<>();
		List<ValueView> rows = assignments.stream().map(assignment -> {
			types.put(assignment.indicatorCode(), assignment.valueType());
			return current.stream()
				.filter(value -> value.indicatorCode().equals(assignment.indicatorCode()) && value.period().equals(label))
				.findFirst()
				.orElse(new ValueView(0, assignment.indicatorCode(), assignment.indicatorName(), assignment.unit(), regionCode,
						regionName, period.getYear(), label, null, null, null, null, null, null, null, null, -1, 0,
						assignment.decimals(), null, false));
		}).toList();
		String periodName = period.getYear() + " " + messages.getMessage(PERIODS.get(label), null, locale);
		return form(rows, types::get, messages, locale, List.of(regionName == null ? regionCode : regionName, periodName,
				Math.round(outlierShare * 100)));
	}

	/** An export of any scope, in the same form as the template, so it can be corrected and imported again. */
	static byte[] xlsx(List<ValueView> rows, Function<String, ValueType> types, double outlierShare, MessageSource messages,
			Locale locale) {
		return form(rows, types, messages, locale,
				List.of(messages.getMessage("excel.export.scope", null, locale), "", Math.round(outlierShare * 100)));
	}

	private static byte[] form(List<ValueView> rows, Function<String, ValueType> types, MessageSource messages, Locale locale,
			List<Object> instructionArguments) {
		List<Column> columns = new ArrayList<>();
		for (String key : KEYS) {
			boolean editable = EDITABLE.contains(key);
			Rule rule = switch (key) {
				case "numerator", "denominator" -> new NumberRule(BigDecimal.ZERO, null, false,
						messages.getMessage("excel.rule.parts", null, locale));
				case "value" -> new NumberRule(null, null, false, messages.getMessage("excel.rule.DECIMAL", null, locale));
				default -> null;
			};
			int width = switch (key) {
				case "indicator_name", "note" -> 36;
				case "region_name" -> 14;
				default -> 12;
			};
			columns.add(new Column(key, messages.getMessage("excel.column." + key, null, locale), width, editable, rule));
		}
		int valueColumn = KEYS.indexOf("value");
		Map<ExpectedNumber, Rule> rules = new HashMap<>();
		List<Line> lines = new ArrayList<>(rows.size());
		for (ValueView row : rows) {
			List<Object> cells = new ArrayList<>(KEYS.size());
			cells.add(row.indicatorCode());
			cells.add(row.indicatorName());
			cells.add(row.unit());
			cells.add(row.regionCode());
			cells.add(row.regionName());
			cells.add(row.year());
			cells.add(messages.getMessage(PERIODS.getOrDefault(row.period(), "excel.period.ANNUAL"), null, locale));
			cells.add(row.value());
			cells.add(row.numerator());
			cells.add(row.denominator());
			cells.add(row.note());
			cells.add(row.version() >= 0 ? row.version() : null);
			cells.add(messages.getMessage("valueStatus." + (row.status() == null ? "NONE" : row.status().name()), null, locale));
			ValueType type = types.apply(row.indicatorCode());
			ExpectedNumber expected = type == null ? null : ExpectedNumber.of(type, row.unit());
			Rule rule = expected == null ? null : rules.computeIfAbsent(expected, e -> rule(e, messages, locale));
			// A submitted or approved figure cannot be changed by import: its row is locked like the keys.
			lines.add(new Line(cells, rule == null ? Map.of() : Map.of(valueColumn, rule),
					row.status() != null && !row.status().isEditable()));
		}
		List<String> instructions = new ArrayList<>();
		for (int i = 1; messages.getMessage("excel.instructions." + i, null, null, locale) != null; i++) {
			instructions.add(messages.getMessage("excel.instructions." + i, instructionArguments.toArray(), locale));
		}
		return FormWorkbook.write(new FormWorkbook.Form(messages.getMessage("excel.sheet.values", null, locale), columns, lines,
				messages.getMessage("excel.sheet.instructions", null, locale), instructions));
	}

	/** The same ranges as the server's rule ({@code ValueType.violation}), as Excel validation, prompted as the grid hints. */
	private static Rule rule(ExpectedNumber expected, MessageSource messages, Locale locale) {
		String message = messages.getMessage(expected.ruleKey(), null, locale);
		return switch (expected) {
			case PERCENTAGE -> new NumberRule(BigDecimal.ZERO, BigDecimal.valueOf(100), false, message);
			case PER_MILLE -> new NumberRule(BigDecimal.ZERO, BigDecimal.valueOf(1000), false, message);
			case INTEGER -> new NumberRule(BigDecimal.ZERO, null, true, message);
			case YES_NO -> new FormWorkbook.ListRule(List.of("1", "0"), message);
			case AMOUNT, DECIMAL -> new NumberRule(null, null, false, message);
		};
	}

	static byte[] csv(List<ValueView> rows, MessageSource messages, Locale locale) throws IOException {
		StringBuilder text = new StringBuilder("\uFEFF");
		try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
			CsvCells.printRecord(printer, KEYS.stream().map(key -> messages.getMessage("excel.column." + key, null, locale)).toArray());
			for (ValueView row : rows) {
				CsvCells.printRecord(printer, row.indicatorCode(), row.indicatorName(), row.unit(), row.regionCode(),
						row.regionName(), row.year(), messages.getMessage(PERIODS.getOrDefault(row.period(), "excel.period.ANNUAL"), null, locale),
						row.value(), row.numerator(), row.denominator(), row.note(), row.version(),
						messages.getMessage("valueStatus." + row.status(), null, locale));
			}
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}

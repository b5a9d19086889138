package cn.qualityportal.spreadsheets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;

/**
 * The first step of every import: an uploaded table's columns found by their headings, and its
 * data rows. A heading is a column's machine key (the hidden first row of the portal's own
 * workbooks), its Chinese or English label, or an alias; when the row after the headings repeats
 * them (the visible label row under the hidden key row) it is skipped. A required column that is
 * missing is a problem naming the column as the user would write it.
 */
public final class ImportTable {

	private final Map<String, Integer> index;

	private final List<SpreadsheetRow> rows;

	private ImportTable(Map<String, Integer> index, List<SpreadsheetRow> rows) {
		this.index = index;
		this.rows = rows;
	}

	/** The table of {@code rows}, or null with the problems added to {@code problems}. */
	public static ImportTable read(List<SpreadsheetRow> rows, List<ImportColumn> columns, MessageSource messages,
			List<ImportProblem> problems) {
		if (rows.size() < 2) {
			problems.add(ImportProblem.ofFile("import.noRows"));
			return null;
		}
		Map<String, ImportColumn> byHeading = new HashMap<>();
		for (ImportColumn column : columns) {
			Set<String> headings = new LinkedHashSet<>();
			headings.add(column.key());
			headings.addAll(column.aliases());
			for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
				headings.add(messages.getMessage(column.labelKey(), null, column.key(), locale));
			}
			headings.forEach(heading -> byHeading.putIfAbsent(normal(heading), column));
		}
		Map<String, Integer> index = resolve(rows.get(0), byHeading);
		for (ImportColumn column : columns) {
			if (column.required() && !index.containsKey(column.key())) {
				problems.add(new ImportProblem(rows.get(0).number(), column.key(), column.labelKey(), "import.columnMissing"));
			}
		}
		if (!problems.isEmpty()) {
			return null;
		}
		int first = 1;
		if (resolve(rows.get(1), byHeading).equals(index)) {
			first = 2; // the label row under the hidden row of machine keys
		}
		return new ImportTable(index, rows.subList(first, rows.size()).stream().filter(row -> !row.isBlank()).toList());
	}

	private static Map<String, Integer> resolve(SpreadsheetRow header, Map<String, ImportColumn> byHeading) {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < header.cells().size(); i++) {
			ImportColumn column = byHeading.get(normal(header.cell(i)));
			if (column != null) {
				index.putIfAbsent(column.key(), i);
			}
		}
		return index;
	}

	private static String normal(String heading) {
		return heading.replace("\uFEFF", "").replace("*", "").strip().toLowerCase(Locale.ROOT);
	}

	/** The data rows, without blank ones. */
	public List<SpreadsheetRow> rows() {
		return rows;
	}

	public boolean has(String key) {
		return index.containsKey(key);
	}

	/** The row's cell of the column, stripped; "" when the table has no such column. */
	public String cell(SpreadsheetRow row, String key) {
		Integer i = index.get(key);
		return i == null ? "" : row.cell(i).strip();
	}

	/** The problem's message in the user's language. */
	public static String message(ImportProblem problem, MessageSource messages, Locale locale) {
		return messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), locale);
	}

	/** The heading of the problem's column as the user's sheet shows it (数值), or "" for the whole file. */
	public static String columnName(ImportProblem problem, MessageSource messages, Locale locale) {
		return problem.hasColumn() ? messages.getMessage(problem.columnLabel(), null, problem.column(), locale) : "";
	}

	/** The problems as CSV for Excel (UTF-8 with BOM): row, column heading, message. */
	public static byte[] reportCsv(List<ImportProblem> problems, MessageSource messages, Locale locale) {
		StringBuilder text = new StringBuilder("\uFEFF");
		try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
			CsvCells.printRecord(printer, messages.getMessage("import.row", null, locale),
					messages.getMessage("import.column", null, locale), messages.getMessage("import.message", null, locale));
			for (ImportProblem problem : problems) {
				CsvCells.printRecord(printer, problem.row(),
						columnName(problem, messages, locale), message(problem, messages, locale));
			}
		}
		catch (IOException impossible) {
			throw new IllegalStateException(impossible);
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Sorted by row, the order in which the user corrects the file. */
	public static List<ImportProblem> byRow(List<ImportProblem> problems) {
		List<ImportProblem> sorted = new ArrayList<>(problems);
		sorted.sort(java.util.Comparator.comparingInt(ImportProblem::row));
		return sorted;
	}

}

package cn.qualityportal.spreadsheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A workbook to be filled in and imported again, as offices in China expect one (Apache POI,
 * streaming, so exports of 100,000 rows stay small in memory): a first sheet of rows under a
 * hidden row of machine keys and a visible row of headings in the reader's language; key columns
 * locked (the sheet is protected without a password, only the editable columns are open); data
 * validation on the editable cells (a list, or a number in a range, with the rule as an error
 * message); and an instructions sheet (填写说明). The import reads the hidden keys, or the headings
 * in either language ({@link ImportTable}).
 */
public final class FormWorkbook {

	private FormWorkbook() {
	}

	/** What a cell accepts; {@code message} is shown by Excel/WPS when a typed value breaks it. */
	public sealed interface Rule {

		String message();

	}

	/** A number between {@code min} and {@code max} (null: unbounded); {@code whole} for integers. */
	public record NumberRule(BigDecimal min, BigDecimal max, boolean whole, String message) implements Rule {
	}

	/** One of the listed texts (at most 255 characters together, Excel's limit for an inline list). */
	public record ListRule(List<String> choices, String message) implements Rule {
	}

	/** A column: its machine key, heading, width in characters, whether users fill it, and its rule (or null). */
	public record Column(String key, String heading, int width, boolean editable, Rule rule) {
	}

	/**
	 * A row's cells (text, numbers, or null) and rules of some cells that differ from their column's
	 * (by column index); a {@code locked} row (an approved figure) has every cell locked, its
	 * editable columns included, and no validation.
	 */
	public record Line(List<Object> cells, Map<Integer, Rule> rules, boolean locked) {

		public Line(List<Object> cells) {
			this(cells, Map.of(), false);
		}

		public Line(List<Object> cells, Map<Integer, Rule> rules) {
			this(cells, rules, false);
		}

	}

	public record Form(String sheetName, List<Column> columns, List<Line> lines, String instructionsName,
			List<String> instructions) {
	}

	public static byte[] write(Form form) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			CellStyle header = headerStyle(workbook);
			header.setLocked(true);
			CellStyle locked = workbook.createCellStyle();
			locked.setLocked(true);
			locked.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			locked.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			CellStyle open = workbook.createCellStyle();
			open.setLocked(false);

			SXSSFSheet sheet = workbook.createSheet(sheetName(form.sheetName()));
			List<Column> columns = form.columns();
			Row keys = sheet.createRow(0);
			keys.setZeroHeight(true);
			Row headings = sheet.createRow(1);
			for (int c = 0; c < columns.size(); c++) {
				keys.createCell(c).setCellValue(columns.get(c).key());
				var cell = headings.createCell(c);
				cell.setCellValue(columns.get(c).heading());
				cell.setCellStyle(header);
				sheet.setColumnWidth(c, Math.min(255, columns.get(c).width()) * 256);
				// Columns beyond the last row stay open too, so a row typed below the data can be filled.
				sheet.setDefaultColumnStyle(c, columns.get(c).editable() ? open : locked);
			}
			sheet.createFreezePane(0, 2);
			// Cells by rule, so a rule is one validation however many rows share it.
			Map<Rule, Map<Integer, List<int[]>>> cellsByRule = new LinkedHashMap<>();
			int r = 2;
			for (Line line : form.lines()) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < columns.size(); c++) {
					Object value = c < line.cells().size() ? line.cells().get(c) : null;
					var cell = row.createCell(c);
					boolean editable = columns.get(c).editable() && !line.locked();
					cell.setCellStyle(editable ? open : locked);
					if (value instanceof Number number) {
						cell.setCellValue(number.doubleValue());
					}
					else if (value != null) {
						cell.setCellValue(value.toString());
					}
					Rule rule = line.rules().getOrDefault(c, columns.get(c).rule());
					if (rule != null && editable) {
						List<int[]> ranges = cellsByRule.computeIfAbsent(rule, k -> new LinkedHashMap<>())
							.computeIfAbsent(c, k -> new ArrayList<>());
						int[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
						if (last != null && last[1] == r - 1) {
							last[1] = r;
						}
						else {
							ranges.add(new int[] { r, r });
						}
					}
				}
				r++;
			}
			DataValidationHelper helper = sheet.getDataValidationHelper();
			for (int c = 0; c < columns.size(); c++) {
				// Rows typed below the data follow the column's rule.
				Rule rule = columns.get(c).rule();
				if (rule != null && columns.get(c).editable()) {
					cellsByRule.computeIfAbsent(rule, k -> new LinkedHashMap<>())
						.computeIfAbsent(c, k -> new ArrayList<>())
						.add(new int[] { r, Math.max(r, 2) + 999 });
				}
			}
			cellsByRule.forEach((rule, byColumn) -> {
				CellRangeAddressList addresses = new CellRangeAddressList();
				byColumn.forEach((column, ranges) -> ranges
					.forEach(range -> addresses.addCellRangeAddress(range[0], column, range[1], column)));
				DataValidation validation = helper.createValidation(constraint(helper, rule), addresses);
				validation.setShowErrorBox(true);
				validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
				validation.createErrorBox(form.sheetName(), rule.message());
				validation.setShowPromptBox(true);
				validation.createPromptBox(columns.get(byColumn.keySet().iterator().next()).heading(), rule.message());
				validation.setEmptyCellAllowed(true);
				sheet.addValidationData(validation);
			});
			sheet.lockFormatColumns(false);
			sheet.lockFormatRows(false);
			sheet.lockSelectLockedCells(false);
			sheet.lockSelectUnlockedCells(false);
			sheet.enableLocking();

			SXSSFSheet instructions = workbook.createSheet(sheetName(form.instructionsName()));
			instructions.setColumnWidth(0, 120 * 256);
			int i = 0;
			for (String text : form.instructions()) {
				instructions.createRow(i++).createCell(0).setCellValue(text);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
	}

	/** Headings as both kinds of form show them: bold on grey, wrapped. */
	private static CellStyle headerStyle(SXSSFWorkbook workbook) {
		CellStyle header = workbook.createCellStyle();
		Font bold = workbook.createFont();
		bold.setBold(true);
		header.setFont(bold);
		header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		header.setWrapText(true);
		return header;
	}

	/**
	 * A read-only export in the same form: each sheet's headings in bold over its rows, the first
	 * {@code keyColumns} columns (what identifies a row) shaded and frozen with the headings, every
	 * sheet protected without a password (nothing is meant to be typed in, so no validation), and
	 * last a sheet {@code aboutName} saying what the figures are, as of when, by which rules, and
	 * that the file is for reading.
	 */
	public static byte[] readOnly(List<Workbooks.Sheet> sheets, int keyColumns, String aboutName, List<String> about) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			CellStyle header = headerStyle(workbook);
			CellStyle key = workbook.createCellStyle();
			key.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			key.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			for (Workbooks.Sheet data : sheets) {
				SXSSFSheet sheet = workbook.createSheet(sheetName(data.name()));
				Row headings = sheet.createRow(0);
				for (int c = 0; c < data.header().size(); c++) {
					var cell = headings.createCell(c);
					cell.setCellValue(data.header().get(c));
					cell.setCellStyle(header);
					sheet.setColumnWidth(c, Math.min(60, Math.max(10, data.header().get(c).length() * 3)) * 256);
				}
				int r = 1;
				for (List<Object> line : data.rows()) {
					Row row = sheet.createRow(r++);
					for (int c = 0; c < line.size(); c++) {
						Object value = line.get(c);
						var cell = row.createCell(c);
						if (c < keyColumns) {
							cell.setCellStyle(key);
						}
						if (value instanceof Number number) {
							cell.setCellValue(number.doubleValue());
						}
						else if (value != null) {
							cell.setCellValue(value.toString());
						}
					}
				}
				sheet.createFreezePane(Math.min(keyColumns, data.header().size()), 1);
				protect(sheet);
			}
			SXSSFSheet instructions = workbook.createSheet(sheetName(aboutName));
			instructions.setColumnWidth(0, 120 * 256);
			int i = 0;
			for (String text : about) {
				instructions.createRow(i++).createCell(0).setCellValue(text);
			}
			protect(instructions);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
	}

	/** Protected without a password: a guard against a slip of the hand, not a lock; cells can still be selected and copied. */
	private static void protect(SXSSFSheet sheet) {
		sheet.lockFormatColumns(false);
		sheet.lockSelectLockedCells(false);
		sheet.lockSelectUnlockedCells(false);
		sheet.enableLocking();
	}

	private static DataValidationConstraint constraint(DataValidationHelper helper, Rule rule) {
		if (rule instanceof ListRule list) {
			return helper.createExplicitListConstraint(list.choices().toArray(String[]::new));
		}
		NumberRule number = (NumberRule) rule;
		String min = number.min() == null ? "-999999999999999" : number.min().toPlainString();
		String max = number.max() == null ? "999999999999999" : number.max().toPlainString();
		return number.whole() ? helper.createIntegerConstraint(OperatorType.BETWEEN, min, max)
				: helper.createDecimalConstraint(OperatorType.BETWEEN, min, max);
	}

	/** Excel allows 31 characters and none of []:*?/\ in a sheet name. */
	private static String sheetName(String name) {
		String safe = name.replaceAll("[\\[\\]:*?/\\\\]", " ");
		return safe.length() > 31 ? safe.substring(0, 31) : safe;
	}

}

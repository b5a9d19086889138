package cn.qualityportal.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import cn.qualityportal.spreadsheets.SpreadsheetException;
import cn.qualityportal.spreadsheets.Spreadsheets;
import cn.qualityportal.reporting.Assignments.Assignment;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import cn.qualityportal.spreadsheets.CsvCells;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.web.multipart.MultipartFile;

/** Figures in and out of spreadsheets: the pre-filled template, exports, and reading an upload for the import. */
final class ValueExchange {

	static final long MAX_UPLOAD_BYTES = 30L * 1024 * 1024;

	static final String[] HEADER = { "indicator_code", "indicator_name", "region_code", "year", "period", "value",
			"numerator", "denominator", "note", "version", "status" };

	private ValueExchange() {
	}

	/** The rows of an upload, or a single whole-file problem. */
	static List<cn.qualityportal.spreadsheets.SpreadsheetRow> read(MultipartFile file) throws SpreadsheetException, IOException {
		try (InputStream content = file.getInputStream()) {
			return Spreadsheets.read(file.getOriginalFilename(), content, MAX_UPLOAD_BYTES, ValueImport.MAX_ROWS);
		}
	}

	/** The template for a unit and period: one row per assigned indicator, with what is stored now. */
	static byte[] template(List<Assignment> assignments, List<ValueView> current, String regionCode, ReportingPeriod period)
			throws IOException {
		String label = ValueView.periodLabel(period.getKind(), period.getNumber());
		List<ValueView> rows = assignments.stream()
			.map(assignment -> current.stream()
				.filter(value -> value.indicatorCode().equals(assignment.indicatorCode()) && value.period().equals(label))
				.findFirst()
				.orElse(new ValueView(0, assignment.indicatorCode(), assignment.indicatorName(), assignment.unit(), regionCode,
						null, period.getYear(), label, null, null, null, null, null, null, null, null, -1, 0, assignment.decimals())))
			.toList();
		return xlsx(rows);
	}

	static byte[] xlsx(List<ValueView> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "Quality Target Portal", "1.0");
		Worksheet sheet = workbook.newWorksheet("values");
		for (int c = 0; c < HEADER.length; c++) {
			sheet.value(0, c, HEADER[c]);
		}
		int r = 1;
		for (ValueView row : rows) {
			sheet.value(r, 0, row.indicatorCode());
			sheet.value(r, 1, row.indicatorName());
			sheet.value(r, 2, row.regionCode());
			sheet.value(r, 3, row.year());
			sheet.value(r, 4, row.period());
			if (row.value() != null) {
				sheet.value(r, 5, row.value());
			}
			if (row.numerator() != null) {
				sheet.value(r, 6, row.numerator());
			}
			if (row.denominator() != null) {
				sheet.value(r, 7, row.denominator());
			}
			sheet.value(r, 8, row.note());
			if (row.version() >= 0) {
				sheet.value(r, 9, row.version());
			}
			sheet.value(r, 10, row.status() == null ? "" : row.status().name());
			r++;
		}
		workbook.finish();
		return out.toByteArray();
	}

	static byte[] csv(List<ValueView> rows) throws IOException {
		StringBuilder text = new StringBuilder("\uFEFF");
		try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
			CsvCells.printRecord(printer, (Object[]) HEADER);
			for (ValueView row : rows) {
				CsvCells.printRecord(printer, row.indicatorCode(), row.indicatorName(), row.regionCode(), row.year(), row.period(),
						row.value(), row.numerator(), row.denominator(), row.note(), row.version(), row.status());
			}
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The per-row report as CSV for Excel. */
	static byte[] report(List<ValueImport.Problem> problems, MessageSource messages, Locale locale) throws IOException {
		StringBuilder text = new StringBuilder("\uFEFF");
		try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
			CsvCells.printRecord(printer, messages.getMessage("import.row", null, locale), messages.getMessage("import.column", null, locale),
					messages.getMessage("import.message", null, locale));
			for (ValueImport.Problem problem : problems) {
				CsvCells.printRecord(printer, problem.row(), problem.column(), messages.getMessage(problem.messageKey(), null, locale));
			}
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}

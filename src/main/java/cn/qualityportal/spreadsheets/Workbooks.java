package cn.qualityportal.spreadsheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes simple workbooks for exports: sheets of a bold header row and rows of text and numbers
 * (numbers stay numbers, so the office can sum and chart them in Excel).
 */
public final class Workbooks {

	private Workbooks() {
	}

	/** One sheet: its name (at most 31 characters in Excel), header and rows. */
	public record Sheet(String name, List<String> header, List<List<Object>> rows) {
	}

	public static byte[] write(List<Sheet> sheets) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "Quality Target Portal", "1.0");
			for (Sheet sheet : sheets) {
				Worksheet worksheet = workbook.newWorksheet(sheet.name().length() > 31 ? sheet.name().substring(0, 31) : sheet.name());
				for (int c = 0; c < sheet.header().size(); c++) {
					worksheet.value(0, c, sheet.header().get(c));
					worksheet.style(0, c).bold().set();
				}
				int r = 1;
				for (List<Object> row : sheet.rows()) {
					for (int c = 0; c < row.size(); c++) {
						Object value = row.get(c);
						if (value instanceof BigDecimal number) {
							worksheet.value(r, c, number);
						}
						else if (value instanceof Number number) {
							worksheet.value(r, c, number);
						}
						else if (value != null) {
							worksheet.value(r, c, value.toString());
						}
					}
					r++;
				}
			}
			workbook.finish();
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
		return out.toByteArray();
	}

}

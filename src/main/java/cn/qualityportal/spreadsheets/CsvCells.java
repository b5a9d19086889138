package cn.qualityportal.spreadsheets;

import java.io.IOException;

import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CSV records that a spreadsheet opens as text, never as a formula (CSV injection, OWASP):
 * a text cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * gets a leading apostrophe, which Excel and WPS show as text and do not evaluate. Numbers stay
 * numbers. Every CSV the portal writes goes through here.
 */
public final class CsvCells {

	private CsvCells() {
	}

	public static void printRecord(CSVPrinter printer, Object... cells) throws IOException {
		Object[] safe = new Object[cells.length];
		for (int i = 0; i < cells.length; i++) {
			safe[i] = cells[i] instanceof Number || cells[i] == null ? cells[i] : neutralise(String.valueOf(cells[i]));
		}
		printer.printRecord(safe);
	}

	/** The text as a spreadsheet should show it, never run it. */
	public static String neutralise(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

}

package cn.qualityportal.spreadsheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Turns an uploaded .csv or .xlsx into rows of text. The first sheet of a workbook is read; the
 * first row is the header. Limits are checked before anything is parsed, so a hostile file costs
 * bounded time and memory: at most {@code maxBytes} are read, and an xlsx (a zip) may inflate to
 * at most {@link #MAX_INFLATED_BYTES}, counted while inflating, not taken from its headers.
 */
public final class Spreadsheets {

	/** A zip bomb inflates a few kilobytes to gigabytes; real workbooks of 100,000 rows stay far below. */
	static final long MAX_INFLATED_BYTES = 200L * 1024 * 1024;

	private static final int MAX_ZIP_ENTRIES = 2_000;

	private Spreadsheets() {
	}

	public static List<SpreadsheetRow> read(String filename, InputStream content, long maxBytes, int maxRows)
			throws SpreadsheetException {
		byte[] bytes = readAtMost(content, maxBytes);
		if (bytes.length == 0) {
			throw new SpreadsheetException("spreadsheet.empty");
		}
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		if (isOle2(bytes)) {
			throw new SpreadsheetException("spreadsheet.encryptedOrXls");
		}
		if (name.endsWith(".xlsx")) {
			return readXlsx(bytes, maxRows);
		}
		if (name.endsWith(".csv") || name.endsWith(".txt")) {
			return readCsv(bytes, maxRows);
		}
		throw new SpreadsheetException("spreadsheet.type");
	}

	private static List<SpreadsheetRow> readCsv(byte[] bytes, int maxRows) throws SpreadsheetException {
		String text = decode(bytes);
		if (text.indexOf('\0') >= 0) {
			throw new SpreadsheetException("spreadsheet.malformed");
		}
		List<SpreadsheetRow> rows = new ArrayList<>();
		try {
			for (CSVRecord record : CSVFormat.RFC4180.builder().setTrim(true).get().parse(new StringReader(text))) {
				if (rows.size() >= maxRows + 1) {
					throw new SpreadsheetException("spreadsheet.tooManyRows", maxRows);
				}
				rows.add(new SpreadsheetRow((int) record.getRecordNumber(), record.toList()));
			}
		}
		catch (IOException | IllegalStateException | java.io.UncheckedIOException ex) {
			throw new SpreadsheetException("spreadsheet.malformed");
		}
		return withoutTrailingBlankRows(rows);
	}

	private static List<SpreadsheetRow> readXlsx(byte[] bytes, int maxRows) throws SpreadsheetException {
		checkInflation(bytes);
		List<SpreadsheetRow> rows = new ArrayList<>();
		// With each cell's number format, to read a percentage as the sheet shows it (see text).
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false));
				Stream<Row> sheetRows = workbook.getFirstSheet().openStream()) {
			for (Row row : (Iterable<Row>) sheetRows::iterator) {
				if (rows.size() >= maxRows + 1) {
					throw new SpreadsheetException("spreadsheet.tooManyRows", maxRows);
				}
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getCellCount(); i++) {
					cells.add(text(row.getCell(i)));
				}
				rows.add(new SpreadsheetRow(row.getRowNum(), cells));
			}
		}
		catch (SpreadsheetException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new SpreadsheetException("spreadsheet.malformed");
		}
		return withoutTrailingBlankRows(rows);
	}

	/**
	 * Numbers as written (450600, not 450600.0 or 4.506E+5); a number formatted as a percentage as
	 * the sheet shows it ("95.5%": Excel stores 95.5% typed in a cell as 0.955), so the one reader of
	 * numbers ({@code NumberInput}) applies its rule for a % sign to it as to the text "95.5%";
	 * everything else as its text.
	 */
	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		return switch (cell.getType()) {
			case NUMBER -> {
				BigDecimal number = cell.asNumber();
				if (Math.abs((long) number.precision() - number.scale()) > 30) {
					// Far beyond any figure (1E+20, 1E-100000000): kept in scientific form, which readers refuse,
					// rather than written out as a string of millions of zeros.
					yield number.toString();
				}
				// Office suites store doubles with 17 digits (91.799999999999997); 15 is what they show.
				number = number.round(new java.math.MathContext(15)).stripTrailingZeros();
				String sign = "";
				if (percentage(cell)) {
					number = number.movePointRight(2).stripTrailingZeros();
					sign = "%";
				}
				yield (number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString()) + sign;
			}
			case EMPTY -> "";
			default -> cell.getText() == null ? "" : cell.getText().strip();
		};
	}

	/** A number format that shows a percentage: Excel's built-in 0% and 0.00%, or any with a % outside quotes. */
	private static boolean percentage(Cell cell) {
		Integer id = cell.getDataFormatId();
		if (id != null && (id == 9 || id == 10)) {
			return true;
		}
		String format = cell.getDataFormatString();
		return format != null && format.replaceAll("\"[^\"]*\"|\\\\.", "").contains("%");
	}

	/**
	 * Inflates every entry of the zip (reading its central directory, as office suites write entry
	 * sizes there, not in the local headers) and counts the bytes actually produced.
	 */
	private static void checkInflation(byte[] bytes) throws SpreadsheetException {
		long inflated = 0;
		int entries = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
			for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
				if (++entries > MAX_ZIP_ENTRIES) {
					throw new SpreadsheetException("spreadsheet.tooLarge");
				}
				try (InputStream in = zip.getInputStream(entry)) {
					for (int read; (read = in.read(buffer)) > 0;) {
						inflated += read;
						if (inflated > MAX_INFLATED_BYTES) {
							throw new SpreadsheetException("spreadsheet.tooLarge");
						}
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new SpreadsheetException("spreadsheet.malformed");
		}
		if (entries == 0) {
			throw new SpreadsheetException("spreadsheet.malformed");
		}
	}

	private static byte[] readAtMost(InputStream content, long maxBytes) throws SpreadsheetException {
		try {
			byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
			if (bytes.length > maxBytes) {
				throw new SpreadsheetException("spreadsheet.tooLarge");
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new SpreadsheetException("spreadsheet.malformed");
		}
	}

	static String decode(byte[] bytes) {
		return TextDecoding.decode(bytes);
	}

	private static boolean isOle2(byte[] bytes) {
		return bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11
				&& (bytes[3] & 0xFF) == 0xE0;
	}

	private static List<SpreadsheetRow> withoutTrailingBlankRows(List<SpreadsheetRow> rows) {
		int end = rows.size();
		while (end > 0 && rows.get(end - 1).isBlank()) {
			end--;
		}
		return List.copyOf(rows.subList(0, end));
	}

}

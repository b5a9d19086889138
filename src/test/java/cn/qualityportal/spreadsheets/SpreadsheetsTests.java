package cn.qualityportal.spreadsheets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.qualityportal.TestWorkbooks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpreadsheetsTests {

	@Test
	void readsUtf8CsvWithBomAndQuotes() throws Exception {
		byte[] csv = "\uFEFFcode,name\n450600,\"防城港市, 广西\"\n".getBytes(StandardCharsets.UTF_8);
		List<SpreadsheetRow> rows = read("regions.csv", csv);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).cells()).containsExactly("code", "name");
		assertThat(rows.get(1).cells()).containsExactly("450600", "防城港市, 广西");
		assertThat(rows.get(1).number()).isEqualTo(2);
	}

	@Test
	void readsCsvSavedByExcelInGb18030() throws Exception {
		byte[] csv = "代码,名称\n450681,东兴市\n".getBytes(Charset.forName("GB18030"));
		assertThat(read("regions.csv", csv).get(1).cells()).containsExactly("450681", "东兴市");
	}

	@Test
	void readsTheFirstSheetOfAnXlsxWithNumbersAsWritten() throws Exception {
		List<SpreadsheetRow> rows = read("regions.xlsx", TestWorkbooks.xlsx(new Object[][] { { "code", "name", "share" },
				{ 450600, "防城港市", 92.5 }, { 450681, "东兴市", 100 } }));
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1).cells()).containsExactly("450600", "防城港市", "92.5");
		assertThat(rows.get(2).cells()).containsExactly("450681", "东兴市", "100");
	}

	@Test
	void readsANumberFormattedAsAPercentageAsTheSheetShowsIt() throws Exception {
		// Excel stores 95.5% typed in a cell as 0.955 with a percentage format; a % in quotes is only text around the number.
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
			var row = book.createSheet().createRow(0);
			String[] formats = { "0.0%", "0%", "0.0\"%\"", "0.00" };
			double[] values = { 0.955, 1, 95.5, 0.955 };
			for (int c = 0; c < formats.length; c++) {
				var style = book.createCellStyle();
				style.setDataFormat(book.createDataFormat().getFormat(formats[c]));
				var cell = row.createCell(c);
				cell.setCellStyle(style);
				cell.setCellValue(values[c]);
			}
			book.write(out);
		}
		assertThat(read("typed.xlsx", out.toByteArray()).get(0).cells()).containsExactly("95.5%", "100%", "95.5", "0.955");
	}

	@Test
	void refusesAZipBombWithoutInflatingIt() throws Exception {
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 250; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		assertThat(bomb.size()).isLessThan(1024 * 1024);
		assertThatThrownBy(() -> read("bomb.xlsx", bomb.toByteArray()))
			.isInstanceOf(SpreadsheetException.class)
			.extracting(ex -> ((SpreadsheetException) ex).messageKey())
			.isEqualTo("spreadsheet.tooLarge");
	}

	@Test
	void refusesPasswordProtectedWorkbooks() {
		// Encrypted xlsx files are OLE2 containers, recognisable by their first bytes.
		byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		assertThatThrownBy(() -> read("protected.xlsx", ole2)).extracting(ex -> ((SpreadsheetException) ex).messageKey())
			.isEqualTo("spreadsheet.encryptedOrXls");
	}

	@Test
	void refusesARenamedFileTooLargeFilesAndOtherTypes() {
		assertThatThrownBy(() -> read("fake.xlsx", "not a zip at all".getBytes(StandardCharsets.UTF_8)))
			.extracting(ex -> ((SpreadsheetException) ex).messageKey())
			.isEqualTo("spreadsheet.malformed");
		assertThatThrownBy(() -> Spreadsheets.read("big.csv", new ByteArrayInputStream(new byte[2048]), 1024, 10))
			.extracting(ex -> ((SpreadsheetException) ex).messageKey())
			.isEqualTo("spreadsheet.tooLarge");
		assertThatThrownBy(() -> read("report.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
			.extracting(ex -> ((SpreadsheetException) ex).messageKey())
			.isEqualTo("spreadsheet.type");
		assertThatThrownBy(() -> read("empty.csv", new byte[0])).extracting(ex -> ((SpreadsheetException) ex).messageKey())
			.isEqualTo("spreadsheet.empty");
	}

	@Test
	void refusesMoreRowsThanAllowed() {
		byte[] csv = "a\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> Spreadsheets.read("rows.csv", new ByteArrayInputStream(csv), 1000, 2))
			.extracting(ex -> ((SpreadsheetException) ex).messageKey())
			.isEqualTo("spreadsheet.tooManyRows");
	}

	static List<SpreadsheetRow> read(String name, byte[] content) throws SpreadsheetException {
		return Spreadsheets.read(name, new ByteArrayInputStream(content), 5 * 1024 * 1024, 1000);
	}

}

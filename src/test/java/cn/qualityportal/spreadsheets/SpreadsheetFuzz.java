package cn.qualityportal.spreadsheets;

import java.io.ByteArrayInputStream;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the import parser with arbitrary bytes as .xlsx and .csv: it either reads rows within the
 * limits or refuses with a SpreadsheetException (a per-file message for the user), never anything
 * else. Runs for a bounded time in its own execution (pom.xml, fuzz-spreadsheets).
 */
class SpreadsheetFuzz {

	@FuzzTest(maxDuration = "45s")
	void anyUploadIsEitherReadOrRefused(FuzzedDataProvider data) {
		String name = data.consumeBoolean() ? "upload.xlsx" : "upload.csv";
		byte[] bytes = data.consumeRemainingAsBytes();
		try {
			var rows = Spreadsheets.read(name, new ByteArrayInputStream(bytes), 1_000_000, 1_000);
			assertThat(rows.size()).isLessThanOrEqualTo(1_001);
		}
		catch (SpreadsheetException refused) {
			assertThat(refused.messageKey()).startsWith("spreadsheet.");
		}
	}

}

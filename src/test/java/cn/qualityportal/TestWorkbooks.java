package cn.qualityportal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes small xlsx files with fastexcel, as an office's export would be, for import tests. */
public final class TestWorkbooks {

	private TestWorkbooks() {
	}

	public static byte[] xlsx(Object[][] cells) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		Worksheet sheet = workbook.newWorksheet("Sheet1");
		for (int r = 0; r < cells.length; r++) {
			for (int c = 0; c < cells[r].length; c++) {
				Object value = cells[r][c];
				if (value instanceof Number number) {
					sheet.value(r, c, number);
				}
				else {
					sheet.value(r, c, String.valueOf(value));
				}
			}
		}
		workbook.finish();
		return out.toByteArray();
	}

}

package cn.qualityportal.spreadsheets;

import java.util.List;

/** One row of an uploaded table: its number as the user sees it (1 = header) and its cells as trimmed text. */
public record SpreadsheetRow(int number, List<String> cells) {

	public SpreadsheetRow {
		cells = List.copyOf(cells);
	}

	/** The cell at {@code index}, or "" past the end of a short row. */
	public String cell(int index) {
		return index < cells.size() ? cells.get(index) : "";
	}

	public boolean isBlank() {
		return cells.stream().allMatch(String::isEmpty);
	}

}

package cn.qualityportal.spreadsheets;

import java.io.Serializable;

/**
 * One thing wrong with an uploaded table, in every import (organisation and figures): its row as
 * the spreadsheet numbers it (0 = the whole file), its column by machine key and by the message key
 * of its heading (so the report names the column as the user's sheet does: 数值, not value), and
 * one message key with its arguments.
 */
public record ImportProblem(int row, String column, String columnLabel, String messageKey, Object... arguments)
		implements Serializable {

	public static ImportProblem ofFile(String messageKey, Object... arguments) {
		return new ImportProblem(0, "", "", messageKey, arguments);
	}

	public static ImportProblem at(int row, ImportColumn column, String messageKey, Object... arguments) {
		return new ImportProblem(row, column.key(), column.labelKey(), messageKey, arguments);
	}

	/** Whether the problem is of one column (else of the whole file). */
	public boolean hasColumn() {
		return !columnLabel.isEmpty();
	}

}

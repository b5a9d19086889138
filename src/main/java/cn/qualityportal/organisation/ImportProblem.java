package cn.qualityportal.organisation;

/** One thing wrong with an uploaded file: its row (1 = header; 0 = the whole file), column, and message key. */
public record ImportProblem(int row, String column, String messageKey, Object... arguments)
		implements java.io.Serializable {

	static ImportProblem ofFile(String messageKey, Object... arguments) {
		return new ImportProblem(0, "", messageKey, arguments);
	}

}

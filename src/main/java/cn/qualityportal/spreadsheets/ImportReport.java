package cn.qualityportal.spreadsheets;

import java.util.List;

/**
 * What an import did, the same for every import: how many rows created, updated and left
 * unchanged, or (all or nothing) the problems that stopped it, one per problem.
 */
public record ImportReport(int created, int updated, int unchanged, List<ImportProblem> problems) {

	public ImportReport {
		problems = List.copyOf(problems);
	}

	public static ImportReport refused(List<ImportProblem> problems) {
		return new ImportReport(0, 0, 0, problems);
	}

	public static ImportReport refused(ImportProblem problem) {
		return new ImportReport(0, 0, 0, List.of(problem));
	}

	public boolean succeeded() {
		return problems.isEmpty();
	}

	/** Rows written: created or updated. */
	public int saved() {
		return created + updated;
	}

}

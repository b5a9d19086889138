package cn.qualityportal.targets;

/** The target list's filters; null or blank means "any". */
record TargetFilter(String regionCode, Long documentId, String indicatorCode, Integer deadlineYear, String q,
		Long cooperatingDepartmentId) {

	String query() {
		return q == null ? "" : q.strip();
	}

}

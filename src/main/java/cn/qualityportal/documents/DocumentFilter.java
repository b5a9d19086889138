package cn.qualityportal.documents;

/** The list's filters; null or blank means "any". */
record DocumentFilter(DocumentStatus status, DocumentLevel level, String regionCode, Integer year, String q) {

	String query() {
		return q == null ? "" : q.strip();
	}

}

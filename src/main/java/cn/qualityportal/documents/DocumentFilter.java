package cn.qualityportal.documents;

import cn.qualityportal.system.Refusal;
import org.springframework.http.HttpStatus;

/** The list's filters; null or blank means "any". A year outside 1900–2100 is refused (400), not passed to SQL. */
record DocumentFilter(DocumentStatus status, DocumentLevel level, String regionCode, Integer year, String q) {

	DocumentFilter {
		if (year != null && (year < 1900 || year > 2100)) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "validation.filterYear");
		}
	}

	String query() {
		return q == null ? "" : q.strip();
	}

}

package cn.qualityportal.documents;

import java.time.LocalDate;

/** A document as lists and other modules show it. */
public record DocumentSummary(long id, String title, String issuer, String docNumber, DocumentLevel level,
		String regionCode, String regionName, LocalDate issueDate, DocumentStatus status) {

	/** 文号 if it has one, else the title: how people name a document. */
	public String label() {
		return docNumber != null ? docNumber : title;
	}

}

package cn.qualityportal.reporting;

import org.springframework.http.HttpStatus;

/** A reporting action refused: the status to answer and the message key saying why. */
class ReportingException extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	ReportingException(HttpStatus status, String messageKey) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
	}

	HttpStatus status() {
		return status;
	}

	String messageKey() {
		return messageKey;
	}

}

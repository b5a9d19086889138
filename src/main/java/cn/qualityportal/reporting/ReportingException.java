package cn.qualityportal.reporting;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A reporting action refused: the status to answer and the message key saying why. Pages that do not
 * catch it answer with its status (never a 500); the API turns it into a problem detail.
 */
class ReportingException extends ResponseStatusException {

	private final HttpStatus status;

	private final String messageKey;

	ReportingException(HttpStatus status, String messageKey) {
		super(status, messageKey);
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

package cn.qualityportal.extraction;

import org.springframework.http.HttpStatus;

/** Input the extractor refuses, with the status and message key to answer with. */
class UnreadableInputException extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	UnreadableInputException(HttpStatus status, String messageKey) {
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

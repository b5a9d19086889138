package cn.qualityportal.reporting;

import cn.qualityportal.system.Refusal;
import org.springframework.http.HttpStatus;

/**
 * A reporting action refused: a {@link Refusal} like every other (the status to answer and the
 * message key saying why), named for the module's many call sites. Pages that do not catch it
 * answer with its status (never a 500); the API turns it into a translated problem detail.
 */
class ReportingException extends Refusal {

	ReportingException(HttpStatus status, String messageKey) {
		super(status, messageKey);
	}

	HttpStatus status() {
		return HttpStatus.valueOf(getStatusCode().value());
	}

}

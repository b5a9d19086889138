package cn.qualityportal.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request refused for a reason the user can act on: the status and the message key (with
 * arguments) saying why. The API answers it as a translated problem detail; pages answer with
 * its status and error page. Never a 500.
 */
public class Refusal extends ResponseStatusException {

	private final String messageKey;

	private final transient Object[] args;

	public Refusal(HttpStatus status, String messageKey, Object... args) {
		super(status, messageKey);
		this.messageKey = messageKey;
		this.args = args;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}

}

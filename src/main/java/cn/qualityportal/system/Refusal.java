package cn.qualityportal.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one type of a refused request: the status and the message key (with arguments) saying why,
 * translated; {@link NotFound} for a missing record. Modules throw it (or a subtype), never a bare
 * {@code ResponseStatusException}. The API answers it as a translated problem detail; pages answer with
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

	/** Nothing of that id, or nothing the reader may see: 404 (a sibling's record is not admitted to exist). */
	public static class NotFound extends Refusal {

		public NotFound() {
			super(HttpStatus.NOT_FOUND, "error.404.detail");
		}

	}

	/** Seen but not to be changed by the reader: 403. */
	public static Refusal forbidden() {
		return new Refusal(HttpStatus.FORBIDDEN, "error.403.detail");
	}

	/** A request that cannot be meant (a parameter out of its range): 400. */
	public static Refusal badRequest() {
		return new Refusal(HttpStatus.BAD_REQUEST, "error.400.detail");
	}

}

package cn.qualityportal.system;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one type of a refused request: the status and the message key (with arguments) saying why,
 * translated; {@link NotFound} for a missing record; {@link #lineByLine} for a form refused for what was typed
 * on some of its lines. Modules throw it (or a subtype), never a bare
 * {@code ResponseStatusException}. The API answers it as a translated problem detail; pages answer with
 * its status and error page. Never a 500.
 */
public class Refusal extends ResponseStatusException {

	private final String messageKey;

	private final transient Object[] args;

	private final transient Map<Long, Refusal> lines;

	public Refusal(HttpStatus status, String messageKey, Object... args) {
		this(status, messageKey, Map.of(), args);
	}

	private Refusal(HttpStatus status, String messageKey, Map<Long, Refusal> lines, Object... args) {
		super(status, messageKey);
		this.messageKey = messageKey;
		this.args = args;
		this.lines = Map.copyOf(lines);
	}

	/**
	 * A form of many lines refused because of what was typed on some of them (400): why, line by line
	 * (line id → refusal), so the page can come back with everything typed and each refused line marked.
	 * Nothing of the form is saved. The message key gets the number of refused lines as its argument.
	 */
	public static Refusal lineByLine(String messageKey, Map<Long, Refusal> lines) {
		return new Refusal(HttpStatus.BAD_REQUEST, messageKey, lines, new Object[] { lines.size() });
	}

	/** The status to answer with, as the {@code HttpStatus} the callers compare against. */
	public HttpStatus status() {
		return HttpStatus.valueOf(getStatusCode().value());
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}

	/** The refused lines of a {@link #lineByLine} refusal; empty for any other. */
	public Map<Long, Refusal> lines() {
		return lines;
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

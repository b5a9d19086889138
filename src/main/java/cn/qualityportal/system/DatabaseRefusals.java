package cn.qualityportal.system;

import java.sql.SQLException;

import org.springframework.http.HttpStatus;

/**
 * What a refused database write means, told honestly from PostgreSQL's SQLSTATE: a duplicate is
 * a 409 conflict; a missing or still-referenced record, a value out of range, too long or not
 * allowed by a rule is a 400 of its own; nothing is called a duplicate that is not one. Used by
 * the API's problem details and the pages' error page alike.
 */
public final class DatabaseRefusals {

	/** The answer to one refusal: the status and the message key saying why. */
	public record Answer(HttpStatus status, String messageKey) {
	}

	private DatabaseRefusals() {
	}

	public static Answer of(Throwable failure) {
		String state = sqlState(failure);
		if (state == null) {
			return new Answer(HttpStatus.BAD_REQUEST, "problem.database.refused");
		}
		return switch (state) {
			case "23505" -> new Answer(HttpStatus.CONFLICT, "problem.database.duplicate");
			case "23503" -> new Answer(HttpStatus.CONFLICT, "problem.database.reference");
			case "23502" -> new Answer(HttpStatus.BAD_REQUEST, "problem.database.missing");
			case "23514", "22003", "22008", "22007" -> new Answer(HttpStatus.BAD_REQUEST, "problem.database.outOfRange");
			case "22001" -> new Answer(HttpStatus.BAD_REQUEST, "problem.database.tooLong");
			case "22021", "22P02", "22P05" -> new Answer(HttpStatus.BAD_REQUEST, "problem.database.characters");
			default -> new Answer(HttpStatus.BAD_REQUEST, "problem.database.refused");
		};
	}

	/**
	 * A fault of the database rather than a refusal of the request (a full disk, a lost or restarting
	 * server): the handlers let it pass to {@code system.database.DatabaseFaultFilter}, which answers 507
	 * or 503 with Retry-After.
	 */
	public static boolean isFault(Throwable failure) {
		String state = sqlState(failure);
		return state != null && (state.startsWith("53") || state.startsWith("08") || state.startsWith("57P"));
	}

	private static String sqlState(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

}

package cn.qualityportal.system.database;

/**
 * The embedded PostgreSQL cannot be used; carries what an operator should do about it, which
 * {@link DatabaseStartupFailureAnalyzer} prints instead of a stack trace.
 */
class EmbeddedDatabaseException extends RuntimeException {

	private final String action;

	EmbeddedDatabaseException(String description, String action) {
		this(description, action, null);
	}

	EmbeddedDatabaseException(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	String action() {
		return action;
	}

}

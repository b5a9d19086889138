package cn.qualityportal.system.database;

import java.net.ConnectException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;
import org.springframework.core.NestedExceptionUtils;

/**
 * Turns a database that cannot be used at start into a short message and an action, instead of
 * a page of stack trace: the embedded server's own problems, and an external server that is down.
 */
class DatabaseStartupFailureAnalyzer implements FailureAnalyzer {

	private final Environment environment;

	DatabaseStartupFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof EmbeddedDatabaseException embedded) {
				return new FailureAnalysis(embedded.getMessage(), embedded.action(), embedded);
			}
		}
		Throwable root = NestedExceptionUtils.getRootCause(failure);
		if (root instanceof ConnectException || isPostgresConnectionFailure(root)) {
			String url = environment.getProperty("spring.datasource.url", "(embedded)");
			return new FailureAnalysis("Cannot connect to the PostgreSQL database at " + url + ": " + root.getMessage(),
					"Start that PostgreSQL server, or correct SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD. "
							+ "Unset SPRING_DATASOURCE_URL to use the embedded database.",
					failure);
		}
		return null;
	}

	private static boolean isPostgresConnectionFailure(Throwable root) {
		// SQLState class 08: connection exception; 28: invalid authorization (wrong password).
		return root instanceof java.sql.SQLException sql && sql.getSQLState() != null
				&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28"));
	}

}

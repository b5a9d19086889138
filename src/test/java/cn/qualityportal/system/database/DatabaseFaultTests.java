package cn.qualityportal.system.database;

import java.net.SocketException;
import java.sql.SQLException;

import jakarta.servlet.ServletException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures of a request tell the user "the database is restarting" (503) rather than a 500. */
class DatabaseFaultTests {

	/**
	 * EmbeddedDatabaseRecoveryIT (2 of 4 fresh-clone runs): a page whose session was being saved when
	 * PostgreSQL was killed answered 500. The I/O error was only logged; what reached the filter was the
	 * failed rollback, on a connection HikariCP had closed, which it reports without a SQLState.
	 */
	@Test
	void aRollbackOnAConnectionThePoolClosedIsTheDatabaseGoingAway() {
		ServletException thrown = new ServletException("Request processing failed", new JpaSystemException(
				new TransactionException("Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))));
		assertThat(DatabaseFaultFilter.classify(thrown)).isEqualTo(DatabaseFaultFilter.Fault.UNAVAILABLE);
	}

	@Test
	void connectionFailuresAndAFullDiskAreFaultsAndOtherErrorsAreNot() {
		assertThat(DatabaseFaultFilter.classify(new RuntimeException(new SQLException("An I/O error occurred", "08006",
				new SocketException("Broken pipe"))))).isEqualTo(DatabaseFaultFilter.Fault.UNAVAILABLE);
		assertThat(DatabaseFaultFilter.classify(new RuntimeException(new SQLException("could not extend file", "53100"))))
			.isEqualTo(DatabaseFaultFilter.Fault.DISK_FULL);
		assertThat(DatabaseFaultFilter.classify(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value", "23505")))).isNull();
		assertThat(DatabaseFaultFilter.classify(new RuntimeException(new SQLException("Connection is broken")))).isNull();
	}

}

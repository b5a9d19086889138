package cn.qualityportal.system.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Runs in a separate JVM for {@link EmbeddedDatabaseTests}: starts the persistent database,
 * commits a row, says READY and waits to be killed, as a portal would be with kill -9.
 */
public final class EmbeddedDatabaseChild {

	public static void main(String[] args) throws Exception {
		EmbeddedDatabase database = EmbeddedDatabase.startPersistent(Path.of(args[0]), 0);
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
				Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists crash_test (note text)");
			statement.execute("insert into crash_test values ('" + args[1] + "')");
		}
		System.out.println("READY");
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}

package cn.qualityportal.system.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL, used only when no {@code spring.datasource.url} is set.
 *
 * @param dataDir the portal's data directory; PostgreSQL keeps its files in {@code <dataDir>/postgres}
 * @param port the port PostgreSQL listens on (localhost only); 0 picks a free one
 * @param ephemeral a throw-away database in a temporary directory, without fsync (tests only)
 */
@ConfigurationProperties("portal.database")
record EmbeddedDatabaseProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("0") int port,
		@DefaultValue("false") boolean ephemeral) {

	Path postgresDirectory() {
		return dataDir.toAbsolutePath().normalize().resolve("postgres");
	}

}

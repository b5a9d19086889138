package cn.qualityportal.system.database;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-setup mode: without {@code spring.datasource.url} the portal runs its own PostgreSQL.
 * With a URL, none of this exists and Spring Boot's usual data source takes over.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) {
		return properties.ephemeral() ? EmbeddedDatabase.startEphemeral()
				: EmbeddedDatabase.startPersistent(properties.postgresDirectory(), properties.port());
	}

	/** Closed before the server it points at, because it depends on it. */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedDatabase database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl());
		dataSource.setUsername(database.username());
		return dataSource;
	}

}

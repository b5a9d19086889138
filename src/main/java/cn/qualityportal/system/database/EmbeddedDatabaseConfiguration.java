package cn.qualityportal.system.database;

import java.time.Clock;
import java.time.Duration;

import cn.qualityportal.audit.AuditTrail;
import com.zaxxer.hikari.HikariDataSource;
import net.javacrumbs.shedlock.core.LockProvider;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Zero-setup mode: without {@code spring.datasource.url} the portal runs its own PostgreSQL,
 * watched by a {@link DatabaseSupervisor} and, unless turned off, backed up by itself (WAL
 * archiving plus scheduled base backups). With a URL, none of this exists and Spring Boot's usual
 * data source takes over.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties, BackupProperties backups) {
		return properties.ephemeral() ? EmbeddedDatabase.startEphemeral()
				: EmbeddedDatabase.startPersistent(properties.postgresDirectory(), properties.port(),
						backups.enabled() ? backups.walArchive() : null);
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

	/** Stopped before the server and the pool (it depends on both), so a normal shutdown is no crash to it. */
	@Bean(destroyMethod = "close")
	@ConditionalOnExpression("!${portal.database.ephemeral:false}")
	DatabaseSupervisor databaseSupervisor(EmbeddedDatabase database, HikariDataSource dataSource) {
		return new DatabaseSupervisor(database, dataSource, Duration.ofSeconds(1), DatabaseSupervisor::exitTheProcess,
				Clock.systemUTC());
	}

	/** Health says why the database is down while it is restarted: "embeddedDatabase" beside "db". */
	@Bean
	@ConditionalOnExpression("!${portal.database.ephemeral:false}")
	HealthIndicator embeddedDatabaseHealthIndicator(DatabaseSupervisor supervisor) {
		return new EmbeddedDatabaseHealth(supervisor);
	}

	@Bean
	@ConditionalOnExpression("!${portal.database.ephemeral:false} and ${portal.backup.enabled:true}")
	DatabaseBackupService databaseBackupService(EmbeddedDatabase database, BackupProperties properties, JdbcClient jdbc,
			LockProvider lockProvider, AuditTrail audit, TransactionTemplate transactions) {
		return new DatabaseBackupService(database, properties, jdbc, lockProvider, audit, transactions, Clock.systemUTC());
	}

}

package cn.qualityportal.system.database;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/** Health component {@code embeddedDatabase}: DOWN with the reason while the supervisor starts PostgreSQL again. */
class EmbeddedDatabaseHealth implements HealthIndicator {

	private final DatabaseSupervisor supervisor;

	EmbeddedDatabaseHealth(DatabaseSupervisor supervisor) {
		this.supervisor = supervisor;
	}

	@Override
	public Health health() {
		return supervisor.available() ? Health.up().withDetail("restarts", supervisor.restarts()).build()
				: Health.status(new Status(Status.DOWN.getCode(), supervisor.reason()))
					.withDetail("state", supervisor.state().name())
					.withDetail("restarts", supervisor.restarts())
					.build();
	}

}

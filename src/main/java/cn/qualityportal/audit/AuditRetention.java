package cn.qualityportal.audit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes audit rows older than the retention ({@code portal.audit.retention-days}, never less
 * than 180), nightly, on one instance. The database itself refuses to delete anything younger
 * than 180 days, whoever asks (V13), so a wrong setting cannot shorten the trail.
 */
@Component
class AuditRetention {

	static final int MINIMUM_DAYS = 180;

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	private final JdbcClient jdbc;

	private final int days;

	AuditRetention(JdbcClient jdbc, @Value("${portal.audit.retention-days:180}") int days) {
		this.jdbc = jdbc;
		this.days = Math.max(MINIMUM_DAYS, days);
	}

	@Scheduled(cron = "${portal.audit.retention-cron:0 30 2 * * *}")
	@SchedulerLock(name = "audit-retention", lockAtLeastFor = "PT1M")
	@Transactional
	public void purge() {
		jdbc.sql("set local portal.audit_purge = 'on'").update();
		int removed = jdbc.sql("delete from audit_log where occurred_at < now() - make_interval(days => :days)")
			.param("days", days)
			.update();
		if (removed > 0) {
			jdbc.sql("""
					insert into audit_log (actor, entity, action, new_state)
					values ('system', 'audit_log', 'PURGE', jsonb_build_object('removed', :removed, 'olderThanDays', :days))""")
				.param("removed", removed)
				.param("days", days)
				.update();
		}
		log.info("Audit retention: removed {} rows older than {} days", removed, days);
	}

}

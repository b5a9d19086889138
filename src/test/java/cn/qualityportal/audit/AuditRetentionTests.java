package cn.qualityportal.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retention: only rows older than 180 days ever leave the audit trail, and the job runs on one
 * instance at a time. ShedLock remembers the lock rows it created, so the tests expire the lock
 * rather than delete it.
 */
// MockMvc unused here: the annotation only makes the context the same as most tests', so no
// second PostgreSQL is started for this class.
@SpringBootTest
@AutoConfigureMockMvc
class AuditRetentionTests {

	@Autowired
	AuditRetention retention;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void thePurgeRemovesOnlyRowsOlderThanTheRetention() {
		jdbc.update("""
				insert into audit_log (occurred_at, actor, entity, entity_id, action) values
				  (now() - interval '400 days', 'old', 'retention-test', 1, 'CREATE'),
				  (now() - interval '181 days', 'old', 'retention-test', 2, 'CREATE'),
				  (now() - interval '179 days', 'recent', 'retention-test', 3, 'CREATE'),
				  (now(), 'recent', 'retention-test', 4, 'CREATE')""");
		jdbc.update("update shedlock set lock_until = now() - interval '1 second' where name = 'audit-retention'");

		retention.purge();

		assertThat(jdbc.queryForList("select entity_id from audit_log where entity = 'retention-test' order by entity_id", Long.class))
			.containsExactly(3L, 4L);
		assertThat(jdbc.queryForObject("select count(*) from audit_log where entity = 'audit_log' and action = 'PURGE'", Integer.class))
			.isPositive();
	}

	@Test
	void nobodyDeletesRecentRowsEvenWithThePurgeSwitchOn() {
		jdbc.update("insert into audit_log (occurred_at, actor, entity, entity_id, action) values (now() - interval '100 days', 'x', 'retention-guard', 1, 'CREATE')");

		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			jdbc.execute("set local portal.audit_purge = 'on'");
			jdbc.update("delete from audit_log where entity = 'retention-guard'");
		})).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("update audit_log set actor = 'y' where entity = 'retention-guard'"))
			.rootCause()
			.hasMessageContaining("append-only");
		assertThat(jdbc.queryForObject("select count(*) from audit_log where entity = 'retention-guard'", Integer.class)).isOne();
	}

	@Test
	void whileAnotherInstanceHoldsTheJobNothingIsPurgedHere() {
		jdbc.update("insert into audit_log (occurred_at, actor, entity, entity_id, action) values (now() - interval '300 days', 'x', 'retention-lock', 1, 'CREATE')");
		jdbc.update("""
				insert into shedlock (name, lock_until, locked_at, locked_by)
				values ('audit-retention', now() + interval '10 minutes', now(), 'other-instance')
				on conflict (name) do update set lock_until = excluded.lock_until, locked_by = excluded.locked_by""");
		try {
			retention.purge();

			assertThat(jdbc.queryForObject("select count(*) from audit_log where entity = 'retention-lock'", Integer.class)).isOne();
		}
		finally {
			jdbc.update("update shedlock set lock_until = now() - interval '1 second' where name = 'audit-retention'");
		}
		retention.purge();
		assertThat(jdbc.queryForObject("select count(*) from audit_log where entity = 'retention-lock'", Integer.class)).isZero();
	}

}

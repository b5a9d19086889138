package cn.qualityportal.organisation;

import cn.qualityportal.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Break-glass recovery of an administrative account, on the server only: a start with
 * {@code PORTAL_RECOVER_ACCOUNT} enables and unlocks it and sets a one-time password, and the
 * auditor sees it in the trail.
 */
// MockMvc unused here: the annotation only makes the context the same as most tests', so no
// second PostgreSQL is started for this class.
@SpringBootTest
@AutoConfigureMockMvc
class AccountRecoveryTests {

	@Autowired
	UserAccountRepository accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	AuditTrail audit;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	/** As the application runs it at start: in a transaction of its own. */
	private void start(String variable) {
		new org.springframework.transaction.support.TransactionTemplate(transactions)
			.executeWithoutResult(status -> new AccountRecovery(accounts, passwords, audit, events, variable).run(null));
	}

	@Test
	void aStartWithTheVariableRecoversTheAccountAndTheAuditorSeesIt() {
		jdbc.update("update user_account set enabled = false, locked_until = now() + interval '1 hour' where username = 'auditor'");
		String before = jdbc.queryForObject("select password_hash from user_account where username = 'auditor'", String.class);

		start("auditor");

		assertThat(jdbc.queryForObject("""
				select enabled and locked_until is null and must_change_password from user_account where username = 'auditor'""",
				Boolean.class)).isTrue();
		assertThat(jdbc.queryForObject("select password_hash from user_account where username = 'auditor'", String.class))
			.isNotEqualTo(before);
		assertThat(jdbc.queryForObject("""
				select count(*) from audit_log where actor = 'server-console' and action = 'BREAK_GLASS_RECOVERY'
				  and entity = 'user_account' and new_state ->> 'username' = 'auditor'""", Integer.class)).isOne();
	}

	@Test
	void withoutTheVariableNothingHappens() {
		int rows = jdbc.queryForObject("select count(*) from audit_log", Integer.class);
		start("");
		assertThat(jdbc.queryForObject("select count(*) from audit_log", Integer.class)).isEqualTo(rows);
	}

}

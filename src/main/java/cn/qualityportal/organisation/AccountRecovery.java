package cn.qualityportal.organisation;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.qualityportal.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Break-glass recovery of an administrative account (三员分立: no administrator may reset another
 * from the web). Whoever runs the server starts it once with {@code PORTAL_RECOVER_ACCOUNT=<username>}:
 * the account is enabled, unlocked and given a one-time password printed once to the server log,
 * which its owner must replace at the next sign-in; its sessions end. The recovery is written to
 * the audit trail (actor {@code server-console}, action {@code BREAK_GLASS_RECOVERY}), where the
 * auditor sees it. Remove the variable after the start, or every restart recovers the account again.
 */
@Component
@Order(10)
class AccountRecovery implements ApplicationRunner {

	static final String ACTOR = "server-console";

	private static final Logger log = LoggerFactory.getLogger(AccountRecovery.class);

	private final UserAccountRepository accounts;

	private final Passwords passwords;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final String username;

	AccountRecovery(UserAccountRepository accounts, Passwords passwords, AuditTrail audit,
			ApplicationEventPublisher events, @Value("${portal.recover-account:}") String username) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
		this.events = events;
		this.username = username;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!StringUtils.hasText(username)) {
			return;
		}
		UserAccount account = accounts.findByUsername(UserAccounts.normalise(username)).orElse(null);
		if (account == null) {
			log.error("PORTAL_RECOVER_ACCOUNT names no account: '{}'; nothing was recovered", username);
			return;
		}
		String oneTime = passwords.resetToOneTime(account);
		account.unlock();
		account.setEnabled(true);
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("username", account.getUsername());
		state.put("roles", account.getRoles().stream().map(Enum::name).sorted().toList());
		audit.record(ACTOR, "user_account", account.getId(), "BREAK_GLASS_RECOVERY", null, state,
				"PORTAL_RECOVER_ACCOUNT at server start");
		events.publishEvent(new AccountChanged(account.getUsername(), AccountChanged.What.PASSWORD));
		log.warn("Break-glass recovery of '{}': enabled, unlocked, one-time password: {}  (shown only now; it must be "
				+ "changed at the next sign-in; the recovery is in the audit trail; remove PORTAL_RECOVER_ACCOUNT now)",
				account.getUsername(), oneTime);
	}

}

package cn.qualityportal.organisation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.qualityportal.audit.AuditTrail;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins and their consequences: after {@code max-failed-sign-ins} failures in a row an
 * account is locked for {@code lock-duration}; a source address with {@code address-max-failures}
 * failures within that duration is refused altogether, whatever account it tries. Every sign-in,
 * failure, lock and sign-out is in the audit trail (entity {@code security}) with time, user,
 * address and outcome. Attempts are stored in PostgreSQL, so every instance counts them alike.
 */
@Service
public class SignInPolicy {

	static final String ENTITY = "security";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final int maxFailures;

	private final int addressMaxFailures;

	private final Duration lockDuration;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final int captchaAfter;

	SignInPolicy(JdbcClient jdbc, AuditTrail audit, org.springframework.context.ApplicationEventPublisher events, @Value("${portal.security.max-failed-sign-ins:5}") int maxFailures,
			@Value("${portal.security.address-max-failures:20}") int addressMaxFailures,
			@Value("${portal.security.lock-duration:30m}") Duration lockDuration,
			@Value("${portal.security.captcha-after-failures:2}") int captchaAfter) {
		this.captchaAfter = captchaAfter;
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.maxFailures = maxFailures;
		this.addressMaxFailures = addressMaxFailures;
		this.lockDuration = lockDuration;
	}

	@Transactional
	public void succeeded(String username, String address) {
		String name = bounded(username);
		attempt(name, address, true);
		audit.record(name, ENTITY, accountId(name), "SIGN_IN", null, event(name, address, "SUCCESS"), null);
	}

	/** Records a failure; locks the account when it is the last one allowed in a row. */
	@Transactional
	public void failed(String username, String address) {
		String name = bounded(username);
		attempt(name, address, false);
		Long account = accountId(name);
		audit.record(name.isEmpty() ? "anonymous" : name, ENTITY, account, "SIGN_IN_FAILED", null,
				event(name, address, "FAILURE"), null);
		if (account == null) {
			return;
		}
		int inARow = jdbc.sql("""
				select count(*) from sign_in_attempt
				where username = :username and not succeeded and attempted_at > now() - cast(:window as interval)
				  and attempted_at > coalesce((select max(attempted_at) from sign_in_attempt
				                               where username = :username and succeeded), '-infinity')""")
			.param("username", name)
			.param("window", lockDuration.toSeconds() + " seconds")
			.query(Integer.class)
			.single();
		if (inARow >= maxFailures) {
			int locked = jdbc.sql("""
					update user_account set locked_until = now() + cast(:duration as interval)
					where id = :id and (locked_until is null or locked_until < now())""")
				.param("duration", lockDuration.toSeconds() + " seconds")
				.param("id", account)
				.update();
			if (locked > 0) {
				audit.record("system", ENTITY, account, "LOCK", null, event(name, address, "LOCKED"),
						maxFailures + " failed sign-ins");
				events.publishEvent(new AccountChanged(name, AccountChanged.What.LOCK));
			}
		}
	}

	@Transactional
	public void signedOut(String username, String address) {
		String name = bounded(username);
		audit.record(name, ENTITY, accountId(name), "SIGN_OUT", null, event(name, address, "SUCCESS"), null);
	}

	/**
	 * Whether the next sign-in must answer a picture captcha: after {@code captcha-after-failures}
	 * failures in a row of this username, or from this address, within the lock window (0 turns
	 * captchas off). It comes before the lockout, so a stranger cannot lock an account by guessing
	 * without solving a captcha each time; the lockout stays as the last resort.
	 */
	@Transactional(readOnly = true)
	public boolean captchaRequired(String username, String address) {
		if (captchaAfter <= 0) {
			return false;
		}
		return jdbc.sql("""
				select count(*) >= :after from sign_in_attempt
				where not succeeded and attempted_at > now() - cast(:window as interval)
				  and (address = :address or (username = :username
				       and attempted_at > coalesce((select max(attempted_at) from sign_in_attempt
				                                    where username = :username and succeeded), '-infinity')))""")
			.param("after", captchaAfter)
			.param("address", address == null ? "" : address)
			.param("username", username == null ? "" : bounded(username))
			.param("window", lockDuration.toSeconds() + " seconds")
			.query(Boolean.class)
			.single();
	}

	/** Whether this address failed too often recently to be let try again ({@code address-max-failures}; 0 turns the rule off). */
	@Transactional(readOnly = true)
	public boolean isBlocked(String address) {
		if (address == null || addressMaxFailures <= 0) {
			return false;
		}
		return jdbc.sql("""
				select count(*) >= :max from sign_in_attempt
				where address = :address and not succeeded and attempted_at > now() - cast(:window as interval)""")
			.param("max", addressMaxFailures)
			.param("address", address)
			.param("window", lockDuration.toSeconds() + " seconds")
			.query(Boolean.class)
			.single();
	}

	/**
	 * Attempts matter only within the lock window; a month is kept for investigations (the audit
	 * trail keeps every sign-in event for 180 days anyway). Nightly, on one instance.
	 */
	@Scheduled(cron = "${portal.security.attempts-cleanup-cron:0 40 2 * * *}")
	@SchedulerLock(name = "sign-in-attempts-cleanup")
	@Transactional
	public void forgetOldAttempts() {
		jdbc.sql("delete from sign_in_attempt where attempted_at < now() - interval '30 days'").update();
	}

	/**
	 * The username as typed, normalised and cut to what the database holds: an attempt with a
	 * username of any length is still counted and audited, never a 500.
	 */
	private static String bounded(String username) {
		String name = UserAccounts.normalise(username);
		return name.length() > 64 ? name.substring(0, 64) : name;
	}

	private void attempt(String username, String address, boolean succeeded) {
		jdbc.sql("insert into sign_in_attempt (username, address, succeeded) values (:username, :address, :succeeded)")
			.param("username", username)
			.param("address", address)
			.param("succeeded", succeeded)
			.update();
	}

	private Long accountId(String username) {
		return jdbc.sql("select id from user_account where username = :username")
			.param("username", username)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private static Map<String, Object> event(String username, String address, String outcome) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("username", username);
		event.put("address", address == null ? "" : address);
		event.put("outcome", outcome);
		return event;
	}

}

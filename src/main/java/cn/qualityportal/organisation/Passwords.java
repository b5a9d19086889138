package cn.qualityportal.organisation;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting passwords: the policy ({@link PasswordPolicy}), no reuse of the last
 * {@code portal.security.password-history} passwords, the history kept, and one-time passwords
 * for an administrator's reset. A password someone else set must be changed by its owner at the
 * next sign-in.
 */
@Service
class Passwords {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final int history;

	private final SecureRandom random = new SecureRandom();

	Passwords(JdbcClient jdbc, PasswordEncoder encoder, @Value("${portal.security.password-history:5}") int history) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.history = history;
	}

	/** The message key of the first rule {@code password} breaks for this account, or empty. */
	@Transactional(readOnly = true)
	Optional<String> violation(UserAccount account, String password) {
		Optional<String> policy = PasswordPolicy.violation(password, account == null ? null : account.getUsername());
		if (policy.isPresent() || account == null || account.getId() == null) {
			return policy;
		}
		List<String> recent = jdbc.sql("""
				select password_hash from password_history where account_id = :account
				order by changed_at desc limit :history""")
			.param("account", account.getId())
			.param("history", history)
			.query(String.class)
			.list();
		if (encoder.matches(password, account.getPasswordHash()) || recent.stream().anyMatch(hash -> encoder.matches(password, hash))) {
			return Optional.of("validation.password.reused");
		}
		return Optional.empty();
	}

	/** Sets the password (already checked) and keeps the old one in the history. */
	@Transactional(propagation = Propagation.MANDATORY)
	void set(UserAccount account, String password, boolean mustChange) {
		if (account.getId() != null && account.getPasswordHash() != null) {
			jdbc.sql("insert into password_history (account_id, password_hash) values (:account, :hash)")
				.param("account", account.getId())
				.param("hash", account.getPasswordHash())
				.update();
		}
		account.changePassword(encoder.encode(password), mustChange);
	}

	/** A random password that meets the policy, for one use: its owner must change it when signing in. */
	@Transactional(propagation = Propagation.MANDATORY)
	String resetToOneTime(UserAccount account) {
		StringBuilder password = new StringBuilder("Tmp-");
		for (int i = 0; i < 12; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		password.append(random.nextInt(10));
		set(account, password.toString(), true);
		return password.toString();
	}

}

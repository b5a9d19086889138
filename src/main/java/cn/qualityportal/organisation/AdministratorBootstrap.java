package cn.qualityportal.organisation;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * On the first start, creates the three administrators of 三员分立: the system administrator
 * {@code admin}, the security administrator {@code secadmin} and the auditor {@code auditor}.
 * Their passwords come from {@code PORTAL_ADMIN_PASSWORD}, {@code PORTAL_SECADMIN_PASSWORD} and
 * {@code PORTAL_AUDITOR_PASSWORD}, or are drawn at random, printed once to the log and must be
 * changed at the first sign-in: the portal never ships a fixed default password.
 */
@Component
class AdministratorBootstrap implements ApplicationRunner {

	static final String ADMIN_USERNAME = "admin";

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final Map<String, String[]> builtIn = new LinkedHashMap<>();

	private final JdbcClient jdbc;

	AdministratorBootstrap(UserAccountRepository accounts, PasswordEncoder passwordEncoder, JdbcClient jdbc,
			@Value("${portal.admin-password:}") String adminPassword,
			@Value("${portal.secadmin-password:}") String securityAdminPassword,
			@Value("${portal.auditor-password:}") String auditorPassword) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.jdbc = jdbc;
		builtIn.put(ADMIN_USERNAME, new String[] { "系统管理员", Role.ADMIN.name(), adminPassword, "PORTAL_ADMIN_PASSWORD" });
		builtIn.put("secadmin", new String[] { "安全管理员", Role.SECURITY_ADMIN.name(), securityAdminPassword, "PORTAL_SECADMIN_PASSWORD" });
		builtIn.put("auditor", new String[] { "审计员", Role.AUDITOR.name(), auditorPassword, "PORTAL_AUDITOR_PASSWORD" });
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		// Instances starting together take turns, so the second finds the accounts the first created.
		jdbc.sql("select pg_advisory_xact_lock(715102)").query().singleValue();
		builtIn.forEach((username, account) -> create(username, account[0], Role.valueOf(account[1]), account[2], account[3]));
	}

	private void create(String username, String displayName, Role role, String configuredPassword, String variable) {
		if (accounts.existsByUsername(username)) {
			return;
		}
		boolean generated = !StringUtils.hasText(configuredPassword);
		String password = generated ? randomPassword() : configuredPassword;
		UserAccount account = new UserAccount(username, displayName, passwordEncoder.encode(password), Set.of(role));
		// A password printed in the log is a one-time password: replaced at the first sign-in.
		account.changePassword(account.getPasswordHash(), generated);
		accounts.save(account);
		if (generated) {
			log.warn("Created the account '{}' ({}) with the one-time generated password: {}"
					+ "  (set {} to choose it; this is the only time it is shown)", username, role, password, variable);
		}
		else {
			log.info("Created the account '{}' ({}) with the password from {}", username, role, variable);
		}
	}

	static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}

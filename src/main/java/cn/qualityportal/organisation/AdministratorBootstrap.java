package cn.qualityportal.organisation;

import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * On the first start, creates the system administrator {@code admin}. Its password comes from
 * {@code PORTAL_ADMIN_PASSWORD}, or is drawn at random and printed once to the log: the portal
 * never ships a fixed default password.
 */
@Component
class AdministratorBootstrap implements ApplicationRunner {

	static final String ADMIN_USERNAME = "admin";

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final String configuredPassword;

	AdministratorBootstrap(UserAccountRepository accounts, PasswordEncoder passwordEncoder,
			@Value("${portal.admin-password:}") String configuredPassword) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.configuredPassword = configuredPassword;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (accounts.existsByUsername(ADMIN_USERNAME)) {
			return;
		}
		boolean generated = !StringUtils.hasText(configuredPassword);
		String password = generated ? randomPassword() : configuredPassword;
		UserAccount admin = new UserAccount(ADMIN_USERNAME, "系统管理员", passwordEncoder.encode(password), Set.of(Role.ADMIN));
		// A password printed in the log is a one-time password: replaced at the first sign-in.
		admin.changePassword(admin.getPasswordHash(), generated);
		accounts.save(admin);
		if (generated) {
			log.warn("Created the administrator account '{}' with the one-time generated password: {}"
					+ "  (set PORTAL_ADMIN_PASSWORD to choose it; this is the only time it is shown)", ADMIN_USERNAME, password);
		}
		else {
			log.info("Created the administrator account '{}' with the password from PORTAL_ADMIN_PASSWORD", ADMIN_USERNAME);
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

package cn.qualityportal.organisation;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The accounts as other modules see them: read for signing in, created for bootstrapping. */
@Service
public class UserAccounts {

	private final UserAccountRepository accounts;

	private final java.time.Duration maxPasswordAge;

	UserAccounts(UserAccountRepository accounts,
			@org.springframework.beans.factory.annotation.Value("${portal.security.password-max-age:0d}") java.time.Duration maxPasswordAge) {
		this.accounts = accounts;
		this.maxPasswordAge = maxPasswordAge;
	}

	@Transactional(readOnly = true)
	public Optional<SignInAccount> findForSignIn(String username) {
		return accounts.findByUsername(normalise(username)).map(this::toSignInAccount);
	}

	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return accounts.existsByUsername(normalise(username));
	}

	/** Usernames are case-insensitive: stored and looked up in lower case. */
	static String normalise(String username) {
		return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
	}

	private SignInAccount toSignInAccount(UserAccount account) {
		Department department = account.getDepartment();
		Unit unit = department == null ? null
				: new Unit(department.getId(), department.getName(), department.getRegion().getCode(),
						department.getRegion().getName());
		return new SignInAccount(account.getId(), account.getUsername(), account.getDisplayName(),
				account.getPasswordHash(), Set.copyOf(account.getRoles()), unit, account.isScopeIncludesSubregions(),
				account.isEnabled(), account.getLockedUntil(), account.isMustChangePassword() || expired(account));
	}

	/** Passwords expire only when {@code portal.security.password-max-age} is set (0, the default, is never). */
	private boolean expired(UserAccount account) {
		return !maxPasswordAge.isZero() && account.getPasswordChangedAt() != null
				&& account.getPasswordChangedAt().plus(maxPasswordAge).isBefore(java.time.Instant.now());
	}

}

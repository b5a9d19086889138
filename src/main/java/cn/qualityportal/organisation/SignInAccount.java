package cn.qualityportal.organisation;

import java.time.Instant;
import java.util.Set;

/**
 * What signing in needs to know of an account. {@code unit} is null for accounts that belong to
 * no department (the system administrator created at first start). {@code mustChangePassword}: the
 * password was set by an administrator (initial or reset) or has expired.
 */
public record SignInAccount(long id, String username, String displayName, String passwordHash, Set<Role> roles,
		Unit unit, boolean scopeIncludesSubregions, boolean enabled, Instant lockedUntil, boolean mustChangePassword) {

	public boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

}

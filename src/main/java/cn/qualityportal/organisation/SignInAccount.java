package cn.qualityportal.organisation;

import java.time.Instant;
import java.util.Set;

/**
 * What signing in needs to know of an account. {@code unit} is null for accounts that belong to
 * no department (the system administrator created at first start).
 */
public record SignInAccount(long id, String username, String displayName, String passwordHash, Set<Role> roles,
		Unit unit, boolean scopeIncludesSubregions, boolean enabled, Instant lockedUntil) {

	public boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

}

package cn.qualityportal.organisation;

/**
 * Something that decides what an account may do changed: its status, lock, unit, scope, roles or
 * password. Published after every such change; the security module ends the account's other
 * sessions on every instance when the transaction commits. {@code ownPassword} is set when the
 * owner changed their own password, so the session they did it in stays and is no longer asked
 * for a new one.
 */
public record AccountChanged(String username, What what) {

	/** What changed, for the listener and for logs. */
	public enum What {
		STATUS, LOCK, UNIT_OR_SCOPE, ROLES, PASSWORD, OWN_PASSWORD
	}

}

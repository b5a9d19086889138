package cn.qualityportal.organisation;

import java.util.Optional;

/**
 * What a new password must be: at least 10 characters with letters and digits, and
 * not containing the username. Returns the
 * message key of the first rule broken. (History, expiry and lockout come with the hardening work.)
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	private PasswordPolicy() {
	}

	static Optional<String> violation(String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("validation.password.length");
		}
		if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
			return Optional.of("validation.password.mix");
		}
		return Optional.empty();
	}

	/** As {@link #violation(String)}, and a password that contains the username is refused too. */
	static Optional<String> violation(String password, String username) {
		Optional<String> policy = violation(password);
		if (policy.isEmpty() && username != null && !username.isBlank()
				&& password.toLowerCase(java.util.Locale.ROOT).contains(username.strip().toLowerCase(java.util.Locale.ROOT))) {
			return Optional.of("validation.password.containsUsername");
		}
		return policy;
	}

}

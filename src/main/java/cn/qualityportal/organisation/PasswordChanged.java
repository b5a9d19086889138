package cn.qualityportal.organisation;

/** An account's owner set a new password (no longer a one-time or expired one). */
public record PasswordChanged(String username) {
}

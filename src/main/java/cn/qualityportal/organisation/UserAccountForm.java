package cn.qualityportal.organisation;


import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Creates or edits an account; {@code password} is required when creating and resets it when
 * editing. Roles are not on it: the security administrator grants them ({@link RoleController}).
 */
record UserAccountForm(
		@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "{validation.username}") String username,
		@NotBlank @Size(max = 100) String displayName, @NotNull Long departmentId,
		Boolean scopeIncludesSubregions, String password, Long version) {

	/** An unticked checkbox sends nothing. */
	boolean includesSubregions() {
		return Boolean.TRUE.equals(scopeIncludesSubregions);
	}

	static UserAccountForm empty() {
		return new UserAccountForm("", "", null, false, "", null);
	}

	static UserAccountForm of(UserAccount account) {
		return new UserAccountForm(account.getUsername(), account.getDisplayName(),
				account.getDepartment() == null ? null : account.getDepartment().getId(), account.isScopeIncludesSubregions(),
				"", account.getVersion());
	}

}

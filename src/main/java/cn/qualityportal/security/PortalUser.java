package cn.qualityportal.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.qualityportal.organisation.Role;
import cn.qualityportal.organisation.SignInAccount;
import cn.qualityportal.organisation.Unit;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person: who, which roles, and which unit (their place in the region tree). */
public final class PortalUser implements UserDetails, CredentialsContainer {

	private final long id;

	private final String username;

	private final String displayName;

	private String password;

	private final Set<Role> roles;

	private final Unit unit;

	private final boolean scopeIncludesSubregions;

	private final boolean enabled;

	private final boolean locked;

	private volatile boolean mustChangePassword;

	PortalUser(SignInAccount account, boolean locked) {
		this.id = account.id();
		this.username = account.username();
		this.displayName = account.displayName();
		this.password = account.passwordHash();
		this.roles = Set.copyOf(account.roles());
		this.unit = account.unit();
		this.scopeIncludesSubregions = account.scopeIncludesSubregions();
		this.enabled = account.enabled();
		this.locked = locked;
		this.mustChangePassword = account.mustChangePassword();
	}

	/**
	 * Set by an administrator (initial or reset) or expired: until changed, every page leads to the
	 * password form and the API refuses (403). Flipped in place when the owner changes it, so the
	 * session need not be renewed.
	 */
	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	void passwordChanged() {
		this.mustChangePassword = false;
	}

	public long id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	public Set<Role> roles() {
		return roles;
	}

	/** Null for an account that belongs to no department, such as the first administrator. */
	public Unit unit() {
		return unit;
	}

	/** Whether the account's data scope takes in the regions below its own. */
	public boolean scopeIncludesSubregions() {
		return scopeIncludesSubregions;
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<SimpleGrantedAuthority> authorities = roles.stream()
			.sorted()
			.map(role -> new SimpleGrantedAuthority(role.authority()))
			.toList();
		return authorities;
	}

	@Override
	public String getPassword() {
		return password;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		password = null;
	}

}

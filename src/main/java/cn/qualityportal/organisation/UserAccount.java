package cn.qualityportal.organisation;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/** A person who signs in. The password is stored only as a hash of the delegating encoder. */
@Entity
class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String displayName;

	private String passwordHash;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "department_id")
	private Department department;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_account_role", joinColumns = @JoinColumn(name = "account_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "role")
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	private boolean scopeIncludesSubregions;

	private boolean enabled = true;

	private Instant lockedUntil;

	private boolean mustChangePassword;

	private Instant passwordChangedAt = Instant.now();

	private Instant createdAt = Instant.now();

	@Version
	@Column(nullable = false)
	private long version;

	protected UserAccount() {
	}

	UserAccount(String username, String displayName, String passwordHash, Set<Role> roles) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.roles = EnumSet.copyOf(roles);
	}

	void update(String displayName, Department department, Set<Role> roles, boolean scopeIncludesSubregions) {
		this.displayName = displayName;
		this.department = department;
		this.roles.clear();
		this.roles.addAll(roles);
		this.scopeIncludesSubregions = scopeIncludesSubregions;
	}

	/** A new password; {@code mustChange} when someone else set it (initial or reset), so its owner replaces it. */
	void changePassword(String passwordHash, boolean mustChange) {
		this.passwordHash = passwordHash;
		this.mustChangePassword = mustChange;
		this.passwordChangedAt = Instant.now();
	}

	void grant(Set<Role> roles) {
		this.roles.clear();
		this.roles.addAll(roles);
	}

	/** Holds one of the roles of 三员分立 ({@link Role#isAdministrative()}). */
	public boolean isAdministrative() {
		return roles.stream().anyMatch(Role::isAdministrative);
	}

	void unlock() {
		this.lockedUntil = null;
	}

	public boolean isMustChangePassword() {
		return mustChangePassword;
	}

	public Instant getPasswordChangedAt() {
		return passwordChangedAt;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isScopeIncludesSubregions() {
		return scopeIncludesSubregions;
	}

	public long getVersion() {
		return version;
	}

	public Long getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public String getPasswordHash() {
		return passwordHash;
	}

	public Department getDepartment() {
		return department;
	}

	public Set<Role> getRoles() {
		return roles;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public Instant getLockedUntil() {
		return lockedUntil;
	}

}

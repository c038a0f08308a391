package org.farmgate.accounts;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who signs in to Farmgate: the aggregate that guards the username rules, the
 * role with its data scope, and whether the account may sign in.
 */
@Table("accounts_user_account")
class UserAccount {

	static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

	@Id
	private final UUID id;

	private final String username;

	private String displayName;

	private String passwordHash;

	private Role role;

	private String countyCode;

	private UUID organisationId;

	private UUID stationId;

	private boolean enabled;

	private Instant passwordChangedAt;

	private final Instant createdAt;

	private boolean demo;

	@Version
	private Integer version;

	@PersistenceCreator
	UserAccount(UUID id, String username, String displayName, String passwordHash, Role role, String countyCode,
			UUID organisationId, UUID stationId, boolean enabled, Instant passwordChangedAt, Instant createdAt,
			boolean demo, Integer version) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.countyCode = countyCode;
		this.organisationId = organisationId;
		this.stationId = stationId;
		this.enabled = enabled;
		this.passwordChangedAt = passwordChangedAt;
		this.createdAt = createdAt;
		this.demo = demo;
		this.version = version;
	}

	static UserAccount create(String username, String displayName, Role role, DataScope scope, String passwordHash,
			Instant now) {
		String normalized = normalizeUsername(username);
		if (!USERNAME.matcher(normalized).matches()) {
			throw new IllegalArgumentException("invalid username");
		}
		UserAccount account = new UserAccount(UUID.randomUUID(), normalized, displayName.strip(), passwordHash, role,
				null, null, null, true, now, now, false, null);
		account.assign(role, scope);
		return account;
	}

	static String normalizeUsername(String username) {
		return (username != null) ? username.strip().toLowerCase(java.util.Locale.ROOT) : "";
	}

	void rename(String displayName) {
		this.displayName = displayName.strip();
	}

	void assign(Role role, DataScope scope) {
		DataScope narrowed = DataScope.forRole(role, scope.countyCode(), scope.organisationId(), scope.stationId());
		this.role = role;
		this.countyCode = narrowed.countyCode();
		this.organisationId = narrowed.organisationId();
		this.stationId = narrowed.stationId();
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.passwordChangedAt = now;
	}

	/** Returns whether this changed the account. */
	boolean enable() {
		boolean changed = !this.enabled;
		this.enabled = true;
		return changed;
	}

	/** Returns whether this changed the account. */
	boolean disable() {
		boolean changed = this.enabled;
		this.enabled = false;
		return changed;
	}

	/**
	 * Marks a demo account: its password is public, so it is disabled outside demo mode.
	 */
	void markAsDemo() {
		this.demo = true;
	}

	/** Takes a demo account over as a real one (a real password was just set). */
	void leaveDemo() {
		this.demo = false;
	}

	boolean demo() {
		return this.demo;
	}

	int version() {
		return (this.version != null) ? this.version : 0;
	}

	UUID id() {
		return this.id;
	}

	String username() {
		return this.username;
	}

	String displayName() {
		return this.displayName;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	Role role() {
		return this.role;
	}

	DataScope scope() {
		return new DataScope(this.countyCode, this.organisationId, this.stationId);
	}

	boolean enabled() {
		return this.enabled;
	}

	Instant passwordChangedAt() {
		return this.passwordChangedAt;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	SignedInUser toSignedInUser() {
		return new SignedInUser(this.id, this.username, this.displayName, this.passwordHash, this.role, scope(),
				this.enabled, version());
	}

	AccountView toView() {
		return new AccountView(this.id, this.username, this.displayName, this.role, scope(), this.enabled,
				this.createdAt, this.passwordChangedAt);
	}

}

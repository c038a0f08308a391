package org.farmgate.accounts;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The user behind the current request, with the role and data scope other modules filter
 * by.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

	private final UUID id;

	private final String username;

	private final String displayName;

	private String passwordHash;

	private final Role role;

	private final DataScope scope;

	private final boolean enabled;

	private final int version;

	SignedInUser(UUID id, String username, String displayName, String passwordHash, Role role, DataScope scope,
			boolean enabled, int version) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.scope = scope;
		this.enabled = enabled;
		this.version = version;
	}

	/** The version of the account this user signed in with; any later change bumps it. */
	int version() {
		return this.version;
	}

	public UUID id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	public DataScope scope() {
		return this.scope;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public String toString() {
		return "SignedInUser[" + this.username + ", " + this.role + "]";
	}

}

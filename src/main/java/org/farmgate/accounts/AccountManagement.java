package org.farmgate.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes user accounts and their API tokens; every change is written to the
 * audit log in the same transaction.
 */
@Service
@Transactional
public class AccountManagement {

	/** The shortest password accepted. */
	public static final int MIN_PASSWORD_LENGTH = 8;

	/** The longest password accepted, in UTF-8 bytes (BCrypt's limit). */
	public static final int MAX_PASSWORD_BYTES = 72;

	private final UserAccountRepository accounts;

	private final ApiTokenRepository tokens;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccountManagement(UserAccountRepository accounts, ApiTokenRepository tokens, PasswordEncoder passwordEncoder,
			AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates an account that may sign in at once.
	 * @throws AccountException when the username is malformed or taken, or the password
	 * too short
	 */
	public AccountView createAccount(String username, String displayName, Role role, DataScope scope, String password) {
		String normalized = UserAccount.normalizeUsername(username);
		if (!UserAccount.USERNAME.matcher(normalized).matches()) {
			throw new AccountException("accounts.error.username-format");
		}
		if (this.accounts.findByUsername(normalized).isPresent()) {
			throw new AccountException("accounts.error.username-taken");
		}
		checkPassword(password);
		UserAccount account = UserAccount.create(normalized, displayName, role, scope,
				this.passwordEncoder.encode(password), now());
		try {
			this.accounts.save(account);
		}
		catch (RuntimeException ex) {
			// two administrators creating the same username at once: the unique index
			// decides
			if (causedBy(ex, DuplicateKeyException.class)) {
				throw new AccountException("accounts.error.username-taken");
			}
			throw ex;
		}
		this.auditLog.record("USER_CREATED", normalized + " (" + role + ")");
		this.events.publishEvent(new AccountCreated(account.id(), normalized, role, account.scope().countyCode()));
		return account.toView();
	}

	/**
	 * Changes an account's name, role and scope.
	 * @throws AccountException when administrators change their own role, or when the
	 * change would leave no enabled administrator
	 */
	public AccountView updateAccount(UUID id, String displayName, Role role, DataScope scope, UUID actingAccountId) {
		UserAccount account = load(id);
		if (account.role() != role) {
			if (id.equals(actingAccountId)) {
				throw new AccountException("accounts.error.own-role");
			}
			if (account.role() == Role.ADMIN && account.enabled()) {
				keepAnotherAdministrator(id);
			}
		}
		account.rename(displayName);
		account.assign(role, scope);
		this.accounts.save(account);
		this.auditLog.record("USER_UPDATED", account.username() + " (" + role + ")");
		return account.toView();
	}

	public void enableAccount(UUID id) {
		UserAccount account = load(id);
		if (account.enable()) {
			this.accounts.save(account);
			this.auditLog.record("USER_ENABLED", account.username());
		}
	}

	/**
	 * Disables an account: it can no longer sign in nor use its tokens.
	 * @throws AccountException when an administrator tries to disable their own account
	 */
	public void disableAccount(UUID id, UUID actingAccountId) {
		if (id.equals(actingAccountId)) {
			throw new AccountException("accounts.error.disable-self");
		}
		UserAccount account = load(id);
		if (account.role() == Role.ADMIN && account.enabled()) {
			keepAnotherAdministrator(id);
		}
		if (account.disable()) {
			this.accounts.save(account);
			this.auditLog.record("USER_DISABLED", account.username());
			this.events.publishEvent(new AccountDisabled(account.id(), account.username()));
		}
	}

	/** An administrator sets a new password for someone else's account. */
	public void resetPassword(UUID id, String newPassword) {
		checkPassword(newPassword);
		UserAccount account = load(id);
		account.changePassword(this.passwordEncoder.encode(newPassword), now());
		this.accounts.save(account);
		this.auditLog.record("PASSWORD_RESET", account.username());
	}

	/**
	 * A user changes their own password, proving they know the current one.
	 */
	public void changeOwnPassword(UUID id, String currentPassword, String newPassword) {
		UserAccount account = load(id);
		if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, account.passwordHash())) {
			throw new AccountException("accounts.error.current-password");
		}
		checkPassword(newPassword);
		account.changePassword(this.passwordEncoder.encode(newPassword), now());
		this.accounts.save(account);
		this.auditLog.record("PASSWORD_CHANGED", account.username());
	}

	@Transactional(readOnly = true)
	public List<AccountView> accounts() {
		return this.accounts.findAllOrdered().stream().map(UserAccount::toView).toList();
	}

	@Transactional(readOnly = true)
	public Optional<AccountView> account(UUID id) {
		return this.accounts.findById(id).map(UserAccount::toView);
	}

	@Transactional(readOnly = true)
	public Optional<AccountView> accountByUsername(String username) {
		return this.accounts.findByUsername(username).map(UserAccount::toView);
	}

	@Transactional(readOnly = true)
	public boolean hasAccounts() {
		return this.accounts.count() > 0;
	}

	/**
	 * Creates a demo account (its password is public): marked so that it is disabled when
	 * Farmgate runs outside demo mode.
	 */
	AccountView createDemoAccount(String username, String displayName, Role role, DataScope scope, String password) {
		AccountView created = createAccount(username, displayName, role, scope, password);
		UserAccount account = load(created.id());
		account.markAsDemo();
		this.accounts.save(account);
		return created;
	}

	/** Disables every demo account; returns their usernames. */
	List<String> disableDemoAccounts() {
		List<String> disabled = new java.util.ArrayList<>();
		for (UserAccount account : this.accounts.findEnabledDemoAccounts()) {
			account.disable();
			this.accounts.save(account);
			this.auditLog.record("USER_DISABLED", account.username() + " (demo)");
			disabled.add(account.username());
		}
		return disabled;
	}

	/** Whether any administrator can sign in. */
	boolean hasEnabledAdministrator() {
		return !this.accounts.lockEnabledAdministrators().isEmpty();
	}

	/**
	 * Makes {@code admin} a real, enabled administrator with this password: created when
	 * missing, taken over when it was a demo account.
	 */
	void installAdministrator(String password, String countyCode) {
		checkPassword(password);
		UserAccount admin = this.accounts.findByUsername("admin").orElse(null);
		if (admin == null) {
			createAccount("admin", "Administrator", Role.ADMIN, DataScope.county(countyCode), password);
			return;
		}
		admin.assign(Role.ADMIN, admin.scope());
		admin.changePassword(this.passwordEncoder.encode(password), now());
		admin.leaveDemo();
		admin.enable();
		this.accounts.save(admin);
		this.auditLog.record("PASSWORD_RESET", "admin (installation)");
	}

	/**
	 * Whether the account a session signed in with is unchanged and enabled: a disabled
	 * account, a new role or a reset password ends the session.
	 */
	@Transactional(readOnly = true)
	boolean isUnchanged(SignedInUser user) {
		return this.accounts.countCurrent(user.id(), user.version()) > 0;
	}

	/**
	 * The account as it is now, for a session that must continue after its own change.
	 */
	@Transactional(readOnly = true)
	SignedInUser reload(UUID id) {
		return load(id).toSignedInUser();
	}

	/**
	 * Issues a personal API token; the returned secret is shown to its owner once and
	 * never stored.
	 */
	public IssuedToken issueToken(UUID accountId, String name) {
		UserAccount account = load(accountId);
		ApiToken.Issued issued = ApiToken.issue(account.id(), name, now());
		this.tokens.save(issued.token());
		this.auditLog.record("API_TOKEN_CREATED", account.username() + ": " + name.strip());
		return new IssuedToken(issued.token().toView(), issued.secret());
	}

	public void revokeToken(UUID accountId, UUID tokenId) {
		ApiToken token = this.tokens.findById(tokenId)
			.filter(candidate -> candidate.userAccountId().equals(accountId))
			.orElseThrow(() -> new AccountException("accounts.error.token-not-found"));
		token.revoke(now());
		this.tokens.save(token);
		this.auditLog.record("API_TOKEN_REVOKED", token.toView().name());
	}

	@Transactional(readOnly = true)
	public List<ApiTokenView> tokens(UUID accountId) {
		return this.tokens.findByUserAccountIdOrderByCreatedAtDesc(accountId).stream().map(ApiToken::toView).toList();
	}

	/**
	 * The enabled user a presented token belongs to, if the token is known and not
	 * revoked.
	 */
	Optional<SignedInUser> authenticateToken(String secret) {
		if (secret == null || !secret.startsWith(ApiToken.PREFIX)) {
			return Optional.empty();
		}
		return this.tokens.findByTokenHash(ApiToken.hash(secret)).filter(ApiToken::active).flatMap(token -> {
			Instant now = now();
			this.tokens.touch(token.id(), now, now.minusSeconds(60));
			return this.accounts.findById(token.userAccountId());
		}).filter(UserAccount::enabled).map(UserAccount::toSignedInUser);
	}

	private UserAccount load(UUID id) {
		return this.accounts.findById(id).orElseThrow(() -> new AccountException("accounts.error.not-found"));
	}

	private void keepAnotherAdministrator(UUID leaving) {
		if (this.accounts.lockEnabledAdministrators().stream().noneMatch(id -> !id.equals(leaving))) {
			throw new AccountException("accounts.error.last-admin");
		}
	}

	private static void checkPassword(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new AccountException("accounts.error.password-length");
		}
		// BCrypt uses the first 72 bytes only and refuses longer input
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new AccountException("accounts.error.password-too-long");
		}
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

	/**
	 * A token just issued, with its secret.
	 */
	public record IssuedToken(ApiTokenView token, String secret) {
	}

}

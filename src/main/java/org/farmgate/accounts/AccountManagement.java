package org.farmgate.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
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
		this.accounts.save(account);
		this.auditLog.record("USER_CREATED", normalized + " (" + role + ")");
		this.events.publishEvent(new AccountCreated(account.id(), normalized, role, account.scope().countyCode()));
		return account.toView();
	}

	public AccountView updateAccount(UUID id, String displayName, Role role, DataScope scope) {
		UserAccount account = load(id);
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

	private static void checkPassword(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new AccountException("accounts.error.password-length");
		}
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

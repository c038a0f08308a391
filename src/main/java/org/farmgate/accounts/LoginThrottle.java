package org.farmgate.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refuses sign-in attempts for a username from an address for 15 minutes after five
 * failures. Every attempt is counted before its password is checked, in one atomic
 * statement, so that parallel guesses cannot slip past the limit; a success clears the
 * count. Counts live in the database so that they hold across restarts and instances, and
 * they are kept for any username, existing or not, so that the answer never tells whether
 * a username exists.
 */
@Component
class LoginThrottle {

	static final int MAX_FAILURES = 5;

	static final Duration LOCK = Duration.ofMinutes(15);

	/** The key under which attempts with a malformed username are counted together. */
	static final String MALFORMED = "(malformed)";

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Counts an attempt and says whether its password may be checked: no while the pair
	 * is locked or once five attempts of the current period are under way.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean tryAttempt(String username, String address) {
		Instant now = Instant.now(this.clock);
		// An expired lock or a count older than the lock period starts over.
		Attempt attempt = this.jdbc
			.sql("""
					INSERT INTO accounts_login_failure AS f (username, remote_address, failures, first_failed_at, locked_until)
					VALUES (:u, :a, 1, :now, NULL)
					ON CONFLICT (username, remote_address) DO UPDATE SET
					  failures = CASE WHEN f.locked_until <= :now OR (f.locked_until IS NULL AND f.first_failed_at < :since)
					                  THEN 1 ELSE f.failures + 1 END,
					  first_failed_at = CASE WHEN f.locked_until <= :now OR (f.locked_until IS NULL AND f.first_failed_at < :since)
					                         THEN :now ELSE f.first_failed_at END,
					  locked_until = CASE WHEN f.locked_until <= :now THEN NULL ELSE f.locked_until END
					RETURNING failures, locked_until""")
			.param("u", key(username))
			.param("a", address(address))
			.param("now", Timestamp.from(now))
			.param("since", Timestamp.from(now.minus(LOCK)))
			.query((rs, row) -> new Attempt(rs.getInt("failures"), rs.getTimestamp("locked_until")))
			.single();
		return attempt.lockedUntil() == null && attempt.failures() <= MAX_FAILURES;
	}

	/**
	 * The password of a counted attempt was wrong: the fifth such failure locks the pair.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void failed(String username, String address) {
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				UPDATE accounts_login_failure SET locked_until = :until
				WHERE username = :u AND remote_address = :a AND failures >= :max AND locked_until IS NULL""")
			.param("u", key(username))
			.param("a", address(address))
			.param("until", Timestamp.from(now.plus(LOCK)))
			.param("max", MAX_FAILURES)
			.update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void succeeded(String username, String address) {
		this.jdbc.sql("DELETE FROM accounts_login_failure WHERE username = :u AND remote_address = :a")
			.param("u", key(username))
			.param("a", address(address))
			.update();
	}

	/** Forgets counts whose period and lock are long over. */
	@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
	void forgetOldAttempts() {
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				DELETE FROM accounts_login_failure
				WHERE first_failed_at < :dayAgo AND (locked_until IS NULL OR locked_until < :now)""")
			.param("dayAgo", Timestamp.from(now.minus(Duration.ofDays(1))))
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * The name an attempt is counted and audited under: a well-formed username, or one
	 * shared key for anything else (which may be a password typed into the wrong field
	 * and must not be stored).
	 */
	static String key(String username) {
		String key = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		return UserAccount.USERNAME.matcher(key).matches() ? key : MALFORMED;
	}

	private static String address(String address) {
		return (address != null) ? address : "unknown";
	}

	private record Attempt(int failures, Timestamp lockedUntil) {
	}

}

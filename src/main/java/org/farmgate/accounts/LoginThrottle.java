package org.farmgate.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refuses sign-in attempts for a username from an address for a while after too many
 * failures. Counts are kept in the database so that they hold across restarts and
 * instances, and they are kept for any username, existing or not, so that the answer
 * never tells whether a username exists.
 */
@Component
class LoginThrottle {

	static final int MAX_FAILURES = 5;

	static final Duration LOCK = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether attempts for this username from this address are refused now. */
	@Transactional(readOnly = true)
	boolean isLocked(String username, String address) {
		return this.jdbc.sql(
				"SELECT count(*) FROM accounts_login_failure WHERE username = :u AND remote_address = :a AND locked_until > :now")
			.param("u", key(username))
			.param("a", address(address))
			.param("now", Timestamp.from(Instant.now(this.clock)))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Counts a failure; the fifth within the lock period locks the pair for that period.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordFailure(String username, String address) {
		Instant now = Instant.now(this.clock);
		// A count older than the lock period starts over; the upsert is atomic so that
		// parallel attempts cannot slip past the limit.
		this.jdbc.sql("""
				INSERT INTO accounts_login_failure (username, remote_address, failures, first_failed_at, locked_until)
				VALUES (:u, :a, 1, :now, NULL)
				ON CONFLICT (username, remote_address) DO UPDATE SET
				  failures = CASE WHEN accounts_login_failure.first_failed_at < :since THEN 1
				                  ELSE accounts_login_failure.failures + 1 END,
				  first_failed_at = CASE WHEN accounts_login_failure.first_failed_at < :since THEN :now
				                         ELSE accounts_login_failure.first_failed_at END,
				  locked_until = CASE WHEN accounts_login_failure.first_failed_at >= :since
				                           AND accounts_login_failure.failures + 1 >= :max THEN :until
				                      ELSE accounts_login_failure.locked_until END""")
			.param("u", key(username))
			.param("a", address(address))
			.param("now", Timestamp.from(now))
			.param("since", Timestamp.from(now.minus(LOCK)))
			.param("until", Timestamp.from(now.plus(LOCK)))
			.param("max", MAX_FAILURES)
			.update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordSuccess(String username, String address) {
		this.jdbc.sql("DELETE FROM accounts_login_failure WHERE username = :u AND remote_address = :a")
			.param("u", key(username))
			.param("a", address(address))
			.update();
	}

	private static String key(String username) {
		String key = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		return (key.length() > 64) ? key.substring(0, 64) : key;
	}

	private static String address(String address) {
		return (address != null) ? address : "unknown";
	}

}

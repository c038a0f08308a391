package org.farmgate.training;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves that a person holds a phone number: a six-digit code sent through the
 * {@link Notifier}, valid ten minutes, five tries, one use; at most five codes a number
 * an hour. Only a digest of the code is stored.
 */
@Service
@Transactional
class PhoneVerification {

	static final Duration VALID_FOR = Duration.ofMinutes(10);

	static final int MAX_ATTEMPTS = 5;

	static final int MAX_CODES_AN_HOUR = 5;

	static final int MAX_CODES_A_DAY = 10;

	/** Codes one client address may ask for in an hour, whatever the numbers. */
	static final int MAX_CODES_A_CLIENT_AN_HOUR = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Notifier notifier;

	private final TrainingScope scope;

	PhoneVerification(JdbcClient jdbc, Notifier notifier, TrainingScope scope) {
		this.jdbc = jdbc;
		this.notifier = notifier;
		this.scope = scope;
	}

	/**
	 * Sends a code to the phone.
	 * @return the normalized number
	 * @throws TrainingException when the number is not a mobile number or too many codes
	 * were sent to it
	 */
	String send(String countyCode, String phone, String client) {
		String number = PhoneNumbers.normalize(phone);
		// one number (and one client) at a time, so that parallel requests cannot all
		// pass
		// the count
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
			.param("training-code:" + number)
			.query()
			.listOfRows();
		java.time.Instant now = this.scope.now();
		int lastHour = count("phone = ? AND created_at > ?", number, Timestamp.from(now.minus(Duration.ofHours(1))));
		int lastDay = count("phone = ? AND created_at > ?", number, Timestamp.from(now.minus(Duration.ofDays(1))));
		if (lastHour >= MAX_CODES_AN_HOUR || lastDay >= MAX_CODES_A_DAY) {
			throw TrainingException.because("training.error.too-many-codes");
		}
		if (client != null) {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
				.param("training-client:" + client)
				.query()
				.listOfRows();
			if (count("requested_from = ? AND created_at > ?", client,
					Timestamp.from(now.minus(Duration.ofHours(1)))) >= MAX_CODES_A_CLIENT_AN_HOUR) {
				throw TrainingException.because("training.error.too-many-codes");
			}
		}
		String code = String.format("%06d", RANDOM.nextInt(1_000_000));
		this.jdbc.sql("""
				INSERT INTO training_phone_code (id, county_code, phone, digest, expires_at, created_at, requested_from)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), countyCode, number, digest(number, code),
					Timestamp.from(this.scope.now().plus(VALID_FOR)), Timestamp.from(this.scope.now()), client)
			.update();
		this.notifier.send(number, "【农门培训】验证码 " + code + "，10 分钟内有效。如非本人操作请忽略。");
		return number;
	}

	/**
	 * Checks a code against the latest one sent to the phone; a wrong try is counted even
	 * when the caller's work rolls back.
	 * @throws TrainingException when it is wrong, expired, used or tried too often
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = TrainingException.class)
	public void verify(String countyCode, String phone, String code) {
		String number = PhoneNumbers.normalize(phone);
		Optional<Latest> latest = this.jdbc.sql("""
				SELECT id, digest, expires_at, attempts, used FROM training_phone_code
				WHERE county_code = ? AND phone = ? ORDER BY created_at DESC, id LIMIT 1 FOR UPDATE""")
			.params(countyCode, number)
			.query((rs, row) -> new Latest(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getInt(4), rs.getBoolean(5)))
			.optional();
		if (latest.isEmpty() || latest.get().used() || latest.get().expiresAt().isBefore(this.scope.now())) {
			throw TrainingException.because("training.error.code-expired");
		}
		if (latest.get().attempts() >= MAX_ATTEMPTS) {
			throw TrainingException.because("training.error.code-tried-out");
		}
		String given = (code == null) ? "" : code.strip();
		if (!MessageDigest.isEqual(latest.get().digest().getBytes(StandardCharsets.US_ASCII),
				digest(number, given).getBytes(StandardCharsets.US_ASCII))) {
			this.jdbc.sql("UPDATE training_phone_code SET attempts = attempts + 1 WHERE id = ?")
				.param(latest.get().id())
				.update();
			throw TrainingException.because("training.error.code-wrong", MAX_ATTEMPTS - latest.get().attempts() - 1);
		}
		this.jdbc.sql("UPDATE training_phone_code SET used = TRUE WHERE id = ?").param(latest.get().id()).update();
	}

	private int count(String where, Object... values) {
		return this.jdbc.sql("SELECT count(*) FROM training_phone_code WHERE " + where)
			.params(values)
			.query(Integer.class)
			.single();
	}

	/** Codes older than two days prove nothing any more: gone, every hour. */
	@org.springframework.scheduling.annotation.Scheduled(fixedDelay = 1, initialDelay = 1,
			timeUnit = java.util.concurrent.TimeUnit.HOURS)
	void forgetOldCodes() {
		this.jdbc.sql("DELETE FROM training_phone_code WHERE created_at < ?")
			.param(Timestamp.from(this.scope.now().minus(Duration.ofDays(2))))
			.update();
	}

	private record Latest(UUID id, String digest, java.time.Instant expiresAt, int attempts, boolean used) {
	}

	private static String digest(String phone, String code) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((phone + ":" + code).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package org.farmgate.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A personal API token: only its SHA-256 hash is kept, the token itself is shown once
 * when it is issued.
 */
@Table("accounts_api_token")
class ApiToken {

	static final String PREFIX = "fg_";

	private static final SecureRandom random = new SecureRandom();

	@Id
	private final UUID id;

	private final UUID userAccountId;

	private final String name;

	private final String tokenHash;

	private final String tokenPrefix;

	private final Instant createdAt;

	private Instant lastUsedAt;

	private Instant revokedAt;

	@Version
	private Integer version;

	@PersistenceCreator
	ApiToken(UUID id, UUID userAccountId, String name, String tokenHash, String tokenPrefix, Instant createdAt,
			Instant lastUsedAt, Instant revokedAt, Integer version) {
		this.id = id;
		this.userAccountId = userAccountId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.tokenPrefix = tokenPrefix;
		this.createdAt = createdAt;
		this.lastUsedAt = lastUsedAt;
		this.revokedAt = revokedAt;
		this.version = version;
	}

	/**
	 * A new token and the secret to hand to its owner once.
	 */
	record Issued(ApiToken token, String secret) {
	}

	static Issued issue(UUID userAccountId, String name, Instant now) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiToken token = new ApiToken(UUID.randomUUID(), userAccountId, name.strip(), hash(secret),
				secret.substring(0, 8), now, null, null, null);
		return new Issued(token, secret);
	}

	static String hash(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

	boolean active() {
		return this.revokedAt == null;
	}

	UUID id() {
		return this.id;
	}

	UUID userAccountId() {
		return this.userAccountId;
	}

	ApiTokenView toView() {
		return new ApiTokenView(this.id, this.name, this.tokenPrefix, this.createdAt, this.lastUsedAt, this.revokedAt);
	}

}

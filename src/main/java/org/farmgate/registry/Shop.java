package org.farmgate.registry;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An online shop of an organisation on one platform, with the secret that signs the
 * platform's order webhooks (kept as is: verifying an HMAC needs it; shown to the owner
 * only when generated).
 */
@Table("registry_shop")
class Shop {

	private static final SecureRandom random = new SecureRandom();

	@Id
	private final UUID id;

	private final String countyCode;

	private final UUID organisationId;

	private final Platform platform;

	private String name;

	private String platformShopId;

	private String url;

	private LocalDate openedOn;

	private LocalDate closedOn;

	private ShopStatus status;

	private String webhookSecret;

	@Version
	private Integer version;

	@PersistenceCreator
	Shop(UUID id, String countyCode, UUID organisationId, Platform platform, String name, String platformShopId,
			String url, LocalDate openedOn, LocalDate closedOn, ShopStatus status, String webhookSecret,
			Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.organisationId = organisationId;
		this.platform = platform;
		this.name = name;
		this.platformShopId = platformShopId;
		this.url = url;
		this.openedOn = openedOn;
		this.closedOn = closedOn;
		this.status = status;
		this.webhookSecret = webhookSecret;
		this.version = version;
	}

	/** A shop opening with its webhook secret, sealed. */
	static Shop open(String countyCode, UUID organisationId, ShopInput input, String sealedSecret) {
		return new Shop(UUID.randomUUID(), countyCode, organisationId, input.platform(), input.name().strip(),
				input.platformShopId().strip(), blankToNull(input.url()), input.openedOn(), null, ShopStatus.ACTIVE,
				sealedSecret, null);
	}

	/**
	 * Replaces the webhook secret (sealed) ; the old one stops working at once.
	 */
	void replaceSecret(String sealedSecret) {
		this.webhookSecret = sealedSecret;
	}

	void close(LocalDate on) {
		this.status = ShopStatus.CLOSED;
		this.closedOn = on;
	}

	boolean active() {
		return this.status == ShopStatus.ACTIVE;
	}

	UUID id() {
		return this.id;
	}

	UUID organisationId() {
		return this.organisationId;
	}

	String countyCode() {
		return this.countyCode;
	}

	Platform platform() {
		return this.platform;
	}

	/**
	 * The webhook secret as stored: sealed (or plain, if stored before sealing began).
	 */
	String storedSecret() {
		return this.webhookSecret;
	}

	ShopView toView() {
		return new ShopView(this.id, this.platform, this.name, this.organisationId, this.platformShopId, this.url,
				this.openedOn, this.closedOn, this.status);
	}

	static String newSecret() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}

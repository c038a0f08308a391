package org.farmgate.registry;

import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.SecretBox;
import org.farmgate.accounts.SignedInUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook secrets are stored sealed: the database holds no secret in the clear, the
 * webhook check still gets the secret the merchant was shown, and secrets stored plain
 * before sealing began are sealed at the next start.
 */
@FarmgateTest
class WebhookSecretAtRestTests {

	@Autowired
	RegistryManagement registry;

	@Autowired
	WebhookSecretSealing sealing;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void theDatabaseHoldsTheSecretSealedAndTheWebhookCheckGetsTheOneShown() {
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		RegistryManagement.OpenedShop opened = this.registry.openShop(merchant, new ShopInput(
				merchant.scope().organisationId(), Platform.OTHER, "封存测试店", "seal-" + UUID.randomUUID(), null, null));

		String stored = storedSecret(opened.shop().id());
		assertThat(stored).startsWith("v1:").doesNotContain(opened.webhookSecret());
		assertThat(this.registry.webhookSecretOf(opened.shop().id())).contains(opened.webhookSecret());

		String rotated = this.registry.rotateWebhookSecret(merchant, opened.shop().id());
		assertThat(rotated).isNotEqualTo(opened.webhookSecret());
		assertThat(storedSecret(opened.shop().id())).doesNotContain(rotated).isNotEqualTo(stored);
		assertThat(this.registry.webhookSecretOf(opened.shop().id())).contains(rotated);
	}

	@Test
	void aSecretStoredPlainBeforeSealingBeganIsSealedAtStartAndStillWorks() throws Exception {
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		UUID shop = this.registry
			.openShop(merchant,
					new ShopInput(merchant.scope().organisationId(), Platform.OTHER, "旧密钥店",
							"plain-" + UUID.randomUUID(), null, null))
			.shop()
			.id();
		this.jdbc.sql("UPDATE registry_shop SET webhook_secret = 'whsec_legacy_plain' WHERE id = ?")
			.param(shop)
			.update();

		this.sealing.run(null);

		assertThat(storedSecret(shop)).matches(SecretBox::isSealed, "sealed").doesNotContain("whsec_legacy_plain");
		assertThat(this.registry.webhookSecretOf(shop)).contains("whsec_legacy_plain");
		assertThat(this.jdbc.sql("SELECT count(*) FROM registry_shop WHERE webhook_secret NOT LIKE 'v1:%'")
			.query(Long.class)
			.single()).isZero();
	}

	private String storedSecret(UUID shop) {
		return this.jdbc.sql("SELECT webhook_secret FROM registry_shop WHERE id = ?")
			.param(shop)
			.query(String.class)
			.single();
	}

}

package org.farmgate.registry;

import org.farmgate.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At start, seals the webhook secrets still stored plain (stored before sealing began),
 * so that no secret stays readable in the database.
 */
@Component
class WebhookSecretSealing implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(WebhookSecretSealing.class);

	private final JdbcClient jdbc;

	private final SecretBox secrets;

	WebhookSecretSealing(JdbcClient jdbc, SecretBox secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		int sealed = 0;
		for (var row : this.jdbc
			.sql("SELECT id, webhook_secret FROM registry_shop WHERE webhook_secret NOT LIKE 'v1:%'")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list()) {
			sealed += this.jdbc
				.sql("UPDATE registry_shop SET webhook_secret = ? WHERE id = ?::uuid AND webhook_secret = ?")
				.params(this.secrets.seal(RegistryManagement.WEBHOOK_SECRET, row[1]), row[0], row[1])
				.update();
		}
		if (sealed > 0) {
			logger.info("Sealed {} webhook secrets stored before sealing began", sealed);
		}
	}

}

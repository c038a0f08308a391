package org.farmgate.accounts;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the first run without demo data, creates the {@code admin} account: its password
 * comes from {@code FARMGATE_ADMIN_PASSWORD}, or a random one is generated and printed
 * once in the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class InitialAdministrator implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(InitialAdministrator.class);

	private final AccountManagement accounts;

	private final Environment environment;

	private final boolean demo;

	private final String countyCode;

	InitialAdministrator(AccountManagement accounts, Environment environment,
			@Value("${farmgate.demo:false}") boolean demo,
			@Value("${farmgate.demo-county.code:520122}") String countyCode) {
		this.accounts = accounts;
		this.environment = environment;
		this.demo = demo;
		this.countyCode = countyCode;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.demo || this.accounts.hasAccounts()) {
			return;
		}
		String configured = this.environment.getProperty("FARMGATE_ADMIN_PASSWORD");
		boolean generated = configured == null || configured.isBlank();
		String password = generated ? generate() : configured;
		this.accounts.createAccount("admin", "Administrator", Role.ADMIN, DataScope.county(this.countyCode), password);
		if (generated) {
			// Shown once, on the console of the person installing Farmgate; it is not
			// stored anywhere but as a BCrypt hash.
			logger.warn("""

					================================================================
					 Farmgate created the administrator account.
					   username: admin
					   password: {}
					 Sign in and change this password on your profile page.
					================================================================""", password);
		}
		else {
			logger.info(
					"Farmgate created the administrator account 'admin' with the password from FARMGATE_ADMIN_PASSWORD");
		}
	}

	private static String generate() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}

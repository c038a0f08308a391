package org.farmgate.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

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
 * Outside demo mode, makes sure someone can administer Farmgate and nobody signs in with
 * a public demo password: demo accounts are disabled, and when no administrator can sign
 * in, {@code admin} gets the password from {@code FARMGATE_ADMIN_PASSWORD}, or a random
 * one printed once on the console.
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
		if (this.demo) {
			return;
		}
		List<String> disabled = this.accounts.disableDemoAccounts();
		if (!disabled.isEmpty()) {
			logger.warn("Demo mode is off: disabled the demo accounts {} (their password is public)", disabled);
		}
		if (this.accounts.hasEnabledAdministrator()) {
			return;
		}
		String configured = this.environment.getProperty("FARMGATE_ADMIN_PASSWORD");
		boolean generated = configured == null || configured.isBlank();
		String password = generated ? generate() : configured;
		try {
			this.accounts.installAdministrator(password, this.countyCode);
		}
		catch (AccountException ex) {
			throw new IllegalStateException("FARMGATE_ADMIN_PASSWORD is not usable: it needs 8 characters or more "
					+ "and at most 72 bytes in UTF-8 (" + ex.messageKey() + ")");
		}
		if (generated) {
			// On the console of the person installing Farmgate only, not in the log
			// files; it is stored nowhere but as a BCrypt hash.
			System.out.printf("%n================================================================%n"
					+ " Farmgate created the administrator account.%n   username: admin%n   password: %s%n"
					+ " Sign in and change this password on your profile page.%n"
					+ "================================================================%n", password);
			logger.warn("Created the administrator account 'admin' with a generated password, printed on the console");
		}
		else {
			logger.info("Created the administrator account 'admin' with the password from FARMGATE_ADMIN_PASSWORD");
		}
	}

	private static String generate() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}

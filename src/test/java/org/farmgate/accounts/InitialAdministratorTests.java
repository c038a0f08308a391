package org.farmgate.accounts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first run without demo data creates the administrator: with the password from
 * {@code FARMGATE_ADMIN_PASSWORD}, or with a random one printed once.
 */
class InitialAdministratorTests {

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
			properties = { "farmgate.demo=false", "FARMGATE_ADMIN_PASSWORD=county-secret-42" })
	@ActiveProfiles("test")
	class WithThePasswordFromTheEnvironment {

		@Autowired
		AccountDirectory directory;

		@Autowired
		AccountManagement accounts;

		@Autowired
		PasswordEncoder encoder;

		@Test
		void theAdministratorSignsInWithThatPasswordAndNoDemoAccountExists() {
			assertThat(
					this.encoder.matches("county-secret-42", this.directory.loadUserByUsername("admin").getPassword()))
				.isTrue();
			assertThat(this.accounts.accounts()).filteredOn(AccountView::enabled)
				.extracting(AccountView::username)
				.containsExactly("admin");
		}

		@Autowired
		InitialAdministrator initialAdministrator;

		@Test
		void demoAccountsAreDisabledOutsideDemoMode() {
			AccountView demo = this.accounts.createDemoAccount("demo-left-over", "Demo", Role.OPERATOR,
					DataScope.county("520122"), "farmgate");

			this.initialAdministrator.run(null);

			assertThat(this.accounts.account(demo.id()).orElseThrow().enabled()).isFalse();
			assertThat(this.accounts.accountByUsername("admin").orElseThrow().enabled()).isTrue();
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "farmgate.demo=false")
	@ActiveProfiles("test")
	@ExtendWith(OutputCaptureExtension.class)
	class WithoutAConfiguredPassword {

		@Autowired
		AccountDirectory directory;

		@Autowired
		PasswordEncoder encoder;

		@Autowired
		InitialAdministrator initialAdministrator;

		@Autowired
		UserAccountRepository repository;

		@Test
		void aRandomPasswordIsGeneratedPrintedOnceAndWorks(CapturedOutput output) {
			// start from an empty account table, as on the very first run
			this.repository.deleteAll();
			int before = output.getAll().length();

			this.initialAdministrator.run(null);
			this.initialAdministrator.run(null);

			Matcher printed = Pattern.compile("password: (\\S+)").matcher(output.getAll().substring(before));
			assertThat(printed.find()).as("the generated password is printed").isTrue();
			String password = printed.group(1);
			assertThat(printed.find()).as("and printed only once").isFalse();
			assertThat(password).hasSizeGreaterThanOrEqualTo(16);
			assertThat(this.encoder.matches(password, this.directory.loadUserByUsername("admin").getPassword()))
				.isTrue();
		}

	}

}

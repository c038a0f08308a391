package org.farmgate;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules keep to their declared dependencies, and their documentation is written to
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(FarmgateApplication.class);

	@Test
	void modulesOnlyDependOnWhatTheyDeclare() {
		this.modules.verify();
	}

	@Test
	void theFoundationModulesExist() {
		assertThat(this.modules.stream().map(module -> module.getIdentifier().toString())).contains("accounts", "web");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation();
	}

}

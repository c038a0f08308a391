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
	void writesModuleDocumentation() throws Exception {
		new Documenter(this.modules).writeDocumentation();

		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files
			.list(java.nio.file.Path.of("target", "spring-modulith-docs"))) {
			assertThat(files.map(path -> path.getFileName().toString())).contains("components.puml",
					"module-accounts.adoc", "module-geo.adoc", "module-registry.adoc");
		}
	}

}

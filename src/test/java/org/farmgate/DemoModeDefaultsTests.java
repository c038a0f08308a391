package org.farmgate;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import java.util.HashMap;
import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo mode is on by default only with the embedded database, and a demo server listens
 * on the loopback interface unless told otherwise.
 */
class DemoModeDefaultsTests {

	private final DemoModeDefaults defaults = new DemoModeDefaults();

	@Test
	void withTheEmbeddedDatabaseDemoModeIsOnAndTheServerStaysOnLoopback() {
		ConfigurableEnvironment environment = environment();
		this.defaults.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("farmgate.demo", Boolean.class)).isTrue();
		assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
	}

	@Test
	void withAnExternalDatabaseDemoModeIsOffAndNoAddressIsImposed() {
		ConfigurableEnvironment environment = environment("spring.datasource.url",
				"jdbc:postgresql://db.example/farmgate");
		this.defaults.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("farmgate.demo", Boolean.class)).isFalse();
		assertThat(environment.getProperty("server.address")).isNull();
	}

	@Test
	void anAddressSetByTheUserIsKeptInDemoMode() {
		ConfigurableEnvironment environment = environment("server.address", "0.0.0.0");
		this.defaults.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("farmgate.demo", Boolean.class)).isTrue();
		assertThat(environment.getProperty("server.address")).isEqualTo("0.0.0.0");
	}

	@Test
	void demoModeTurnedOffExplicitlyStaysOffAndImposesNoAddress() {
		ConfigurableEnvironment environment = environment("farmgate.demo", "false");
		this.defaults.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("farmgate.demo", Boolean.class)).isFalse();
		assertThat(environment.getProperty("server.address")).isNull();
	}

	/** An environment holding only the given properties: nothing from the machine. */
	private static ConfigurableEnvironment environment(String... keysAndValues) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().forEach(source -> environment.getPropertySources().remove(source.getName()));
		Map<String, Object> properties = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			properties.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}

package org.farmgate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns demo mode on by default when Farmgate runs on its embedded database, and keeps a
 * demo server (well-known passwords) on the loopback interface unless an address is set.
 */
class DemoModeDefaults implements EnvironmentPostProcessor {

	static final String DEMO = "farmgate.demo";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean embedded = !environment.containsProperty("spring.datasource.url");
		boolean demo = environment.getProperty(DEMO, Boolean.class, embedded);
		Map<String, Object> defaults = new LinkedHashMap<>();
		if (!environment.containsProperty(DEMO)) {
			defaults.put(DEMO, demo);
		}
		if (demo && !environment.containsProperty("server.address")) {
			defaults.put("server.address", "127.0.0.1");
		}
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource("farmgateDemoDefaults", defaults));
		}
	}

}

package org.farmgate.geo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The division table and the address resolver, loaded once at start-up.
 */
@Configuration(proxyBeanMethods = false)
class GeoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(GeoConfiguration.class);

	@Bean
	Divisions divisions() {
		long started = System.nanoTime();
		Divisions divisions = Divisions.load();
		logger.info("Loaded {} divisions (table {}) in {} ms", divisions.size(), divisions.tableVersion(),
				(System.nanoTime() - started) / 1_000_000);
		return divisions;
	}

	@Bean
	AddressResolver addressResolver(Divisions divisions) {
		return new AddressResolver(divisions);
	}

}

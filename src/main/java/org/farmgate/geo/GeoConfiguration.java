package org.farmgate.geo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;

/**
 * The division table and the address resolver, loaded once at start-up.
 */
@Configuration(proxyBeanMethods = false)
class GeoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(GeoConfiguration.class);

	/**
	 * Loaded on first use or, right after start-up, by {@link #warmUp}: the ~1 s it takes
	 * stays off the path to the first page.
	 */
	@Bean
	@Lazy
	Divisions divisions() {
		long started = System.nanoTime();
		Divisions divisions = Divisions.load();
		logger.info("Loaded {} divisions (table {}) in {} ms", divisions.size(), divisions.tableVersion(),
				(System.nanoTime() - started) / 1_000_000);
		return divisions;
	}

	@Bean
	@Lazy
	AddressResolver addressResolver(Divisions divisions) {
		return new AddressResolver(divisions);
	}

	/**
	 * Loads the table and builds the index in the background once the application is up.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp(ApplicationReadyEvent event) {
		ObjectProvider<AddressResolver> resolvers = event.getApplicationContext()
			.getBeanProvider(AddressResolver.class);
		Thread loader = new Thread(() -> resolvers.getObject().tableVersion(), "geo-warm-up");
		loader.setDaemon(true);
		loader.start();
	}

}

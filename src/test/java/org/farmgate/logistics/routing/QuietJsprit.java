package org.farmgate.logistics.routing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outside Spring Boot, Logback logs everything at DEBUG, and jsprit logs every iteration:
 * tests and the benchmark keep jsprit to warnings.
 */
final class QuietJsprit {

	private QuietJsprit() {
	}

	static void please() {
		if (LoggerFactory.getLogger("com.graphhopper") instanceof Logger logger) {
			logger.setLevel(Level.WARN);
		}
	}

}

package org.farmgate.statistics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the sales cube in the background once the application is ready, so that the first
 * dashboard view after a start does not wait for it (31–33 s at 20 M order lines,
 * decision 0014); a view asked for meanwhile waits only for the rest of the reading. On a
 * thread of its own that a stop does not wait for. An instance that serves no dashboard
 * can leave the cube unread ({@code farmgate.statistics.read-cube-at-start=false}): it
 * holds ~27 bytes a daily rollup row.
 */
@Component
class SalesCubeWarming {

	private static final Logger logger = LoggerFactory.getLogger(SalesCubeWarming.class);

	private final SalesCube cube;

	private final boolean enabled;

	SalesCubeWarming(SalesCube cube, @Value("${farmgate.statistics.read-cube-at-start:true}") boolean enabled) {
		this.cube = cube;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warm() {
		if (!this.enabled) {
			return;
		}
		Thread reading = new Thread(() -> {
			long start = System.nanoTime();
			try {
				this.cube.current();
				logger.info("Sales cube read in {} ms", (System.nanoTime() - start) / 1_000_000);
			}
			catch (RuntimeException ex) {
				// the application stopped meanwhile (or the database is away, which
				// every other part then says too): the first view reads it instead
				logger.info("Sales cube not read at start ({}): the first view reads it", ex.toString());
			}
		}, "sales-cube-reading");
		reading.setDaemon(true);
		reading.start();
	}

}

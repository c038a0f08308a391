package org.farmgate.statistics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Reads the sales cube in the background once the application is ready, so that the first
 * dashboard view after a start does not wait for it (31–33 s at 20 M order lines,
 * decision 0014); a view asked for meanwhile waits only for the rest of the reading.
 */
@Component
class SalesCubeWarming {

	private static final Logger logger = LoggerFactory.getLogger(SalesCubeWarming.class);

	private final SalesCube cube;

	private final TaskExecutor executor;

	SalesCubeWarming(SalesCube cube,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
		this.cube = cube;
		this.executor = executor;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warm() {
		this.executor.execute(() -> {
			long start = System.nanoTime();
			try {
				this.cube.current();
				logger.info("Sales cube read in {} ms", (System.nanoTime() - start) / 1_000_000);
			}
			catch (RuntimeException ex) {
				// the first view reads it instead
				logger.warn("Sales cube not read at start ({}): the first view reads it", ex.toString());
			}
		});
	}

}

package org.farmgate.statistics;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.farmgate.FarmgateTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sales cube is read in the background once the application is ready, before anyone
 * views the dashboard.
 */
@FarmgateTest
class SalesCubeWarmingTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
	TaskExecutor executor;

	@Test
	void aReadyApplicationReadsTheCubeWithoutAnyViewAskingForIt() throws InterruptedException {
		// a cube of its own, as the application has at its start
		SalesCube cube = new SalesCube(this.dataSource, this.transactions);
		assertThat(cube.read()).isFalse();

		new SalesCubeWarming(cube, this.executor).warm();

		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!cube.read() && Instant.now().isBefore(deadline)) {
			Thread.sleep(20);
		}
		assertThat(cube.read()).as("read in the background").isTrue();
		assertThat(cube.current().counties()).as("with the demo county's sales").isNotEmpty();
	}

}

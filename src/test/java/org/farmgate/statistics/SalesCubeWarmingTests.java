package org.farmgate.statistics;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.farmgate.FarmgateTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void aReadyApplicationReadsTheCubeWithoutAnyViewAskingForIt() throws InterruptedException {
		StatisticsSettle.settle(this.jdbc);
		// a cube of its own, as the application has at its start
		SalesCube cube = new SalesCube(this.dataSource, this.transactions);
		assertThat(cube.read()).isFalse();

		new SalesCubeWarming(cube, true).warm();

		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!cube.read() && Instant.now().isBefore(deadline)) {
			Thread.sleep(20);
		}
		assertThat(cube.read()).as("read in the background").isTrue();
		assertThat(cube.current().counties()).as("with the demo county's sales").isNotEmpty();
	}

	@Test
	void anInstanceToldNotToLeavesTheCubeUnreadUntilAViewAsks() throws InterruptedException {
		SalesCube cube = new SalesCube(this.dataSource, this.transactions);

		new SalesCubeWarming(cube, false).warm();
		Thread.sleep(500);

		assertThat(cube.read()).isFalse();
	}

}

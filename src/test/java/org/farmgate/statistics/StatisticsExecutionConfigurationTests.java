package org.farmgate.statistics;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.orders.OrdersRestated;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics take their events on their own few threads, and the other modules'
 * listeners keep the application's task executor.
 */
@FarmgateTest
class StatisticsExecutionConfigurationTests {

	@Autowired
	@Qualifier(StatisticsExecutionConfiguration.LISTENERS)
	ThreadPoolTaskExecutor statistics;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	private boolean taken(UUID restatement) {
		return this.jdbc.queryForObject("SELECT count(*) FROM statistics_ledger WHERE event_key = ?", Integer.class,
				"OrdersRestated:" + restatement) == 1;
	}

	@Test
	void everyStatisticsListenerNamesTheStatisticsExecutor() {
		List<Method> listeners = Arrays.stream(StatisticsListeners.class.getDeclaredMethods())
			.filter(method -> AnnotatedElementUtils.hasAnnotation(method, ApplicationModuleListener.class))
			.toList();

		assertThat(listeners).hasSizeGreaterThan(10);
		assertThat(listeners)
			.allSatisfy(method -> assertThat(AnnotatedElementUtils.findMergedAnnotation(method, Async.class).value())
				.as(method.getName())
				.isEqualTo(StatisticsExecutionConfiguration.LISTENERS));
	}

	@Test
	void anImportsChunkIsTakenInThePublishersTransactionNotOnTheStatisticsThreads() throws NoSuchMethodException {
		Method chunk = StatisticsListeners.class.getDeclaredMethod("on", org.farmgate.orders.OrdersImported.class);

		assertThat(AnnotatedElementUtils.hasAnnotation(chunk, org.springframework.context.event.EventListener.class))
			.isTrue();
		assertThat(AnnotatedElementUtils.hasAnnotation(chunk, ApplicationModuleListener.class)).isFalse();
		assertThat(AnnotatedElementUtils.hasAnnotation(chunk, Async.class)).isFalse();
	}

	@Test
	void anEventIsTakenOnTheStatisticsThreadsWhichAreAFewAndTheApplicationKeepsItsOwnExecutor()
			throws InterruptedException {
		UUID id = UUID.randomUUID();
		long before = this.statistics.getThreadPoolExecutor().getCompletedTaskCount();

		this.transactions.executeWithoutResult(
				status -> this.events.publishEvent(new OrdersRestated(id, List.of(), List.of(), List.of())));

		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (!taken(id) && Instant.now().isBefore(deadline)) {
			Thread.sleep(20);
		}
		assertThat(taken(id)).as("in the statistics' ledger").isTrue();
		assertThat(this.statistics.getThreadPoolExecutor().getCompletedTaskCount()).isGreaterThan(before);
		assertThat(this.statistics.getMaxPoolSize()).isEqualTo(2);
		assertThat(this.context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class).getMaxPoolSize())
			.as("the other modules' listeners keep the application's executor")
			.isGreaterThan(2);
	}

}

package org.farmgate.statistics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The statistics take their events on threads of their own, a few at a time
 * ({@code farmgate.statistics.listener-threads}, 2 by default), not on the application's
 * task executor (8 threads, shared by every module's listeners): a burst of events (an
 * import's chunks before decision 0016, a restatement, many webhooks) taken eight at once
 * only waited on each other's rollup rows while each held one of the ten database
 * connections the imports and the pages need (decision 0015).
 */
@Configuration(proxyBeanMethods = false)
class StatisticsExecutionConfiguration {

	/** The executor the statistics' listeners run on. */
	static final String LISTENERS = "statisticsListenerExecutor";

	/** Built as Spring Boot builds its own (task decorators and customizers kept). */
	@Bean(LISTENERS)
	ThreadPoolTaskExecutor statisticsListenerExecutor(ThreadPoolTaskExecutorBuilder builder,
			@Value("${farmgate.statistics.listener-threads:2}") int threads) {
		return builder.corePoolSize(threads).maxPoolSize(threads).threadNamePrefix("statistics-").build();
	}

}

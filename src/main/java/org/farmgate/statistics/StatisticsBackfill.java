package org.farmgate.statistics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, after the demo data is written: when the statistics have never taken anything
 * (a new installation, the demo, or an upgrade that brings this module to existing data),
 * every module is asked to tell its history, so the dashboard starts with everything that
 * is already there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class StatisticsBackfill implements ApplicationRunner {

	private final StatisticsManagement statistics;

	private final boolean enabled;

	StatisticsBackfill(StatisticsManagement statistics,
			@Value("${farmgate.statistics.backfill-on-start:true}") boolean enabled) {
		this.statistics = statistics;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.enabled) {
			this.statistics.backfill();
		}
	}

}

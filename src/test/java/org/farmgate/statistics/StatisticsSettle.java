package org.farmgate.statistics;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits until the histories told at the first start are done and every listener took
 * every publication (the outbox is empty).
 */
final class StatisticsSettle {

	private StatisticsSettle() {
	}

	static void settle(JdbcTemplate jdbc) {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			// the histories told at the first start (or by a rebuild) are done, and every
			// publication is taken
			Boolean settled = jdbc.queryForObject("""
					SELECT EXISTS (SELECT 1 FROM statistics_ledger WHERE event_key = 'histories-done')
					   AND NOT EXISTS (SELECT 1 FROM event_publication WHERE completion_date IS NULL)""",
					Boolean.class);
			if (Boolean.TRUE.equals(settled)) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("event publications still owed after 120 s");
	}

}

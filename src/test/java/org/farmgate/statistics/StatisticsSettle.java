package org.farmgate.statistics;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

/** Waits until every listener took every publication (the outbox is empty). */
final class StatisticsSettle {

	private StatisticsSettle() {
	}

	static void settle(JdbcTemplate jdbc) {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			Integer owed = jdbc.queryForObject("SELECT count(*) FROM event_publication WHERE completion_date IS NULL",
					Integer.class);
			if (owed != null && owed == 0) {
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

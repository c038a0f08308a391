package org.farmgate.training;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells every attendance and trainee link again as {@link TrainingRestated} events: how
 * the statistics catch up with sessions attended before they listened, or written
 * directly by the demo.
 */
@Component
public class TrainingHistory {

	private static final int CHUNK = 5_000;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	TrainingHistory(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = transactions;
	}

	/** Publishes every attendance, {@value #CHUNK} to an event. */
	public void restate() {
		List<SessionAttended> all = this.jdbc.sql("""
				SELECT e.id, s.id, e.trainee_id, s.county_code, c.topic,
				       CAST(s.starts_at AT TIME ZONE 'Asia/Shanghai' AS DATE), e.check_in
				FROM training_enrolment e
				JOIN training_session s ON s.id = e.session_id
				JOIN training_course c ON c.id = s.course_id
				WHERE e.checked_in_at IS NOT NULL""")
			.query((rs, n) -> new SessionAttended(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
					rs.getString(7)))
			.list();
		List<TraineeLinked> links = this.jdbc
			.sql("SELECT id, county_code, entrepreneur_id FROM training_trainee WHERE entrepreneur_id IS NOT NULL")
			.query((rs, n) -> new TraineeLinked(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class)))
			.list();
		this.transactions.executeWithoutResult(
				status -> this.events.publishEvent(new TrainingRestated(UUID.randomUUID(), List.of(), links)));
		for (int from = 0; from < all.size(); from += CHUNK) {
			List<SessionAttended> chunk = List.copyOf(all.subList(from, Math.min(all.size(), from + CHUNK)));
			this.transactions.executeWithoutResult(
					status -> this.events.publishEvent(new TrainingRestated(UUID.randomUUID(), chunk, List.of())));
		}
	}

}

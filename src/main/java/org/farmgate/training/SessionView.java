package org.farmgate.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A session with its course, times in the county's local time, and how many are enrolled,
 * waiting and have attended.
 */
public record SessionView(UUID id, String countyCode, UUID courseId, String courseTitle, Topic topic, Level level,
		BigDecimal hours, LocalDateTime startsAt, LocalDateTime endsAt, String place, int capacity, String trainer,
		int enrolled, int waiting, int attended) {

	public int placesLeft() {
		return Math.max(0, this.capacity - this.enrolled);
	}

	public boolean full() {
		return this.enrolled >= this.capacity;
	}

	public LocalDate date() {
		return this.startsAt.toLocalDate();
	}

	/** Whether it has begun by this instant. */
	public boolean begunBy(Instant now) {
		return !this.startsAt.atZone(TrainingScope.CHINA).toInstant().isAfter(now);
	}

}

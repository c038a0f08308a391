package org.farmgate.training;

import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A session as a form or the API gives it: the course, when (the county's local time),
 * where, how many places, and the trainer's username.
 */
public record SessionInput(UUID courseId, LocalDateTime startsAt, LocalDateTime endsAt, String place, Integer capacity,
		String trainer) {
}

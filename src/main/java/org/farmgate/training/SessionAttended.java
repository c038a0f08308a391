package org.farmgate.training;

import java.time.LocalDate;
import java.util.UUID;

/** A trainee attended a session: one person-time (人次) for the statistics. */
public record SessionAttended(UUID enrolmentId, UUID sessionId, UUID traineeId, String countyCode, String topic,
		LocalDate date, String method) {
}

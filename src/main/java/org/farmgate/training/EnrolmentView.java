package org.farmgate.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A person's enrolment in a session, with the phone masked; {@code waitingPosition} is 1
 * for the first in the queue, null when not waiting.
 */
public record EnrolmentView(UUID id, UUID sessionId, UUID traineeId, String traineeName, String maskedPhone,
		EnrolmentStatus status, Instant queuedAt, String enrolledBy, Instant promotedAt, Instant checkedInAt,
		CheckInMethod checkIn, BigDecimal score, String certificateCode, Integer waitingPosition) {

	public boolean attended() {
		return this.checkedInAt != null;
	}

}

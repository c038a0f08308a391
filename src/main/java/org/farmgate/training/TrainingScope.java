package org.farmgate.training;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who does what at the training centre: operators and administrators run it for their
 * county; a trainer reads the county's courses and sessions and keeps the attendance and
 * scores of its own sessions; analysts read; merchants and stations have no part in it.
 */
@Component
class TrainingScope {

	/** Sessions are held, and days counted, in the county's time. */
	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Clock clock;

	TrainingScope(Clock clock) {
		this.clock = clock;
	}

	static boolean reads(SignedInUser user) {
		return switch (user.role()) {
			case ADMIN, OPERATOR, TRAINER, ANALYST -> true;
			case MERCHANT, STATION -> false;
		};
	}

	void requireReader(SignedInUser user) {
		if (!reads(user)) {
			throw new AccessDeniedException("role " + user.role() + " has no part in training");
		}
	}

	static boolean manages(SignedInUser user) {
		return user.role() == Role.ADMIN || user.role() == Role.OPERATOR;
	}

	void requireManager(SignedInUser user) {
		if (!manages(user)) {
			throw new AccessDeniedException("role " + user.role() + " does not run the training centre");
		}
	}

	/** The operations centre, or the session's own trainer. */
	void requireTeacher(SignedInUser user, SessionView session) {
		if (!manages(user) && !(user.role() == Role.TRAINER && user.getUsername().equals(session.trainer()))) {
			throw new AccessDeniedException("not the trainer of this session");
		}
	}

	java.time.Instant now() {
		return this.clock.instant();
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(CHINA));
	}

}

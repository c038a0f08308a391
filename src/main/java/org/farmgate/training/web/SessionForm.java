package org.farmgate.training.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.farmgate.training.SessionInput;
import org.farmgate.training.SessionView;

import org.springframework.format.annotation.DateTimeFormat;

/** The form of a session: the day, from and until (the county's time), room, places. */
record SessionForm(UUID courseId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
		@DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime startsAt,
		@DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime endsAt, String place, Integer capacity,
		String trainer) {

	static SessionForm empty(UUID courseId, LocalDate day) {
		return new SessionForm(courseId, day, LocalTime.of(9, 0), LocalTime.of(12, 0), "电商运营中心 201 教室", 30, null);
	}

	static SessionForm of(SessionView session) {
		return new SessionForm(session.courseId(), session.startsAt().toLocalDate(), session.startsAt().toLocalTime(),
				session.endsAt().toLocalTime(), session.place(), session.capacity(), session.trainer());
	}

	SessionInput toInput() {
		return new SessionInput(this.courseId,
				(this.date != null && this.startsAt != null) ? this.date.atTime(this.startsAt) : null,
				(this.date != null && this.endsAt != null) ? this.date.atTime(this.endsAt) : null, this.place,
				this.capacity, this.trainer);
	}

}

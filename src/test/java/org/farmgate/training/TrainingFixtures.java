package org.farmgate.training;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.DataScope;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;

import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What the training tests set up of their own, so that the demo sessions do not disturb
 * their counts: a course and sessions of a run's suffix (trainer: the demo trainer), and
 * mobile numbers that neither the demo trainees (137…, 138…) nor other tests use.
 */
final class TrainingFixtures {

	static final String COUNTY = "520122";

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final String PASSWORD = "training-test-pass";

	/** One counter for every test class of the JVM: numbers 159xxxxxxxx. */
	private static final AtomicLong PHONES = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000L));

	private final CourseManagement courses;

	private final SessionManagement sessions;

	private final AccountManagement accounts;

	private final UserDetailsService users;

	final SignedInUser operator;

	final SignedInUser trainer;

	final String suffix;

	TrainingFixtures(CourseManagement courses, SessionManagement sessions, AccountManagement accounts,
			UserDetailsService users) {
		this.courses = courses;
		this.sessions = sessions;
		this.accounts = accounts;
		this.users = users;
		this.operator = (SignedInUser) users.loadUserByUsername("operator");
		this.trainer = (SignedInUser) users.loadUserByUsername("trainer");
		this.suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
	}

	/** Now in the county, to the minute. */
	static LocalDateTime now() {
		return LocalDateTime.now(CHINA).truncatedTo(ChronoUnit.MINUTES);
	}

	/** A fresh mainland mobile number. */
	static String phone() {
		return String.format("159%08d", 10_000_000L + PHONES.incrementAndGet() % 89_999_999L);
	}

	CourseView course(String title) {
		return this.courses.add(this.operator, new CourseInput(title + " " + this.suffix, Topic.LIVE_STREAMING,
				Level.BEGINNER, new BigDecimal("3.5"), null, List.of("trainer")));
	}

	/** A two-hour session of the demo trainer that began half an hour ago. */
	SessionView sessionNow(CourseView course, int capacity) {
		return session(course, now().minusMinutes(30), capacity);
	}

	/** A two-hour session of the demo trainer tomorrow at this time. */
	SessionView sessionTomorrow(CourseView course, int capacity) {
		return session(course, now().plusDays(1), capacity);
	}

	SessionView session(CourseView course, LocalDateTime startsAt, int capacity) {
		return this.sessions.schedule(this.operator, new SessionInput(course.id(), startsAt, startsAt.plusHours(2),
				"测试教室 " + this.suffix, capacity, "trainer"));
	}

	/** The same session with another number of places. */
	SessionView withCapacity(SessionView session, int capacity) {
		return this.sessions.change(this.operator, session.id(), new SessionInput(session.courseId(),
				session.startsAt(), session.endsAt(), session.place(), capacity, session.trainer()));
	}

	/** Another trainer of the county, signed in. */
	SignedInUser otherTrainer() {
		String username = "training-other-" + this.suffix.toLowerCase();
		this.accounts.createAccount(username, "讲师 " + this.suffix, Role.TRAINER, DataScope.county(COUNTY), PASSWORD);
		return (SignedInUser) this.users.loadUserByUsername(username);
	}

}

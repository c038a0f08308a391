package org.farmgate.training;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.accounts.AccountView;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules the sessions of the county's courses: when, where, how many places, by which
 * trainer; lists them by month for the calendar and the upcoming ones for the public. A
 * session gets a secret check-in token for its QR code.
 */
@Service
@Transactional
public class SessionManagement {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final TrainingScope scope;

	private final CourseManagement courses;

	private final EnrolmentManagement enrolments;

	SessionManagement(JdbcClient jdbc, TrainingScope scope, CourseManagement courses, EnrolmentManagement enrolments) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.courses = courses;
		this.enrolments = enrolments;
	}

	/**
	 * Schedules a session.
	 * @throws TrainingException saying what to fix
	 */
	public SessionView schedule(SignedInUser user, SessionInput input) {
		this.scope.requireManager(user);
		check(user, input, 0);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO training_session (id, county_code, course_id, starts_at, ends_at, place, capacity, trainer,
				                              check_in_token, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, user.scope().countyCode(), input.courseId(), instant(input.startsAt()), instant(input.endsAt()),
					input.place().strip(), input.capacity(), blankToNull(input.trainer()), token(),
					Timestamp.from(this.scope.now()))
			.update();
		return session(user, id).orElseThrow();
	}

	/**
	 * Changes a session; more places promote as many of the waiting list, fewer than are
	 * enrolled is refused.
	 * @throws TrainingException saying what to fix
	 */
	public SessionView change(SignedInUser user, UUID id, SessionInput input) {
		this.scope.requireManager(user);
		SessionView before = lockedSession(user, id);
		check(user, input, before.enrolled());
		this.jdbc
			.sql("""
					UPDATE training_session SET course_id = ?, starts_at = ?, ends_at = ?, place = ?, capacity = ?, trainer = ?,
					       version = version + 1
					WHERE id = ?""")
			.params(input.courseId(), instant(input.startsAt()), instant(input.endsAt()), input.place().strip(),
					input.capacity(), blankToNull(input.trainer()), id)
			.update();
		this.enrolments.fillPlaces(id, input.capacity());
		return session(user, id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<SessionView> session(SignedInUser user, UUID id) {
		this.scope.requireReader(user);
		return this.jdbc.sql(SELECT + " WHERE s.id = ? AND s.county_code = ?")
			.params(id, user.scope().countyCode())
			.query(SessionManagement::view)
			.optional();
	}

	/** A session as the public enrolment and check-in pages show it (no sign-in). */
	@Transactional(readOnly = true)
	public Optional<SessionView> publicSession(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE s.id = ?").param(id).query(SessionManagement::view).optional();
	}

	/** Sessions by id, in one query: those of a person's enrolments. */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, SessionView> publicSessions(java.util.Collection<UUID> ids) {
		java.util.Map<UUID, SessionView> found = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql(SELECT + " WHERE s.id = ANY(?)")
				.param(ids.stream().distinct().toArray(UUID[]::new))
				.query(SessionManagement::view)
				.list()
				.forEach(session -> found.put(session.id(), session));
		}
		return found;
	}

	/** The sessions of a month, for the calendar; a trainer's own only when asked. */
	@Transactional(readOnly = true)
	public List<SessionView> month(SignedInUser user, YearMonth month, boolean ownOnly) {
		this.scope.requireReader(user);
		return this.jdbc.sql(SELECT + """
				WHERE s.county_code = ? AND s.starts_at >= ? AND s.starts_at < ?
				  AND (CAST(? AS TEXT) IS NULL OR s.trainer = ?)
				ORDER BY s.starts_at, s.id""")
			.params(user.scope().countyCode(), instant(month.atDay(1).atStartOfDay()),
					instant(month.plusMonths(1).atDay(1).atStartOfDay()),
					(ownOnly && user.role() == Role.TRAINER) ? user.getUsername() : null,
					(ownOnly && user.role() == Role.TRAINER) ? user.getUsername() : null)
			.query(SessionManagement::view)
			.list();
	}

	/** The county's sessions from today on that anyone may enrol in, soonest first. */
	@Transactional(readOnly = true)
	public List<SessionView> upcoming(String countyCode, int limit) {
		Timestamp from = instant(this.scope.today().atStartOfDay());
		if (countyCode == null) {
			return this.jdbc.sql(SELECT + " WHERE s.starts_at >= ? ORDER BY s.starts_at, s.id LIMIT ?")
				.params(from, limit)
				.query(SessionManagement::view)
				.list();
		}
		return this.jdbc
			.sql(SELECT + " WHERE s.county_code = ? AND s.starts_at >= ? ORDER BY s.starts_at, s.id LIMIT ?")
			.params(countyCode, from, limit)
			.query(SessionManagement::view)
			.list();
	}

	/**
	 * The code the session's QR code carries this minute, for its trainer and the centre
	 * (it changes every minute: see {@link CheckInCodes}).
	 */
	@Transactional(readOnly = true)
	public String checkInToken(SignedInUser user, UUID id) {
		SessionView session = session(user, id).orElseThrow(TrainingException::notFound);
		this.scope.requireTeacher(user, session);
		String secret = this.jdbc.sql("SELECT check_in_token FROM training_session WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
		return CheckInCodes.at(secret, this.scope.now());
	}

	private SessionView lockedSession(SignedInUser user, UUID id) {
		this.jdbc.sql("SELECT id FROM training_session WHERE id = ? AND county_code = ? FOR UPDATE")
			.params(id, user.scope().countyCode())
			.query(UUID.class)
			.optional()
			.orElseThrow(TrainingException::notFound);
		return session(user, id).orElseThrow(TrainingException::notFound);
	}

	private void check(SignedInUser user, SessionInput input, int enrolled) {
		if (input.courseId() == null || this.courses.course(user, input.courseId()).isEmpty()) {
			throw TrainingException.because("training.error.course");
		}
		if (input.startsAt() == null || input.endsAt() == null || !input.endsAt().isAfter(input.startsAt())) {
			throw TrainingException.because("training.error.times");
		}
		if (input.startsAt().toLocalDate().isBefore(LocalDate.of(2000, 1, 1))
				|| input.startsAt().toLocalDate().isAfter(this.scope.today().plusYears(2))
				|| input.endsAt().isAfter(input.startsAt().plusDays(7))) {
			throw TrainingException.because("training.error.times");
		}
		if (input.place() == null || input.place().isBlank() || input.place().strip().length() > 200) {
			throw TrainingException.because("training.error.place");
		}
		if (input.capacity() == null || input.capacity() < 1 || input.capacity() > 1000) {
			throw TrainingException.because("training.error.capacity");
		}
		if (input.capacity() < enrolled) {
			throw TrainingException.because("training.error.capacity-below-enrolled", enrolled);
		}
		if (input.trainer() != null && !input.trainer().isBlank()
				&& this.courses.trainers(user)
					.stream()
					.map(AccountView::username)
					.noneMatch(username -> username.equals(input.trainer().strip()))) {
			throw TrainingException.because("training.error.trainer", input.trainer().strip());
		}
	}

	private static String token() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	static Timestamp instant(LocalDateTime local) {
		return Timestamp.from(local.atZone(TrainingScope.CHINA).toInstant());
	}

	private static final String SELECT = """
			SELECT s.id, s.county_code, s.course_id, c.title, c.topic, c.level, c.hours, s.starts_at, s.ends_at, s.place,
			       s.capacity, s.trainer,
			       (SELECT count(*) FROM training_enrolment e WHERE e.session_id = s.id AND e.status = 'ENROLLED'),
			       (SELECT count(*) FROM training_enrolment e WHERE e.session_id = s.id AND e.status = 'WAITING'),
			       (SELECT count(*) FROM training_enrolment e WHERE e.session_id = s.id AND e.checked_in_at IS NOT NULL)
			FROM training_session s JOIN training_course c ON c.id = s.course_id
			""";

	private static SessionView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new SessionView(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
				rs.getString(4), Topic.valueOf(rs.getString(5)), Level.valueOf(rs.getString(6)), rs.getBigDecimal(7),
				local(rs.getTimestamp(8)), local(rs.getTimestamp(9)), rs.getString(10), rs.getInt(11), rs.getString(12),
				rs.getInt(13), rs.getInt(14), rs.getInt(15));
	}

	static LocalDateTime local(Timestamp timestamp) {
		return LocalDateTime.ofInstant(timestamp.toInstant(), TrainingScope.CHINA);
	}

}

package org.farmgate.training;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolment, the waiting list, attendance and scores. Every change to a session's places
 * first locks the session's row, so that two people taking the last place at once end up
 * one enrolled and one waiting, and a freed place goes to the first in the queue. A
 * person enrols once per session; attendance counts once; a pass (60 or more) issues one
 * certificate.
 */
@Service
@Transactional
public class EnrolmentManagement {

	/** The lowest score that earns a certificate. */
	public static final BigDecimal PASS_MARK = BigDecimal.valueOf(60);

	/**
	 * Check-in opens this long before a session starts and closes this long after it
	 * ends.
	 */
	static final java.time.Duration CHECK_IN_MARGIN = java.time.Duration.ofHours(1);

	private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(EnrolmentManagement.class);

	private final JdbcClient jdbc;

	private final TrainingScope scope;

	private final Notifier notifier;

	private final ApplicationEventPublisher events;

	EnrolmentManagement(JdbcClient jdbc, TrainingScope scope, Notifier notifier, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.notifier = notifier;
		this.events = events;
	}

	/**
	 * The operations centre enrols a person (by name and phone) in a session: a place if
	 * there is one, else the waiting list.
	 * @throws TrainingException when the phone is wrong, the session is over or the
	 * person is enrolled already
	 */
	public EnrolmentView enrolByOperator(SignedInUser user, UUID sessionId, String name, String phone) {
		this.scope.requireManager(user);
		Session session = locked(sessionId).filter(found -> found.countyCode().equals(user.scope().countyCode()))
			.orElseThrow(TrainingException::notFound);
		UUID trainee = trainee(session.countyCode(), PhoneNumbers.normalize(phone), name);
		return enrol(session, trainee, "OPERATOR");
	}

	/**
	 * A person whose phone was just proved enrols in a session.
	 * @throws TrainingException when the session is over or the person is enrolled
	 * already
	 */
	EnrolmentView enrolSelf(UUID sessionId, UUID traineeId) {
		Session session = locked(sessionId).orElseThrow(TrainingException::notFound);
		return enrol(session, traineeId, "SELF");
	}

	private EnrolmentView enrol(Session session, UUID traineeId, String by) {
		if (session.ended(this.scope.now())) {
			throw TrainingException.because("training.error.session-over");
		}
		Optional<EnrolmentStatus> existing = this.jdbc
			.sql("SELECT status FROM training_enrolment WHERE session_id = ? AND trainee_id = ?")
			.params(session.id(), traineeId)
			.query((rs, row) -> EnrolmentStatus.valueOf(rs.getString(1)))
			.optional();
		if (existing.isPresent() && existing.get().active()) {
			throw TrainingException.because((existing.get() == EnrolmentStatus.ENROLLED)
					? "training.error.enrolled-already" : "training.error.waiting-already");
		}
		EnrolmentStatus status = EnrolmentStatus.onArrival(session.capacity(), enrolledCount(session.id()));
		Timestamp now = Timestamp.from(this.scope.now());
		if (existing.isPresent()) {
			// came back after cancelling: at the end of the queue again
			this.jdbc.sql("""
					UPDATE training_enrolment SET status = ?, queued_at = ?, enrolled_by = ?, promoted_at = NULL,
					       cancelled_at = NULL
					WHERE session_id = ? AND trainee_id = ?""")
				.params(status.name(), now, by, session.id(), traineeId)
				.update();
		}
		else {
			this.jdbc
				.sql("""
						INSERT INTO training_enrolment (id, session_id, trainee_id, county_code, status, queued_at, enrolled_by)
						VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), session.id(), traineeId, session.countyCode(), status.name(), now, by)
				.update();
		}
		return enrolmentOf(session.id(), traineeId).orElseThrow();
	}

	/**
	 * The operations centre cancels an enrolment; the first waiting person takes the
	 * place.
	 */
	public EnrolmentView cancelByOperator(SignedInUser user, UUID enrolmentId) {
		this.scope.requireManager(user);
		EnrolmentView enrolment = enrolment(enrolmentId)
			.filter(found -> countyOfSession(found.sessionId()).equals(user.scope().countyCode()))
			.orElseThrow(TrainingException::notFound);
		return cancel(enrolment);
	}

	/** A trainee cancels its own enrolment. */
	EnrolmentView cancelByTrainee(UUID traineeId, UUID enrolmentId) {
		EnrolmentView enrolment = enrolment(enrolmentId).filter(found -> found.traineeId().equals(traineeId))
			.orElseThrow(TrainingException::notFound);
		return cancel(enrolment);
	}

	private EnrolmentView cancel(EnrolmentView enrolment) {
		Session session = locked(enrolment.sessionId()).orElseThrow(TrainingException::notFound);
		EnrolmentView current = enrolment(enrolment.id()).orElseThrow();
		if (!current.status().canMoveTo(EnrolmentStatus.CANCELLED)) {
			throw TrainingException.because("training.error.cancelled-already");
		}
		if (current.attended()) {
			throw TrainingException.because("training.error.attended-already");
		}
		if (session.ended(this.scope.now())) {
			throw TrainingException.because("training.error.session-over");
		}
		int cancelled = this.jdbc.sql("""
				UPDATE training_enrolment SET status = 'CANCELLED', cancelled_at = ?
				WHERE id = ? AND status <> 'CANCELLED' AND checked_in_at IS NULL""")
			.params(Timestamp.from(this.scope.now()), current.id())
			.update();
		if (cancelled == 0) {
			// checked in meanwhile
			throw TrainingException.because("training.error.attended-already");
		}
		if (!session.begunBy(this.scope.now())) {
			// a place freed once the session has begun goes to nobody: too late to come
			fillPlaces(session.id(), session.capacity());
		}
		return enrolment(current.id()).orElseThrow();
	}

	/**
	 * Gives free places to the waiting list, first come first served, and tells each
	 * promoted person. The caller holds the session's lock.
	 */
	void fillPlaces(UUID sessionId, int capacity) {
		int free = capacity - enrolledCount(sessionId);
		if (free <= 0) {
			return;
		}
		List<Promoted> promoted = this.jdbc.sql("""
				UPDATE training_enrolment SET status = 'ENROLLED', promoted_at = ?
				WHERE id IN (SELECT id FROM training_enrolment WHERE session_id = ? AND status = 'WAITING'
				             ORDER BY queued_at, id LIMIT ?)
				RETURNING trainee_id""")
			.params(Timestamp.from(this.scope.now()), sessionId, free)
			.query((rs, row) -> new Promoted(rs.getObject(1, UUID.class)))
			.list();
		if (promoted.isEmpty()) {
			return;
		}
		Session session = session(sessionId).orElseThrow();
		List<String> phones = new java.util.ArrayList<>();
		for (Promoted person : promoted) {
			this.jdbc.sql("SELECT phone FROM training_trainee WHERE id = ?")
				.param(person.traineeId())
				.query(String.class)
				.optional()
				.ifPresent(phones::add);
		}
		String text = "【农门培训】候补转正：您已报上「" + session.courseTitle() + "」" + session.startsAt().toString().replace('T', ' ')
				+ "，地点：" + session.place() + "。";
		// told once the places are committed, and outside the session's lock: a slow or
		// missing SMS gateway never holds up or undoes an enrolment
		afterCommit(() -> phones.forEach(phone -> {
			try {
				this.notifier.send(phone, text);
			}
			catch (RuntimeException ex) {
				logger.warn("A waiting-list promotion could not be sent ({})", ex.getClass().getSimpleName());
			}
		}));
	}

	private record Promoted(UUID traineeId) {
	}

	private static void afterCommit(Runnable action) {
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCommit() {
						action.run();
					}
				});
		}
		else {
			action.run();
		}
	}

	/**
	 * A trainee checks in by the session's QR code: only on the session's day (an hour
	 * either side of it), only with a place, and only once.
	 * @throws TrainingException saying why not
	 */
	EnrolmentView checkIn(UUID sessionId, String token, UUID traineeId) {
		Session session = checkInPossible(sessionId, token);
		EnrolmentView enrolment = enrolmentOf(sessionId, traineeId)
			.orElseThrow(() -> TrainingException.because("training.error.not-enrolled"));
		return attend(session, enrolment, CheckInMethod.QR);
	}

	/**
	 * Whether the QR code's code is the session's, shown within the last minutes, and it
	 * is the session's time: checked before anything else (a text message) is done.
	 * @throws TrainingException saying why not
	 */
	Session checkInPossible(UUID sessionId, String token) {
		Session session = session(sessionId).orElseThrow(TrainingException::notFound);
		String secret = this.jdbc.sql("SELECT check_in_token FROM training_session WHERE id = ?")
			.param(sessionId)
			.query(String.class)
			.single();
		if (!CheckInCodes.accepts(secret, token, this.scope.now())) {
			throw TrainingException.because("training.error.check-in-link");
		}
		checkInWindow(session);
		return session;
	}

	/**
	 * The trainer ticks an attendee on the session's list (on any day: the paper list is
	 * typed in later).
	 */
	public EnrolmentView markAttended(SignedInUser user, UUID enrolmentId) {
		EnrolmentView enrolment = enrolment(enrolmentId).orElseThrow(TrainingException::notFound);
		Session session = teachable(user, enrolment.sessionId());
		if (!session.begunBy(this.scope.now())) {
			throw TrainingException.because("training.error.not-begun");
		}
		return attend(session, enrolment, CheckInMethod.TRAINER);
	}

	private EnrolmentView attend(Session session, EnrolmentView enrolment, CheckInMethod method) {
		if (enrolment.status() == EnrolmentStatus.WAITING) {
			throw TrainingException.because("training.error.still-waiting", enrolment.waitingPosition());
		}
		if (enrolment.status() != EnrolmentStatus.ENROLLED) {
			throw TrainingException.because("training.error.not-enrolled");
		}
		if (enrolment.attended()) {
			// scanned twice: counted once
			throw TrainingException.because("training.error.checked-in-already",
					LocalDateTime.ofInstant(enrolment.checkedInAt(), TrainingScope.CHINA).toLocalTime().withNano(0));
		}
		int changed = this.jdbc.sql("""
				UPDATE training_enrolment SET checked_in_at = ?, check_in = ?
				WHERE id = ? AND checked_in_at IS NULL AND status = 'ENROLLED'""")
			.params(Timestamp.from(this.scope.now()), method.name(), enrolment.id())
			.update();
		if (changed == 0) {
			// scanned twice at once: the other scan counted
			EnrolmentView now = enrolment(enrolment.id()).orElseThrow();
			if (!now.attended()) {
				throw TrainingException.because("training.error.not-enrolled");
			}
			throw TrainingException.because("training.error.checked-in-already",
					LocalDateTime.ofInstant(now.checkedInAt(), TrainingScope.CHINA).toLocalTime().withNano(0));
		}
		this.events.publishEvent(new SessionAttended(enrolment.id(), session.id(), enrolment.traineeId(),
				session.countyCode(), session.topic(), session.startsAt().toLocalDate(), method.name()));
		return enrolment(enrolment.id()).orElseThrow();
	}

	/**
	 * The trainer records an attendee's score (0–100); a pass issues the certificate,
	 * after which the score stands.
	 * @throws TrainingException when the person did not attend, the score is out of
	 * range, or the certificate is issued already
	 */
	public EnrolmentView score(SignedInUser user, UUID enrolmentId, BigDecimal score) {
		// two submissions at once (a double tap): the second waits and finds the
		// certificate
		this.jdbc.sql("SELECT id FROM training_enrolment WHERE id = ? FOR UPDATE")
			.param(enrolmentId)
			.query(UUID.class)
			.list();
		EnrolmentView enrolment = enrolment(enrolmentId).orElseThrow(TrainingException::notFound);
		Session session = teachable(user, enrolment.sessionId());
		if (!enrolment.attended()) {
			throw TrainingException.because("training.error.score-without-attendance");
		}
		if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0 || score.scale() > 1) {
			throw TrainingException.because("training.error.score");
		}
		if (enrolment.certificateCode() != null) {
			throw TrainingException.because("training.error.certified-already", enrolment.certificateCode());
		}
		this.jdbc.sql("UPDATE training_enrolment SET score = ? WHERE id = ?").params(score, enrolmentId).update();
		if (score.compareTo(PASS_MARK) >= 0) {
			String code = certificateCode();
			this.jdbc
				.sql("""
						INSERT INTO training_certificate (code, enrolment_id, trainee_id, county_code, course_title, hours, score,
						                                  session_date, issued_at, issued_by)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(code, enrolmentId, enrolment.traineeId(), session.countyCode(), session.courseTitle(),
						session.hours(), score, java.sql.Date.valueOf(session.startsAt().toLocalDate()),
						Timestamp.from(this.scope.now()), user.getUsername())
				.update();
			this.events
				.publishEvent(new CertificateIssued(code, enrolment.traineeId(), session.id(), session.countyCode()));
		}
		return enrolment(enrolmentId).orElseThrow();
	}

	/**
	 * A session's enrolments: enrolled first, then the queue in order, then cancelled.
	 */
	@Transactional(readOnly = true)
	public List<EnrolmentView> roster(SignedInUser user, UUID sessionId) {
		this.scope.requireReader(user);
		if (session(sessionId).filter(found -> found.countyCode().equals(user.scope().countyCode())).isEmpty()) {
			throw TrainingException.notFound();
		}
		return this.jdbc.sql(SELECT + " WHERE e.session_id = ? " + ORDER)
			.param(sessionId)
			.query(EnrolmentManagement::view)
			.list();
	}

	/** A trainee's own enrolments, newest session first. */
	@Transactional(readOnly = true)
	List<EnrolmentView> ofTrainee(UUID traineeId) {
		return this.jdbc
			.sql(SELECT + " JOIN training_session s ON s.id = e.session_id WHERE e.trainee_id = ?"
					+ " ORDER BY s.starts_at DESC, e.id")
			.param(traineeId)
			.query(EnrolmentManagement::view)
			.list();
	}

	/**
	 * The trainee of this phone in the county; made (with the name given) the first time.
	 */
	UUID trainee(String countyCode, String phone, String name) {
		Optional<UUID> known = this.jdbc.sql("SELECT id FROM training_trainee WHERE county_code = ? AND phone = ?")
			.params(countyCode, phone)
			.query(UUID.class)
			.optional();
		if (known.isPresent()) {
			return known.get();
		}
		if (name == null || name.isBlank() || name.strip().length() > 50) {
			throw TrainingException.because("training.error.name");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO training_trainee (id, county_code, name, phone, created_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (county_code, phone) DO NOTHING""")
			.params(id, countyCode, name.strip(), phone, Timestamp.from(this.scope.now()))
			.update();
		return this.jdbc.sql("SELECT id FROM training_trainee WHERE county_code = ? AND phone = ?")
			.params(countyCode, phone)
			.query(UUID.class)
			.single();
	}

	Optional<EnrolmentView> enrolment(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query(EnrolmentManagement::view).optional();
	}

	Optional<EnrolmentView> enrolmentOf(UUID sessionId, UUID traineeId) {
		return this.jdbc.sql(SELECT + " WHERE e.session_id = ? AND e.trainee_id = ?")
			.params(sessionId, traineeId)
			.query(EnrolmentManagement::view)
			.optional();
	}

	private Session teachable(SignedInUser user, UUID sessionId) {
		Session session = session(sessionId).filter(found -> found.countyCode().equals(user.scope().countyCode()))
			.orElseThrow(TrainingException::notFound);
		if (!TrainingScope.manages(user) && !(user.role() == org.farmgate.accounts.Role.TRAINER
				&& user.getUsername().equals(session.trainer()))) {
			throw new org.springframework.security.access.AccessDeniedException("not the trainer of this session");
		}
		return session;
	}

	private void checkInWindow(Session session) {
		Instant now = this.scope.now();
		Instant opens = session.startsAt().atZone(TrainingScope.CHINA).toInstant().minus(CHECK_IN_MARGIN);
		Instant closes = session.endsAt().atZone(TrainingScope.CHINA).toInstant().plus(CHECK_IN_MARGIN);
		if (now.isBefore(opens) || now.isAfter(closes)) {
			throw TrainingException.because("training.error.check-in-other-day",
					session.startsAt().toLocalDate().toString(),
					session.startsAt().toLocalTime().toString() + "–" + session.endsAt().toLocalTime().toString());
		}
	}

	private int enrolledCount(UUID sessionId) {
		return this.jdbc.sql("SELECT count(*) FROM training_enrolment WHERE session_id = ? AND status = 'ENROLLED'")
			.param(sessionId)
			.query(Integer.class)
			.single();
	}

	private String countyOfSession(UUID sessionId) {
		return session(sessionId).map(Session::countyCode).orElse("");
	}

	private Optional<Session> locked(UUID sessionId) {
		Optional<UUID> found = this.jdbc.sql("SELECT id FROM training_session WHERE id = ? FOR UPDATE")
			.param(sessionId)
			.query(UUID.class)
			.optional();
		return found.flatMap(this::session);
	}

	Optional<Session> session(UUID sessionId) {
		return this.jdbc
			.sql("""
					SELECT s.id, s.county_code, s.capacity, s.starts_at, s.ends_at, s.place, s.trainer, c.title, c.topic, c.hours
					FROM training_session s JOIN training_course c ON c.id = s.course_id WHERE s.id = ?""")
			.param(sessionId)
			.query((rs, row) -> new Session(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
					SessionManagement.local(rs.getTimestamp(4)), SessionManagement.local(rs.getTimestamp(5)),
					rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBigDecimal(10)))
			.optional();
	}

	/** What the enrolment rules need of a session. */
	record Session(UUID id, String countyCode, int capacity, LocalDateTime startsAt, LocalDateTime endsAt, String place,
			String trainer, String courseTitle, String topic, BigDecimal hours) {

		boolean ended(Instant now) {
			return this.endsAt.atZone(TrainingScope.CHINA).toInstant().isBefore(now);
		}

		boolean begunBy(Instant now) {
			return !this.startsAt.atZone(TrainingScope.CHINA).toInstant().isAfter(now);
		}

	}

	/**
	 * A certificate's verification code: twelve characters without the ones people
	 * confuse (0/O, 1/I), in three groups: XXXX-XXXX-XXXX.
	 */
	static String certificateCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	private static final String SELECT = """
			SELECT e.id, e.session_id, e.trainee_id, t.name, t.phone, e.status, e.queued_at, e.enrolled_by, e.promoted_at,
			       e.checked_in_at, e.check_in, e.score,
			       (SELECT code FROM training_certificate c WHERE c.enrolment_id = e.id),
			       CASE WHEN e.status = 'WAITING' THEN
			            (SELECT count(*) FROM training_enrolment w WHERE w.session_id = e.session_id AND w.status = 'WAITING'
			               AND (w.queued_at, w.id) <= (e.queued_at, e.id)) END
			FROM training_enrolment e JOIN training_trainee t ON t.id = e.trainee_id
			""";

	private static final String ORDER = """
			ORDER BY CASE e.status WHEN 'ENROLLED' THEN 0 WHEN 'WAITING' THEN 1 ELSE 2 END, e.queued_at, e.id""";

	private static EnrolmentView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp promoted = rs.getTimestamp(9);
		Timestamp checkedIn = rs.getTimestamp(10);
		Number position = (Number) rs.getObject(14);
		return new EnrolmentView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getString(4), org.farmgate.registry.PhoneNumber.masked(rs.getString(5)),
				EnrolmentStatus.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(), rs.getString(8),
				(promoted != null) ? promoted.toInstant() : null, (checkedIn != null) ? checkedIn.toInstant() : null,
				(rs.getString(11) != null) ? CheckInMethod.valueOf(rs.getString(11)) : null, rs.getBigDecimal(12),
				rs.getString(13), (position != null) ? position.intValue() : null);
	}

}

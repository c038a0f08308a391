package org.farmgate.training;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.EntrepreneurManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person does for themselves on a phone, without an account: prove the phone with
 * a code, enrol in a session, cancel, check in by the session's QR code, see their
 * sessions and certificates. And the trainees as the operations centre sees them, linked
 * to the registry's entrepreneurs.
 */
@Service
@Transactional
public class TraineeManagement {

	private final JdbcClient jdbc;

	private final TrainingScope scope;

	private final PhoneVerification verification;

	private final EnrolmentManagement enrolments;

	private final Certificates certificates;

	private final EntrepreneurManagement entrepreneurs;

	private final org.springframework.context.ApplicationEventPublisher events;

	TraineeManagement(JdbcClient jdbc, TrainingScope scope, PhoneVerification verification,
			EnrolmentManagement enrolments, Certificates certificates, EntrepreneurManagement entrepreneurs,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.scope = scope;
		this.verification = verification;
		this.enrolments = enrolments;
		this.certificates = certificates;
		this.entrepreneurs = entrepreneurs;
	}

	/**
	 * Sends a verification code to a phone of the county.
	 * @return the number as it will be known
	 * @throws TrainingException when the number is wrong or too many codes were sent
	 */
	public String sendCode(String countyCode, String phone) {
		return this.verification.send(countyCode, phone, null);
	}

	/**
	 * Sends a verification code to a phone of the county, asked for from a client address
	 * (limited per address as well as per number).
	 * @return the number as it will be known
	 * @throws TrainingException when the number is wrong or too many codes were sent
	 */
	public String sendCode(String countyCode, String phone, String client) {
		return this.verification.send(countyCode, phone, client);
	}

	/**
	 * Checks, before a code is sent, that a self-service enrolment could go through: the
	 * session is the county's and not over, and a new person gives a name.
	 * @throws TrainingException saying why not
	 */
	public void checkEnrolment(UUID sessionId, String phone, String name) {
		EnrolmentManagement.Session session = this.enrolments.session(sessionId)
			.orElseThrow(TrainingException::notFound);
		if (session.ended(this.scope.now())) {
			throw TrainingException.because("training.error.session-over");
		}
		String number = PhoneNumbers.normalize(phone);
		boolean known = this.jdbc.sql("SELECT count(*) FROM training_trainee WHERE county_code = ? AND phone = ?")
			.params(session.countyCode(), number)
			.query(Integer.class)
			.single() > 0;
		if (!known && (name == null || name.isBlank() || name.strip().length() > 50)) {
			throw TrainingException.because("training.error.name");
		}
	}

	/**
	 * Checks, before a code is sent, that a check-in could go through: the link's code is
	 * the session's and it is the session's time.
	 * @throws TrainingException saying why not
	 */
	public void checkCheckIn(UUID sessionId, String token) {
		this.enrolments.checkInPossible(sessionId, token);
	}

	/**
	 * Proves the phone with its code and answers the trainee it belongs to, made with the
	 * name given the first time.
	 * @throws TrainingException when the code is wrong, expired or tried out, or a new
	 * trainee has no name
	 */
	public UUID identify(String countyCode, String phone, String code, String name) {
		this.verification.verify(countyCode, phone, code);
		if ((name == null || name.isBlank())
				&& this.jdbc.sql("SELECT count(*) FROM training_trainee WHERE county_code = ? AND phone = ?")
					.params(countyCode, PhoneNumbers.normalize(phone))
					.query(Integer.class)
					.single() == 0) {
			// coming back with a number nobody enrolled with: said only to whoever holds
			// the phone (after its code), so that nobody learns who trained here
			throw TrainingException.because("training.error.no-trainee");
		}
		return this.enrolments.trainee(countyCode, PhoneNumbers.normalize(phone), name);
	}

	public EnrolmentView enrol(UUID traineeId, UUID sessionId) {
		String county = traineeCounty(traineeId);
		this.enrolments.session(sessionId)
			.filter(session -> session.countyCode().equals(county))
			.orElseThrow(TrainingException::notFound);
		return this.enrolments.enrolSelf(sessionId, traineeId);
	}

	public EnrolmentView cancel(UUID traineeId, UUID enrolmentId) {
		return this.enrolments.cancelByTrainee(traineeId, enrolmentId);
	}

	public EnrolmentView checkIn(UUID traineeId, UUID sessionId, String token) {
		return this.enrolments.checkIn(sessionId, token, traineeId);
	}

	@Transactional(readOnly = true)
	public Optional<TraineeView> trainee(UUID traineeId) {
		return this.jdbc.sql(SELECT + " WHERE id = ?").param(traineeId).query(TraineeManagement::view).optional();
	}

	@Transactional(readOnly = true)
	public List<EnrolmentView> enrolmentsOf(UUID traineeId) {
		return this.enrolments.ofTrainee(traineeId);
	}

	@Transactional(readOnly = true)
	public List<CertificateView> certificatesOf(UUID traineeId) {
		return this.certificates.ofTrainee(traineeId);
	}

	/** A certificate its holder may download. */
	@Transactional(readOnly = true)
	public Optional<CertificateView> certificateOf(UUID traineeId, String code) {
		if (!this.certificates.holds(traineeId, code)) {
			return Optional.empty();
		}
		return this.certificates.byCode(code);
	}

	/** The county's trainees, for the operations centre. */
	@Transactional(readOnly = true)
	public List<TraineeView> trainees(SignedInUser user) {
		this.scope.requireReader(user);
		return this.jdbc.sql(SELECT + " WHERE county_code = ? ORDER BY name, id")
			.param(user.scope().countyCode())
			.query(TraineeManagement::view)
			.list();
	}

	/**
	 * The county's trainees whose name contains what was typed, or whose phone ends with
	 * it (digits), in name order, at most {@code limit}: searched in the database.
	 */
	@Transactional(readOnly = true)
	public List<TraineeView> find(SignedInUser user, String typed, int limit) {
		this.scope.requireReader(user);
		String q = (typed == null) ? "" : typed.strip();
		boolean digits = !q.isEmpty() && q.chars().allMatch(Character::isDigit) && q.length() <= 11;
		String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return this.jdbc.sql(SELECT + " WHERE county_code = :county"
				+ " AND (:q = '' OR name LIKE :like OR (:digits AND phone LIKE :tail)) ORDER BY name, id LIMIT :limit")
			.param("county", user.scope().countyCode())
			.param("q", q)
			.param("like", like)
			.param("digits", digits)
			.param("tail", "%" + q)
			.param("limit", Math.max(1, Math.min(limit, 500)))
			.query(TraineeManagement::view)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<TraineeView> trainee(SignedInUser user, UUID id) {
		this.scope.requireReader(user);
		return trainee(id).filter(trainee -> trainee.countyCode().equals(user.scope().countyCode()));
	}

	/**
	 * Links a trainee to the registry's entrepreneur that he or she became (or unlinks
	 * with null).
	 * @throws TrainingException when the entrepreneur is not the county's
	 */
	public TraineeView link(SignedInUser user, UUID traineeId, UUID entrepreneurId) {
		this.scope.requireManager(user);
		trainee(user, traineeId).orElseThrow(TrainingException::notFound);
		if (entrepreneurId != null && this.entrepreneurs.entrepreneur(user, entrepreneurId).isEmpty()) {
			throw TrainingException.because("training.error.entrepreneur");
		}
		this.jdbc.sql("UPDATE training_trainee SET entrepreneur_id = ? WHERE id = ?")
			.params(entrepreneurId, traineeId)
			.update();
		TraineeView linked = trainee(traineeId).orElseThrow();
		this.events.publishEvent(new TraineeLinked(traineeId, linked.countyCode(), entrepreneurId));
		return linked;
	}

	private String traineeCounty(UUID traineeId) {
		return trainee(traineeId).map(TraineeView::countyCode).orElseThrow(TrainingException::notFound);
	}

	private static final String SELECT = "SELECT id, county_code, name, phone, entrepreneur_id FROM training_trainee";

	private static TraineeView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new TraineeView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
				org.farmgate.registry.PhoneNumber.masked(rs.getString(4)), rs.getObject(5, UUID.class));
	}

}

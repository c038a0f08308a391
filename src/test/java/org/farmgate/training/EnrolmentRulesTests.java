package org.farmgate.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.farmgate.FarmgateTest;
import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.SignedInUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Enrolment, the waiting list, attendance and scores on the real database, through the
 * services: places go first come first served, a freed place goes to the first in the
 * queue (who is told), nobody is enrolled or counted twice, check-in works only on the
 * session's day with its own link, and a pass issues one certificate. Every test has a
 * course and sessions of its own.
 */
@FarmgateTest
@ExtendWith(OutputCaptureExtension.class)
class EnrolmentRulesTests {

	private static final String CERTIFICATE_CODE = "[23456789A-HJ-NP-Z]{4}-[23456789A-HJ-NP-Z]{4}-[23456789A-HJ-NP-Z]{4}";

	@Autowired
	EnrolmentManagement enrolments;

	@Autowired
	SessionManagement sessions;

	@Autowired
	CourseManagement courses;

	@Autowired
	TraineeManagement trainees;

	@Autowired
	TrainingQueries queries;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	private TrainingFixtures fixtures;

	private SignedInUser operator;

	private CourseView course;

	@BeforeEach
	void aCourseOfItsOwn() {
		this.fixtures = new TrainingFixtures(this.courses, this.sessions, this.accounts, this.users);
		this.operator = this.fixtures.operator;
		this.course = this.fixtures.course("报名规则测试课");
	}

	// the waiting list

	@Test
	void threePeopleForTwoPlacesAreTwoEnrolledAndOneWaitingFirstInTheQueue() {
		SessionView session = this.fixtures.sessionTomorrow(this.course, 2);

		EnrolmentView first = enrol(session, "王一", TrainingFixtures.phone());
		EnrolmentView second = enrol(session, "王二", TrainingFixtures.phone());
		EnrolmentView third = enrol(session, "王三", TrainingFixtures.phone());

		assertThat(first.status()).isEqualTo(EnrolmentStatus.ENROLLED);
		assertThat(first.waitingPosition()).isNull();
		assertThat(second.status()).isEqualTo(EnrolmentStatus.ENROLLED);
		assertThat(third.status()).isEqualTo(EnrolmentStatus.WAITING);
		assertThat(third.waitingPosition()).isEqualTo(1);
		SessionView after = session(session);
		assertThat(after.enrolled()).isEqualTo(2);
		assertThat(after.waiting()).isEqualTo(1);
		assertThat(after.full()).isTrue();
	}

	@Test
	void aFourthPersonIsSecondInTheQueue() {
		SessionView session = this.fixtures.sessionTomorrow(this.course, 2);
		enrol(session, "李一", TrainingFixtures.phone());
		enrol(session, "李二", TrainingFixtures.phone());
		EnrolmentView third = enrol(session, "李三", TrainingFixtures.phone());

		EnrolmentView fourth = enrol(session, "李四", TrainingFixtures.phone());

		assertThat(fourth.status()).isEqualTo(EnrolmentStatus.WAITING);
		assertThat(fourth.waitingPosition()).isEqualTo(2);
		assertThat(enrolment(third).waitingPosition()).isEqualTo(1);
	}

	@Test
	void cancellingAnEnrolledPersonPromotesTheFirstWaitingOneAndTellsThemOnly(CapturedOutput output) {
		SessionView session = this.fixtures.sessionTomorrow(this.course, 2);
		EnrolmentView enrolled = enrol(session, "赵一", TrainingFixtures.phone());
		enrol(session, "赵二", TrainingFixtures.phone());
		String firstPhone = TrainingFixtures.phone();
		String secondPhone = TrainingFixtures.phone();
		EnrolmentView firstWaiting = enrol(session, "赵三", firstPhone);
		EnrolmentView secondWaiting = enrol(session, "赵四", secondPhone);
		int before = output.getAll().length();

		EnrolmentView cancelled = this.enrolments.cancelByOperator(this.operator, enrolled.id());

		assertThat(cancelled.status()).isEqualTo(EnrolmentStatus.CANCELLED);
		EnrolmentView promoted = enrolment(firstWaiting);
		assertThat(promoted.status()).isEqualTo(EnrolmentStatus.ENROLLED);
		assertThat(promoted.promotedAt()).isNotNull();
		assertThat(promoted.waitingPosition()).isNull();
		EnrolmentView stillWaiting = enrolment(secondWaiting);
		assertThat(stillWaiting.status()).isEqualTo(EnrolmentStatus.WAITING);
		assertThat(stillWaiting.waitingPosition()).as("now first in the queue").isEqualTo(1);
		assertThat(session(session).enrolled()).isEqualTo(2);

		String logged = output.getAll().substring(before);
		assertThat(logged).contains("Message to " + masked(firstPhone) + ": ").contains("候补转正");
		assertThat(logged).containsPattern("Message to " + masked(firstPhone).replace("*", "\\*") + ": .*候补转正");
		assertThat(logged).as("the second in the queue was not promoted, so not told")
			.doesNotContain(masked(secondPhone));
		assertThat(logged).as("the full number is never logged").doesNotContain(firstPhone);
		assertThat(output.getAll()).doesNotContain(firstPhone).doesNotContain(secondPhone);
	}

	@Test
	void aTraineeCancellingFreesThePlaceForTheFirstWaitingToo() {
		SessionView session = this.fixtures.sessionTomorrow(this.course, 1);
		EnrolmentView enrolled = enrol(session, "钱一", TrainingFixtures.phone());
		EnrolmentView waiting = enrol(session, "钱二", TrainingFixtures.phone());

		this.trainees.cancel(enrolled.traineeId(), enrolled.id());

		assertThat(enrolment(waiting).status()).isEqualTo(EnrolmentStatus.ENROLLED);
	}

	@Test
	void cancellingAWaitingPersonPromotesNobody() {
		SessionView session = this.fixtures.sessionTomorrow(this.course, 1);
		enrol(session, "孙一", TrainingFixtures.phone());
		EnrolmentView firstWaiting = enrol(session, "孙二", TrainingFixtures.phone());
		EnrolmentView secondWaiting = enrol(session, "孙三", TrainingFixtures.phone());

		this.enrolments.cancelByOperator(this.operator, firstWaiting.id());

		assertThat(enrolment(secondWaiting).status()).isEqualTo(EnrolmentStatus.WAITING);
		assertThat(enrolment(secondWaiting).waitingPosition()).isEqualTo(1);
		assertThat(session(session).enrolled()).isEqualTo(1);
		refused(() -> this.enrolments.cancelByOperator(this.operator, firstWaiting.id()),
				"training.error.cancelled-already");
	}

	@Test
	void raisingTheCapacityPromotesAsManyWaitingInOrder() {
		SessionView session = this.fixtures.sessionTomorrow(this.course, 1);
		enrol(session, "周一", TrainingFixtures.phone());
		EnrolmentView second = enrol(session, "周二", TrainingFixtures.phone());
		EnrolmentView third = enrol(session, "周三", TrainingFixtures.phone());
		EnrolmentView fourth = enrol(session, "周四", TrainingFixtures.phone());

		SessionView raised = this.fixtures.withCapacity(session, 3);

		assertThat(raised.capacity()).isEqualTo(3);
		assertThat(raised.enrolled()).isEqualTo(3);
		assertThat(raised.waiting()).isEqualTo(1);
		assertThat(enrolment(second).status()).isEqualTo(EnrolmentStatus.ENROLLED);
		assertThat(enrolment(third).status()).isEqualTo(EnrolmentStatus.ENROLLED);
		assertThat(enrolment(fourth).status()).isEqualTo(EnrolmentStatus.WAITING);
		assertThat(enrolment(fourth).waitingPosition()).isEqualTo(1);
	}

	@Test
	void loweringTheCapacityBelowTheEnrolledIsRefusedAndChangesNothing() {
		SessionView session = this.fixtures.sessionTomorrow(this.course, 3);
		for (int i = 0; i < 3; i++) {
			enrol(session, "吴" + i, TrainingFixtures.phone());
		}

		TrainingException refusal = refused(() -> this.fixtures.withCapacity(session, 2),
				"training.error.capacity-below-enrolled");

		assertThat(refusal.arguments()).containsExactly(3);
		assertThat(session(session).capacity()).isEqualTo(3);
		assertThat(session(session).enrolled()).isEqualTo(3);
		assertThat(this.fixtures.withCapacity(session, 3).capacity()).as("as many as are enrolled is fine")
			.isEqualTo(3);
	}

	// enrolling twice, and coming back

	@Test
	void enrollingTwiceIsRefusedAndMakesNoSecondRow() {
		SessionView session = this.fixtures.sessionTomorrow(this.course, 1);
		String enrolledPhone = TrainingFixtures.phone();
		String waitingPhone = TrainingFixtures.phone();
		EnrolmentView enrolled = enrol(session, "郑一", enrolledPhone);
		EnrolmentView waiting = enrol(session, "郑二", waitingPhone);

		refused(() -> enrol(session, "郑一", enrolledPhone), "training.error.enrolled-already");
		refused(() -> enrol(session, "郑一", "+86 " + enrolledPhone), "training.error.enrolled-already");
		refused(() -> enrol(session, "郑二", waitingPhone), "training.error.waiting-already");
		refused(() -> this.trainees.enrol(waiting.traineeId(), session.id()), "training.error.waiting-already");

		assertThat(rowsOf(session, enrolled.traineeId())).isEqualTo(1);
		assertThat(rowsOf(session, waiting.traineeId())).isEqualTo(1);
		SessionView after = session(session);
		assertThat(after.enrolled()).isEqualTo(1);
		assertThat(after.waiting()).isEqualTo(1);
		assertThat(enrolment(waiting).waitingPosition()).isEqualTo(1);
	}

	@Test
	void cancellingThenEnrollingAgainGoesToTheEndOfTheQueue() {
		SessionView session = this.fixtures.sessionTomorrow(this.course, 1);
		EnrolmentView enrolled = enrol(session, "冯一", TrainingFixtures.phone());
		String phone = TrainingFixtures.phone();
		EnrolmentView comesBack = enrol(session, "冯二", phone);
		EnrolmentView patient = enrol(session, "冯三", TrainingFixtures.phone());
		assertThat(comesBack.waitingPosition()).isEqualTo(1);

		this.enrolments.cancelByOperator(this.operator, comesBack.id());
		EnrolmentView again = enrol(session, "冯二", phone);

		assertThat(again.id()).as("the same row, not a second one").isEqualTo(comesBack.id());
		assertThat(again.status()).isEqualTo(EnrolmentStatus.WAITING);
		assertThat(again.waitingPosition()).isEqualTo(2);
		assertThat(enrolment(patient).waitingPosition()).isEqualTo(1);
		assertThat(rowsOf(session, comesBack.traineeId())).isEqualTo(1);

		this.enrolments.cancelByOperator(this.operator, enrolled.id());

		assertThat(enrolment(patient).status()).as("the one who waited longer gets the place")
			.isEqualTo(EnrolmentStatus.ENROLLED);
		assertThat(enrolment(again).status()).isEqualTo(EnrolmentStatus.WAITING);
		assertThat(enrolment(again).waitingPosition()).isEqualTo(1);
	}

	@Test
	void twoPeopleTakingTheLastPlaceAtOnceEndUpOneEnrolledAndOneWaiting() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 3; round++) {
				SessionView session = this.fixtures.sessionTomorrow(this.course, 2);
				enrol(session, "陈先到", TrainingFixtures.phone());
				CountDownLatch start = new CountDownLatch(1);
				List<Future<EnrolmentView>> results = new ArrayList<>();
				for (String name : List.of("陈甲", "陈乙")) {
					String phone = TrainingFixtures.phone();
					results.add(pool.submit(() -> {
						start.await();
						return this.enrolments.enrolByOperator(this.operator, session.id(), name, phone);
					}));
				}
				start.countDown();
				List<EnrolmentStatus> statuses = new ArrayList<>();
				for (Future<EnrolmentView> result : results) {
					statuses.add(result.get(60, TimeUnit.SECONDS).status());
				}

				assertThat(statuses).as("round " + round)
					.containsExactlyInAnyOrder(EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITING);
				SessionView after = session(session);
				assertThat(after.enrolled()).as("never more enrolled than places").isEqualTo(2);
				assertThat(after.waiting()).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	// attendance

	@Test
	void checkingInByTheQrLinkOnTheSessionsDayWorksOnceAndCountsOnce() {
		SessionView session = this.fixtures.sessionNow(this.course, 5);
		EnrolmentView enrolment = enrol(session, "褚签到", TrainingFixtures.phone());
		String token = this.sessions.checkInToken(this.operator, session.id());
		LocalDate day = session.date();
		int personTimesBefore = this.queries.figures(this.operator, day, day).personTimes();

		EnrolmentView checkedIn = this.trainees.checkIn(enrolment.traineeId(), session.id(), token);

		assertThat(checkedIn.attended()).isTrue();
		assertThat(checkedIn.checkIn()).isEqualTo(CheckInMethod.QR);
		int personTimesAfter = this.queries.figures(this.operator, day, day).personTimes();
		assertThat(personTimesAfter).isEqualTo(personTimesBefore + 1);
		assertThat(session(session).attended()).isEqualTo(1);

		refused(() -> this.trainees.checkIn(enrolment.traineeId(), session.id(), token),
				"training.error.checked-in-already");
		refused(() -> this.enrolments.markAttended(this.fixtures.trainer, enrolment.id()),
				"training.error.checked-in-already");

		assertThat(this.queries.figures(this.operator, day, day).personTimes()).isEqualTo(personTimesAfter);
		assertThat(session(session).attended()).isEqualTo(1);
		assertThat(enrolment(enrolment).checkedInAt()).isEqualTo(checkedIn.checkedInAt());
		assertThat(enrolment(enrolment).checkIn()).isEqualTo(CheckInMethod.QR);
	}

	@Test
	void checkingInToTomorrowsSessionIsRefusedAsAnotherDay() {
		SessionView session = this.fixtures.sessionTomorrow(this.course, 5);
		EnrolmentView enrolment = enrol(session, "卫明天", TrainingFixtures.phone());
		String token = this.sessions.checkInToken(this.operator, session.id());

		TrainingException refusal = refused(() -> this.trainees.checkIn(enrolment.traineeId(), session.id(), token),
				"training.error.check-in-other-day");

		assertThat(refusal.arguments()[0]).isEqualTo(session.date().toString());
		assertThat(enrolment(enrolment).attended()).isFalse();
		assertThat(session(session).attended()).isZero();
	}

	@Test
	void aWrongTokenOrAnotherSessionsTokenIsRefusedAsAWrongLink() {
		SessionView session = this.fixtures.sessionNow(this.course, 5);
		SessionView other = this.fixtures.sessionNow(this.course, 5);
		EnrolmentView enrolment = enrol(session, "蒋错码", TrainingFixtures.phone());
		String token = this.sessions.checkInToken(this.operator, session.id());
		String othersToken = this.sessions.checkInToken(this.operator, other.id());

		refused(() -> this.trainees.checkIn(enrolment.traineeId(), session.id(), "0123456789abcdef0123456789abcdef"),
				"training.error.check-in-link");
		refused(() -> this.trainees.checkIn(enrolment.traineeId(), session.id(), othersToken),
				"training.error.check-in-link");
		refused(() -> this.trainees.checkIn(enrolment.traineeId(), session.id(), token.substring(1)),
				"training.error.check-in-link");
		refused(() -> this.trainees.checkIn(enrolment.traineeId(), session.id(), ""), "training.error.check-in-link");
		refused(() -> this.trainees.checkIn(enrolment.traineeId(), session.id(), null), "training.error.check-in-link");

		assertThat(enrolment(enrolment).attended()).isFalse();
		assertThat(this.trainees.checkIn(enrolment.traineeId(), session.id(), token).attended()).isTrue();
	}

	@Test
	void aWaitingPersonCannotCheckIn() {
		SessionView session = this.fixtures.sessionNow(this.course, 1);
		enrol(session, "沈有位", TrainingFixtures.phone());
		EnrolmentView waiting = enrol(session, "沈候补", TrainingFixtures.phone());
		String token = this.sessions.checkInToken(this.operator, session.id());

		TrainingException refusal = refused(() -> this.trainees.checkIn(waiting.traineeId(), session.id(), token),
				"training.error.still-waiting");

		assertThat(refusal.arguments()).containsExactly(1);
		refused(() -> this.enrolments.markAttended(this.fixtures.trainer, waiting.id()),
				"training.error.still-waiting");
		assertThat(enrolment(waiting).attended()).isFalse();
		assertThat(session(session).attended()).isZero();
	}

	@Test
	void aCancelledPersonCannotCheckIn() {
		SessionView session = this.fixtures.sessionNow(this.course, 2);
		EnrolmentView enrolment = enrol(session, "韩取消", TrainingFixtures.phone());
		this.enrolments.cancelByOperator(this.operator, enrolment.id());
		String token = this.sessions.checkInToken(this.operator, session.id());

		refused(() -> this.trainees.checkIn(enrolment.traineeId(), session.id(), token), "training.error.not-enrolled");
		assertThat(session(session).attended()).isZero();
	}

	@Test
	void theTrainersTickBeforeTheSessionBeganIsRefused() {
		SessionView session = this.fixtures.sessionTomorrow(this.course, 5);
		EnrolmentView enrolment = enrol(session, "杨未到", TrainingFixtures.phone());

		refused(() -> this.enrolments.markAttended(this.fixtures.trainer, enrolment.id()), "training.error.not-begun");

		assertThat(enrolment(enrolment).attended()).isFalse();
	}

	@Test
	void theTrainerTicksAnAttendeeOfASessionThatBegan() {
		SessionView session = this.fixtures.sessionNow(this.course, 5);
		EnrolmentView enrolment = enrol(session, "朱到场", TrainingFixtures.phone());

		EnrolmentView ticked = this.enrolments.markAttended(this.fixtures.trainer, enrolment.id());

		assertThat(ticked.attended()).isTrue();
		assertThat(ticked.checkIn()).isEqualTo(CheckInMethod.TRAINER);
		assertThat(session(session).attended()).isEqualTo(1);
	}

	// scores and certificates

	@Test
	void aScoreWithoutAttendanceIsRefused() {
		SessionView session = this.fixtures.sessionNow(this.course, 5);
		EnrolmentView enrolment = enrol(session, "秦缺席", TrainingFixtures.phone());

		refused(() -> this.enrolments.score(this.fixtures.trainer, enrolment.id(), BigDecimal.valueOf(90)),
				"training.error.score-without-attendance");

		assertThat(enrolment(enrolment).score()).isNull();
		assertThat(certificatesOf(enrolment)).isZero();
	}

	@Test
	void aPassingScoreIssuesExactlyOneCertificateAndThenStands() {
		EnrolmentView enrolment = attended("尤及格");

		EnrolmentView scored = this.enrolments.score(this.fixtures.trainer, enrolment.id(), BigDecimal.valueOf(75));

		assertThat(scored.score()).isEqualByComparingTo("75");
		assertThat(scored.certificateCode()).matches(CERTIFICATE_CODE);
		assertThat(certificatesOf(enrolment)).isEqualTo(1);

		TrainingException refusal = refused(
				() -> this.enrolments.score(this.fixtures.trainer, enrolment.id(), BigDecimal.valueOf(95)),
				"training.error.certified-already");

		assertThat(refusal.arguments()).containsExactly(scored.certificateCode());
		assertThat(certificatesOf(enrolment)).isEqualTo(1);
		assertThat(enrolment(enrolment).score()).isEqualByComparingTo("75");
		assertThat(enrolment(enrolment).certificateCode()).isEqualTo(scored.certificateCode());
	}

	@Test
	void aFailingScoreIssuesNoCertificate() {
		EnrolmentView enrolment = attended("许未过");

		EnrolmentView scored = this.enrolments.score(this.fixtures.trainer, enrolment.id(), BigDecimal.valueOf(50));

		assertThat(scored.score()).isEqualByComparingTo("50");
		assertThat(scored.certificateCode()).isNull();
		assertThat(certificatesOf(enrolment)).isZero();
	}

	@Test
	void theLowestPassIsSixty() {
		EnrolmentView below = attended("何五九");
		EnrolmentView at = attended("吕六十");

		assertThat(this.enrolments.score(this.fixtures.trainer, below.id(), new BigDecimal("59.9")).certificateCode())
			.isNull();
		assertThat(this.enrolments.score(this.fixtures.trainer, at.id(), new BigDecimal("60")).certificateCode())
			.isNotNull();
	}

	@Test
	void aScoreOutOfRangeIsRefused() {
		EnrolmentView enrolment = attended("施超分");

		refused(() -> this.enrolments.score(this.fixtures.trainer, enrolment.id(), BigDecimal.valueOf(101)),
				"training.error.score");
		refused(() -> this.enrolments.score(this.fixtures.trainer, enrolment.id(), BigDecimal.valueOf(-1)),
				"training.error.score");
		refused(() -> this.enrolments.score(this.fixtures.trainer, enrolment.id(), null), "training.error.score");

		assertThat(enrolment(enrolment).score()).isNull();
		assertThat(certificatesOf(enrolment)).isZero();
	}

	@Test
	void aTrainerWhoIsNotTheSessionsTrainerCanNeitherTickNorScore() {
		SessionView session = this.fixtures.sessionNow(this.course, 5);
		EnrolmentView enrolment = enrol(session, "张旁人", TrainingFixtures.phone());
		SignedInUser stranger = this.fixtures.otherTrainer();

		assertThatThrownBy(() -> this.enrolments.markAttended(stranger, enrolment.id()))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(enrolment(enrolment).attended()).isFalse();

		this.enrolments.markAttended(this.fixtures.trainer, enrolment.id());
		assertThatThrownBy(() -> this.enrolments.score(stranger, enrolment.id(), BigDecimal.valueOf(80)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(enrolment(enrolment).score()).isNull();
		assertThat(certificatesOf(enrolment)).isZero();
	}

	// helpers

	private EnrolmentView enrol(SessionView session, String name, String phone) {
		return this.enrolments.enrolByOperator(this.operator, session.id(), name, phone);
	}

	/**
	 * Someone enrolled in a session that began half an hour ago, ticked by its trainer.
	 */
	private EnrolmentView attended(String name) {
		SessionView session = this.fixtures.sessionNow(this.course, 5);
		EnrolmentView enrolment = enrol(session, name, TrainingFixtures.phone());
		return this.enrolments.markAttended(this.fixtures.trainer, enrolment.id());
	}

	private SessionView session(SessionView session) {
		return this.sessions.session(this.operator, session.id()).orElseThrow();
	}

	private EnrolmentView enrolment(EnrolmentView enrolment) {
		return this.enrolments.enrolment(enrolment.id()).orElseThrow();
	}

	private int rowsOf(SessionView session, UUID traineeId) {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM training_enrolment WHERE session_id = ? AND trainee_id = ?", Integer.class,
				session.id(), traineeId);
	}

	private int certificatesOf(EnrolmentView enrolment) {
		return this.jdbc.queryForObject("SELECT count(*) FROM training_certificate WHERE enrolment_id = ?",
				Integer.class, enrolment.id());
	}

	private static String masked(String phone) {
		return phone.substring(0, 3) + "****" + phone.substring(7);
	}

	private static TrainingException refused(ThrowingCallable call, String messageKey) {
		TrainingException refusal = catchThrowableOfType(TrainingException.class, call);
		assertThat(refusal).as("refused with " + messageKey).isNotNull();
		assertThat(refusal.messageKey()).isEqualTo(messageKey);
		return refusal;
	}

}

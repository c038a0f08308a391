package org.farmgate.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.DataScope;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.EntrepreneurManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may do what at the training centre, through the pages and the services: merchants
 * and stations have no part in it; an analyst reads and changes nothing; a trainer reads
 * the county's sessions but keeps the attendance and scores of its own sessions only, and
 * only its own sessions' check-in QR code is shown to it; another county's session is not
 * found; a person on a phone sees and changes only their own enrolments and certificates,
 * and only once the phone is proved; no form is accepted without its CSRF token; and bad
 * input gets a clear message and saves nothing.
 */
@FarmgateTest
@ExtendWith(OutputCaptureExtension.class)
class TrainingAuthorizationTests {

	private static final String PASSWORD = "trainer-pass";

	private static final String COUNTY = "520122";

	private static final String OTHER_COUNTY = "520121";

	private static final String NOT_FOUND = "training.error.not-found";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	CourseManagement courses;

	@Autowired
	SessionManagement sessions;

	@Autowired
	EnrolmentManagement enrolments;

	@Autowired
	TrainingQueries queries;

	@Autowired
	EntrepreneurManagement entrepreneurs;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	private String suffix;

	private SignedInUser operator;

	private SignedInUser analyst;

	private SignedInUser trainer;

	private SignedInUser otherTrainer;

	private CourseView course;

	/** Running now, taught by the demo "trainer". */
	private SessionView sessionOfTrainer;

	/** Running now, taught by the second trainer made for the test. */
	private SessionView sessionOfOtherTrainer;

	private String phoneA;

	private String phoneB;

	private String nameA;

	private String nameB;

	/** Person A's place in the trainer's session. */
	private EnrolmentView enrolmentOfA;

	/** Person B's place in the other trainer's session. */
	private EnrolmentView enrolmentOfB;

	@BeforeEach
	void aCourseWithTwoRunningSessionsOfTwoTrainersAndAPersonEnrolledInEach() {
		this.suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		this.operator = signedIn("operator");
		this.analyst = signedIn("analyst");
		this.trainer = signedIn("trainer");
		assertThat(this.trainer.role()).isEqualTo(Role.TRAINER);
		assertThat(this.trainer.scope().countyCode()).isEqualTo(COUNTY);
		String otherTrainerName = "trainer-b-" + this.suffix;
		this.accounts.createAccount(otherTrainerName, "讲师乙 " + this.suffix, Role.TRAINER, DataScope.county(COUNTY),
				PASSWORD);
		this.otherTrainer = signedIn(otherTrainerName);
		this.course = this.courses.add(this.operator, new CourseInput("授权测试课 " + this.suffix, Topic.LIVE_STREAMING,
				Level.BEGINNER, BigDecimal.valueOf(3), "测试用", List.of("trainer", otherTrainerName)));
		this.sessionOfTrainer = runningNow(this.operator, this.course.id(), "trainer");
		this.sessionOfOtherTrainer = runningNow(this.operator, this.course.id(), otherTrainerName);
		this.phoneA = randomPhone();
		this.phoneB = randomPhone();
		this.nameA = "学员甲" + this.suffix;
		this.nameB = "学员乙" + this.suffix;
		this.enrolmentOfA = this.enrolments.enrolByOperator(this.operator, this.sessionOfTrainer.id(), this.nameA,
				this.phoneA);
		this.enrolmentOfB = this.enrolments.enrolByOperator(this.operator, this.sessionOfOtherTrainer.id(), this.nameB,
				this.phoneB);
		assertThat(this.enrolmentOfA.status()).isEqualTo(EnrolmentStatus.ENROLLED);
		assertThat(this.enrolmentOfB.status()).isEqualTo(EnrolmentStatus.ENROLLED);
	}

	// staff pages: merchants and stations

	@Test
	void merchantsAndStationsAreForbiddenEveryTrainingPageAndEveryStaffFormAndNothingChanges() throws Exception {
		UUID cohort = aCohort();
		Map<String, Object> before = state();
		for (String username : new String[] { "merchant", "station" }) {
			SignedInUser outsider = signedIn(username);
			for (String path : new String[] { "/training", "/training/courses", "/training/sessions",
					"/training/trainees", "/training/cohorts", "/training/courses/new", "/training/sessions/new",
					"/training/courses/" + this.course.id(), "/training/sessions/" + this.sessionOfTrainer.id(),
					"/training/sessions/" + this.sessionOfTrainer.id() + "/qr.png",
					"/training/trainees/" + this.enrolmentOfA.traineeId(), "/training/cohorts/" + cohort }) {
				MockHttpServletResponse response = this.mvc.perform(get(path).with(user(outsider)))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).as(username + " GET " + path).isEqualTo(403);
				assertThat(response.getContentAsString()).as(username + " GET " + path)
					.doesNotContain(this.nameA)
					.doesNotContain(this.course.title());
			}
			for (AbstractMockHttpServletRequestBuilder<?> form : staffForms(cohort, username)) {
				int status = this.mvc.perform(form.with(user(outsider)).with(csrf()))
					.andReturn()
					.getResponse()
					.getStatus();
				assertThat(status).as(username + " " + describe(form)).isEqualTo(403);
			}
			// the services refuse them as well, whatever page calls them
			assertThatThrownBy(() -> this.courses.courses(outsider)).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> this.enrolments.roster(outsider, this.sessionOfTrainer.id()))
				.isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> this.enrolments.markAttended(outsider, this.enrolmentOfA.id()))
				.isInstanceOf(AccessDeniedException.class);
		}
		assertThat(state()).isEqualTo(before);
	}

	// staff pages: the analyst

	@Test
	void anAnalystReadsTheDashboardCalendarRosterAndCohortsButIsForbiddenEveryChange() throws Exception {
		UUID cohort = aCohort();
		for (String path : new String[] { "/training", "/training/sessions", "/training/cohorts", "/training/courses",
				"/training/cohorts/" + cohort }) {
			this.mvc.perform(get(path).with(user(this.analyst))).andExpect(status().isOk());
		}
		String roster = page(get("/training/sessions/" + this.sessionOfTrainer.id()), this.analyst);
		assertThat(roster).contains(this.nameA)
			.doesNotContain("id=\"check-in-link\"")
			.doesNotContain("/attendance\"")
			.doesNotContain("/cancel\"")
			.doesNotContain("id=\"enrol-form\"");

		// attended, so that a score would be taken from someone allowed to give it
		this.enrolments.markAttended(this.operator, this.enrolmentOfA.id());
		Map<String, Object> before = state();
		for (String path : new String[] { "/training/courses/new", "/training/sessions/new",
				"/training/courses/" + this.course.id() + "/edit",
				"/training/sessions/" + this.sessionOfTrainer.id() + "/edit",
				"/training/sessions/" + this.sessionOfTrainer.id() + "/qr.png" }) {
			assertThat(this.mvc.perform(get(path).with(user(this.analyst))).andReturn().getResponse().getStatus())
				.as("analyst GET " + path)
				.isEqualTo(403);
		}
		for (AbstractMockHttpServletRequestBuilder<?> form : staffForms(cohort, "analyst")) {
			int status = this.mvc.perform(form.with(user(this.analyst)).with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as("analyst " + describe(form)).isEqualTo(403);
		}
		assertThatThrownBy(() -> this.courses.add(this.analyst, courseInput("分析员的课 " + this.suffix)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.enrolments.score(this.analyst, this.enrolmentOfA.id(), BigDecimal.valueOf(90)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.queries.formCohort(this.analyst, "分析员的班 " + this.suffix, null))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(state()).isEqualTo(before);
		assertThat(enrolment(this.enrolmentOfA.id()).score()).isNull();
	}

	// staff pages: trainers

	@Test
	void aTrainerSeesTheCalendarAndAnySessionsRosterButKeepsAttendanceAndScoresOfItsOwnSessionOnly() throws Exception {
		this.mvc.perform(get("/training/sessions").with(user(this.trainer))).andExpect(status().isOk());
		String othersRoster = page(get("/training/sessions/" + this.sessionOfOtherTrainer.id()), this.trainer);
		assertThat(othersRoster).contains(this.nameB)
			.doesNotContain("/training/enrolments/" + this.enrolmentOfB.id() + "/attendance")
			.doesNotContain("/training/enrolments/" + this.enrolmentOfB.id() + "/score");

		// another trainer's session: neither the page nor the service takes its
		// attendance
		this.mvc
			.perform(post("/training/enrolments/" + this.enrolmentOfB.id() + "/attendance")
				.param("sessionId", this.sessionOfOtherTrainer.id().toString())
				.with(user(this.trainer))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> this.enrolments.markAttended(this.trainer, this.enrolmentOfB.id()))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(enrolment(this.enrolmentOfB.id()).attended()).isFalse();

		// nor its scores, once the person did attend
		this.enrolments.markAttended(this.otherTrainer, this.enrolmentOfB.id());
		this.mvc
			.perform(post("/training/enrolments/" + this.enrolmentOfB.id() + "/score")
				.param("sessionId", this.sessionOfOtherTrainer.id().toString())
				.param("score", "90")
				.with(user(this.trainer))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> this.enrolments.score(this.trainer, this.enrolmentOfB.id(), BigDecimal.valueOf(90)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(enrolment(this.enrolmentOfB.id()).score()).isNull();
		assertThat(enrolment(this.enrolmentOfB.id()).certificateCode()).isNull();

		// its own session: ticks the list and records the score, which issues the
		// certificate
		String own = "/training/sessions/" + this.sessionOfTrainer.id();
		assertThat(page(get(own), this.trainer))
			.contains("/training/enrolments/" + this.enrolmentOfA.id() + "/attendance");
		this.mvc
			.perform(post("/training/enrolments/" + this.enrolmentOfA.id() + "/attendance")
				.param("sessionId", this.sessionOfTrainer.id().toString())
				.with(user(this.trainer))
				.with(csrf()))
			.andExpect(redirectedUrl(own))
			.andExpect(flash().attribute("notice", "training.attendance-recorded"));
		EnrolmentView attended = enrolment(this.enrolmentOfA.id());
		assertThat(attended.attended()).isTrue();
		assertThat(attended.checkIn()).isEqualTo(CheckInMethod.TRAINER);
		this.mvc
			.perform(post("/training/enrolments/" + this.enrolmentOfA.id() + "/score")
				.param("sessionId", this.sessionOfTrainer.id().toString())
				.param("score", "85")
				.with(user(this.trainer))
				.with(csrf()))
			.andExpect(redirectedUrl(own))
			.andExpect(flash().attribute("notice", "training.certified"));
		EnrolmentView scored = enrolment(this.enrolmentOfA.id());
		assertThat(scored.score()).isEqualByComparingTo("85");
		assertThat(scored.certificateCode()).isNotNull();
	}

	@Test
	void aTrainerIsForbiddenCreatingCoursesAndSessionsThroughThePagesAndTheServices() throws Exception {
		Map<String, Object> before = state();
		for (String path : new String[] { "/training/courses/new", "/training/sessions/new" }) {
			assertThat(this.mvc.perform(get(path).with(user(this.trainer))).andReturn().getResponse().getStatus())
				.as("trainer GET " + path)
				.isEqualTo(403);
		}
		this.mvc.perform(courseForm("讲师的课 " + this.suffix, "3").with(user(this.trainer)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(sessionForm(LocalDate.now(TrainingScope.CHINA).plusDays(7), "09:00", "12:00", "30")
				.with(user(this.trainer))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/training/sessions/" + this.sessionOfTrainer.id())
				.param("courseId", this.course.id().toString())
				.param("date", this.sessionOfTrainer.date().toString())
				.param("startsAt", "09:00")
				.param("endsAt", "12:00")
				.param("place", "讲师改的地点")
				.param("capacity", "500")
				.param("trainer", "trainer")
				.with(user(this.trainer))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> this.courses.add(this.trainer, courseInput("讲师的课 " + this.suffix)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.sessions.schedule(this.trainer,
				new SessionInput(this.course.id(), LocalDateTime.now(TrainingScope.CHINA).plusDays(7),
						LocalDateTime.now(TrainingScope.CHINA).plusDays(7).plusHours(3), "讲师排的课", 30, "trainer")))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(state()).isEqualTo(before);
		assertThat(this.courses.courses(this.operator)).noneMatch(found -> found.title().startsWith("讲师的课"));
	}

	@Test
	void theCheckInQrCodeAndLinkAreShownToTheSessionsTrainerAndTheOperatorsOnly() throws Exception {
		String ownToken = this.sessions.checkInToken(this.operator, this.sessionOfTrainer.id());
		String otherToken = this.sessions.checkInToken(this.operator, this.sessionOfOtherTrainer.id());

		assertQrPng("/training/sessions/" + this.sessionOfTrainer.id() + "/qr.png", this.trainer);
		assertQrPng("/training/sessions/" + this.sessionOfOtherTrainer.id() + "/qr.png", this.otherTrainer);
		assertQrPng("/training/sessions/" + this.sessionOfTrainer.id() + "/qr.png", this.operator);
		assertQrPng("/training/sessions/" + this.sessionOfOtherTrainer.id() + "/qr.png", this.operator);
		this.mvc
			.perform(get("/training/sessions/" + this.sessionOfOtherTrainer.id() + "/qr.png").with(user(this.trainer)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/training/sessions/" + this.sessionOfTrainer.id() + "/qr.png").with(user(this.otherTrainer)))
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> this.sessions.checkInToken(this.trainer, this.sessionOfOtherTrainer.id()))
			.isInstanceOf(AccessDeniedException.class);

		assertThat(page(get("/training/sessions/" + this.sessionOfTrainer.id()), this.trainer))
			.contains("id=\"check-in-link\"")
			.contains(ownToken);
		assertThat(page(get("/training/sessions/" + this.sessionOfOtherTrainer.id()), this.trainer))
			.doesNotContain("id=\"check-in-link\"")
			.doesNotContain("qr.png")
			.doesNotContain(otherToken);
		assertThat(page(get("/training/sessions/" + this.sessionOfOtherTrainer.id()), this.otherTrainer))
			.contains("id=\"check-in-link\"")
			.contains(otherToken);
		assertThat(page(get("/training/sessions/" + this.sessionOfOtherTrainer.id()), this.operator))
			.contains("id=\"check-in-link\"")
			.contains(otherToken);
		assertThat(page(get("/training/sessions/" + this.sessionOfTrainer.id()), this.analyst))
			.doesNotContain("id=\"check-in-link\"")
			.doesNotContain(ownToken);
	}

	// another county

	@Test
	void anOperatorGetsNotFoundForTheSessionAndCourseOfAnotherCounty() throws Exception {
		String username = "kaiyang-trainingop-" + this.suffix;
		this.accounts.createAccount(username, "开阳县运营", Role.OPERATOR, DataScope.county(OTHER_COUNTY), PASSWORD);
		SignedInUser kaiyang = signedIn(username);
		CourseView theirs = this.courses.add(kaiyang, courseInput("开阳县的课 " + this.suffix));
		SessionView theirSession = runningNow(kaiyang, theirs.id(), null);
		EnrolmentView theirEnrolment = this.enrolments.enrolByOperator(kaiyang, theirSession.id(), "开阳学员" + this.suffix,
				randomPhone());
		// their own operator sees it: the 404s below are about the county
		assertThat(page(get("/training/sessions/" + theirSession.id()), kaiyang)).contains(theirs.title());

		for (String path : new String[] { "/training/sessions/" + theirSession.id(),
				"/training/sessions/" + theirSession.id() + "/qr.png",
				"/training/sessions/" + theirSession.id() + "/edit", "/training/courses/" + theirs.id(),
				"/training/trainees/" + theirEnrolment.traineeId() }) {
			MockHttpServletResponse response = this.mvc.perform(get(path).with(user(this.operator)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as("operator GET " + path).isEqualTo(404);
			assertThat(response.getContentAsString()).as(path)
				.doesNotContain(theirs.title())
				.doesNotContain(theirEnrolment.traineeName());
		}
		Map<String, Object> before = state();
		this.mvc
			.perform(post("/training/sessions/" + theirSession.id() + "/enrolments").param("name", "越界报名")
				.param("phone", randomPhone())
				.with(user(this.operator))
				.with(csrf()))
			.andExpect(flash().attribute("problem", NOT_FOUND));
		this.mvc
			.perform(post("/training/enrolments/" + theirEnrolment.id() + "/attendance")
				.param("sessionId", theirSession.id().toString())
				.with(user(this.operator))
				.with(csrf()))
			.andExpect(flash().attribute("problem", NOT_FOUND));
		this.mvc
			.perform(post("/training/enrolments/" + theirEnrolment.id() + "/cancel")
				.param("sessionId", theirSession.id().toString())
				.with(user(this.operator))
				.with(csrf()))
			.andExpect(flash().attribute("problem", NOT_FOUND));
		assertThatThrownBy(() -> this.enrolments.roster(this.operator, theirSession.id()))
			.isInstanceOf(TrainingException.class);
		assertThat(state()).isEqualTo(before);
		assertThat(enrolment(theirEnrolment.id()).status()).isEqualTo(EnrolmentStatus.ENROLLED);
		assertThat(enrolment(theirEnrolment.id()).attended()).isFalse();
	}

	// public pages

	@Test
	void withoutProvingAPhoneMyPageShowsTheSignInFormAndNobodysData() throws Exception {
		String body = this.mvc.perform(get("/training/public/me").session(new MockHttpSession()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("id=\"me-form\"")
			.doesNotContain("id=\"my-enrolments\"")
			.doesNotContain("id=\"my-certificates\"")
			.doesNotContain(this.nameA)
			.doesNotContain(this.nameB);
	}

	@Test
	void cancellingAnEnrolmentOnThePublicPageWithoutAnIdentityChangesNothing() throws Exception {
		Map<String, Object> before = state();
		this.mvc
			.perform(post("/training/public/enrolments/" + this.enrolmentOfA.id() + "/cancel")
				.session(new MockHttpSession())
				.with(csrf()))
			.andExpect(redirectedUrl("/training/public/me"));
		assertThat(enrolment(this.enrolmentOfA.id()).status()).isEqualTo(EnrolmentStatus.ENROLLED);
		assertThat(state()).isEqualTo(before);
	}

	@Test
	void aPersonIdentifiedInOneBrowserCannotCancelAnotherPersonsEnrolmentNorDownloadTheirCertificate(
			CapturedOutput output) throws Exception {
		this.enrolments.markAttended(this.otherTrainer, this.enrolmentOfB.id());
		String codeOfB = this.enrolments.score(this.otherTrainer, this.enrolmentOfB.id(), BigDecimal.valueOf(80))
			.certificateCode();
		assertThat(codeOfB).isNotNull();

		MockHttpSession browserOfA = provePhone(this.phoneA, output);
		String mine = this.mvc.perform(get("/training/public/me").session(browserOfA))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(mine).contains(this.nameA).doesNotContain(this.nameB).doesNotContain(codeOfB);

		// B also holds a place, not yet attended, in the session A is enrolled in
		EnrolmentView placeOfB = this.enrolments.enrolByOperator(this.operator, this.sessionOfTrainer.id(), this.nameB,
				this.phoneB);
		assertThat(placeOfB.status()).isEqualTo(EnrolmentStatus.ENROLLED);
		Map<String, Object> before = state();
		for (UUID enrolmentOfB : new UUID[] { placeOfB.id(), this.enrolmentOfB.id() }) {
			this.mvc
				.perform(post("/training/public/enrolments/" + enrolmentOfB + "/cancel").session(browserOfA)
					.with(csrf()))
				.andExpect(redirectedUrl("/training/public/me"))
				.andExpect(flash().attribute("problem", NOT_FOUND));
			assertThat(enrolment(enrolmentOfB).status()).isEqualTo(EnrolmentStatus.ENROLLED);
		}
		assertThat(state()).isEqualTo(before);

		String pdfOfB = "/training/public/certificates/" + codeOfB + ".pdf";
		this.mvc.perform(get(pdfOfB).session(browserOfA)).andExpect(status().isNotFound());
		this.mvc.perform(get(pdfOfB).session(new MockHttpSession())).andExpect(status().isNotFound());

		// B in B's own browser does get it, and A cancels A's own: the refusals above
		// are about the person
		MockHttpSession browserOfB = provePhone(this.phoneB, output);
		MockHttpServletResponse pdf = this.mvc.perform(get(pdfOfB).session(browserOfB))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.getContentAsByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
			.isEqualTo("%PDF-");
		this.mvc
			.perform(post("/training/public/enrolments/" + this.enrolmentOfA.id() + "/cancel").session(browserOfA)
				.with(csrf()))
			.andExpect(flash().attribute("notice", "training.cancelled"));
		assertThat(enrolment(this.enrolmentOfA.id()).status()).isEqualTo(EnrolmentStatus.CANCELLED);
	}

	@Test
	void everyPublicFormWithoutItsCsrfTokenIsForbiddenAndChangesNothing(CapturedOutput output) throws Exception {
		MockHttpSession browserOfA = provePhone(this.phoneA, output);
		Map<String, Object> before = state();
		UUID session = this.sessionOfOtherTrainer.id();
		String token = this.sessions.checkInToken(this.operator, this.sessionOfTrainer.id());
		for (AbstractMockHttpServletRequestBuilder<?> form : List.of(
				post("/training/public/sessions/" + session + "/enrol").param("name", "无令牌")
					.param("phone", randomPhone()),
				post("/training/public/sessions/" + session + "/enrol"),
				post("/training/public/verify").param("code", "123456"),
				post("/training/public/me").param("phone", randomPhone()).param("countyCode", COUNTY),
				post("/training/public/sign-out"),
				post("/training/public/enrolments/" + this.enrolmentOfA.id() + "/cancel"),
				post("/training/public/check-in/" + this.sessionOfTrainer.id()).param("t", token))) {
			int status = this.mvc.perform(form.session(browserOfA)).andReturn().getResponse().getStatus();
			assertThat(status).as(describe(form)).isEqualTo(403);
		}
		assertThat(state()).isEqualTo(before);
		assertThat(enrolment(this.enrolmentOfA.id()).status()).isEqualTo(EnrolmentStatus.ENROLLED);
		assertThat(enrolment(this.enrolmentOfA.id()).attended()).isFalse();
		// still identified: the sign-out without a token did nothing either
		assertThat(browserOfA.getAttribute("training.trainee")).isEqualTo(this.enrolmentOfA.traineeId());
	}

	// bad input

	@Test
	void aCourseWithNoHoursOrAnEmptyTitleIsRefusedWithAMessageAndNotSaved() throws Exception {
		Map<String, Object> before = state();
		for (String hours : new String[] { "0", "0.0", "-3" }) {
			String title = "零学时 " + this.suffix;
			String body = this.mvc.perform(courseForm(title, hours).with(user(this.operator)).with(csrf()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as("hours " + hours).contains(message("training.error.hours"));
		}
		for (String title : new String[] { "", "   " }) {
			String body = this.mvc.perform(courseForm(title, "3").with(user(this.operator)).with(csrf()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as("title '" + title + "'").contains(message("training.error.title"));
		}
		assertThat(state()).isEqualTo(before);
		assertThat(this.courses.courses(this.operator)).noneMatch(found -> found.title().startsWith("零学时"));
	}

	@Test
	void aSessionEndingBeforeItStartsOrWithZeroOrOverAThousandPlacesIsRefusedWithAMessageAndNotSaved()
			throws Exception {
		LocalDate day = LocalDate.now(TrainingScope.CHINA).plusDays(10);
		Map<String, Object> before = state();
		Map<String, String[]> cases = new LinkedHashMap<>();
		cases.put("training.error.times", new String[] { "12:00", "09:00", "30" });
		cases.put("training.error.capacity", new String[] { "09:00", "12:00", "0" });
		cases.put("training.error.capacity#1001", new String[] { "09:00", "12:00", "1001" });
		for (Map.Entry<String, String[]> bad : cases.entrySet()) {
			String key = bad.getKey().split("#")[0];
			String[] times = bad.getValue();
			String body = this.mvc
				.perform(sessionForm(day, times[0], times[1], times[2]).with(user(this.operator)).with(csrf()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(bad.getKey()).contains(message(key));
		}
		assertThat(state()).isEqualTo(before);
	}

	@Test
	void aMaterialOverFiveMegabytesIsRefusedWithAMessageAndNotStored() throws Exception {
		byte[] large = new byte[5 * 1024 * 1024 + 1];
		String path = "/training/courses/" + this.course.id();
		Map<String, Object> before = state();
		MvcResult result = this.mvc
			.perform(multipart(path + "/materials")
				.file(new MockMultipartFile("file", "讲义.pdf", "application/pdf", large))
				.with(user(this.operator))
				.with(csrf()))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("problem", "training.error.material-too-large"))
			.andReturn();
		assertThat(followed(result, this.operator)).contains(message("training.error.material-too-large"));
		assertThat(state()).isEqualTo(before);
		assertThat(this.courses.course(this.operator, this.course.id()).orElseThrow().materials()).isEmpty();
	}

	@Test
	void enrollingWithAPhoneThatIsNotAMobileNumberSaysSoAndSavesNothing() throws Exception {
		Map<String, Object> before = state();
		String publicSession = "/training/public/sessions/" + this.sessionOfTrainer.id();
		MvcResult result = this.mvc
			.perform(post(publicSession + "/enrol").param("name", "短号码" + this.suffix)
				.param("phone", "12345")
				.session(new MockHttpSession())
				.with(csrf()))
			.andExpect(redirectedUrl(publicSession))
			.andExpect(flash().attribute("problem", "training.error.phone"))
			.andReturn();
		assertThat(followed(result, null)).contains(message("training.error.phone"));

		result = this.mvc
			.perform(post("/training/sessions/" + this.sessionOfTrainer.id() + "/enrolments")
				.param("name", "短号码" + this.suffix)
				.param("phone", "12345")
				.with(user(this.operator))
				.with(csrf()))
			.andExpect(flash().attribute("problem", "training.error.phone"))
			.andReturn();
		assertThat(followed(result, this.operator)).contains(message("training.error.phone"));
		assertThat(state()).isEqualTo(before);
		assertThat(this.enrolments.roster(this.operator, this.sessionOfTrainer.id()))
			.noneMatch(found -> found.traineeName().startsWith("短号码"));
	}

	@Test
	void aScoreOverAHundredOrNotANumberIsRefusedWithAMessageAndNotStored() throws Exception {
		this.enrolments.markAttended(this.operator, this.enrolmentOfA.id());
		String own = "/training/sessions/" + this.sessionOfTrainer.id();
		Map<String, Object> before = state();
		for (String score : new String[] { "101", "abc", "", "-1", "60.25" }) {
			MvcResult result = this.mvc
				.perform(post("/training/enrolments/" + this.enrolmentOfA.id() + "/score")
					.param("sessionId", this.sessionOfTrainer.id().toString())
					.param("score", score)
					.with(user(this.trainer))
					.with(csrf()))
				.andExpect(redirectedUrl(own))
				.andExpect(flash().attribute("problem", "training.error.score"))
				.andReturn();
			assertThat(followed(result, this.trainer)).as("score '" + score + "'")
				.contains(message("training.error.score"));
		}
		assertThat(state()).isEqualTo(before);
		assertThat(enrolment(this.enrolmentOfA.id()).score()).isNull();
		assertThat(enrolment(this.enrolmentOfA.id()).certificateCode()).isNull();
	}

	@Test
	void aForgedCheckInTokenIsRefusedWithAMessageAndChecksNobodyIn(CapturedOutput output) throws Exception {
		MockHttpSession browserOfA = provePhone(this.phoneA, output);
		String checkIn = "/training/public/check-in/" + this.sessionOfTrainer.id();
		String real = this.sessions.checkInToken(this.operator, this.sessionOfTrainer.id());
		String otherSessions = this.sessions.checkInToken(this.operator, this.sessionOfOtherTrainer.id());
		Map<String, Object> before = state();
		for (String forged : new String[] { "0".repeat(20), otherSessions, real.substring(0, 19), "" }) {
			MvcResult result = this.mvc.perform(post(checkIn).param("t", forged).session(browserOfA).with(csrf()))
				.andExpect(redirectedUrl(checkIn + "?t=" + forged))
				.andExpect(flash().attribute("problem", "training.error.check-in-link"))
				.andReturn();
			String page = this.mvc
				.perform(get(checkIn).param("t", forged).session(browserOfA).flashAttrs(result.getFlashMap()))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as("token '" + forged + "'").contains(message("training.error.check-in-link"));
		}
		assertThat(state()).isEqualTo(before);
		assertThat(enrolment(this.enrolmentOfA.id()).attended()).isFalse();

		// the session's own token does check the person in
		this.mvc.perform(post(checkIn).param("t", real).session(browserOfA).with(csrf()))
			.andExpect(flash().attribute("notice", "training.checked-in"));
		assertThat(enrolment(this.enrolmentOfA.id()).checkIn()).isEqualTo(CheckInMethod.QR);
	}

	@Test
	void aScriptInATraineesNameIsShownAsTextOnTheRoster() throws Exception {
		String name = "<script>alert('x')</script>";
		this.mvc
			.perform(post("/training/sessions/" + this.sessionOfTrainer.id() + "/enrolments").param("name", name)
				.param("phone", randomPhone())
				.with(user(this.operator))
				.with(csrf()))
			.andExpect(flash().attribute("notice", "training.enrolled-operator"));
		assertThat(this.enrolments.roster(this.operator, this.sessionOfTrainer.id()))
			.anyMatch(found -> found.traineeName().equals(name));
		for (SignedInUser reader : new SignedInUser[] { this.operator, this.trainer, this.analyst }) {
			String roster = page(get("/training/sessions/" + this.sessionOfTrainer.id()), reader);
			assertThat(roster).as(reader.getUsername()).doesNotContain("<script>").contains("&lt;script&gt;");
		}
		assertThat(page(get("/training/trainees").param("q", "<script>"), this.operator)).doesNotContain("<script>")
			.contains("&lt;script&gt;alert(");
	}

	// helpers

	private SignedInUser signedIn(String username) {
		return (SignedInUser) this.users.loadUserByUsername(username);
	}

	private SessionView runningNow(SignedInUser by, UUID courseId, String trainerName) {
		LocalDateTime now = LocalDateTime.now(TrainingScope.CHINA).truncatedTo(ChronoUnit.MINUTES);
		return this.sessions.schedule(by, new SessionInput(courseId, now.minusHours(1), now.plusHours(2),
				"运营中心 201 " + this.suffix, 30, trainerName));
	}

	private CourseInput courseInput(String title) {
		return new CourseInput(title, Topic.BRANDING, Level.BEGINNER, BigDecimal.valueOf(3), null, List.of());
	}

	private UUID aCohort() {
		return this.queries.formCohort(this.operator, "授权测试班 " + this.suffix, null);
	}

	/** Every form of the staff pages, each of which would change something if allowed. */
	private List<AbstractMockHttpServletRequestBuilder<?>> staffForms(UUID cohort, String who) {
		String sessionId = this.sessionOfTrainer.id().toString();
		UUID entrepreneur = this.entrepreneurs.entrepreneurs(this.operator).get(0).id();
		return List.of(courseForm(who + " 的课 " + this.suffix, "3"),
				post("/training/courses/" + this.course.id()).param("title", who + " 改的课")
					.param("topic", "BRANDING")
					.param("level", "BEGINNER")
					.param("hours", "6"),
				multipart("/training/courses/" + this.course.id() + "/materials")
					.file(new MockMultipartFile("file", "notes.txt", "text/plain", "讲义".getBytes())),
				sessionForm(LocalDate.now(TrainingScope.CHINA).plusDays(7), "09:00", "12:00", "30"),
				post("/training/sessions/" + sessionId).param("courseId", this.course.id().toString())
					.param("date", LocalDate.now(TrainingScope.CHINA).plusDays(7).toString())
					.param("startsAt", "09:00")
					.param("endsAt", "12:00")
					.param("place", who + " 改的地点")
					.param("capacity", "500"),
				post("/training/sessions/" + sessionId + "/enrolments").param("name", who + "报的人")
					.param("phone", randomPhone()),
				post("/training/enrolments/" + this.enrolmentOfA.id() + "/cancel").param("sessionId", sessionId),
				post("/training/enrolments/" + this.enrolmentOfA.id() + "/attendance").param("sessionId", sessionId),
				post("/training/enrolments/" + this.enrolmentOfA.id() + "/score").param("sessionId", sessionId)
					.param("score", "95"),
				post("/training/trainees/" + this.enrolmentOfA.traineeId() + "/entrepreneur").param("entrepreneurId",
						entrepreneur.toString()),
				post("/training/cohorts").param("name", who + " 的班 " + this.suffix),
				post("/training/cohorts/" + cohort + "/members").param("phone", this.phoneA));
	}

	private AbstractMockHttpServletRequestBuilder<?> courseForm(String title, String hours) {
		return post("/training/courses").param("title", title)
			.param("topic", "LIVE_STREAMING")
			.param("level", "BEGINNER")
			.param("hours", hours)
			.param("description", "")
			.param("trainers", "trainer");
	}

	private AbstractMockHttpServletRequestBuilder<?> sessionForm(LocalDate day, String startsAt, String endsAt,
			String capacity) {
		return post("/training/sessions").param("courseId", this.course.id().toString())
			.param("date", day.toString())
			.param("startsAt", startsAt)
			.param("endsAt", endsAt)
			.param("place", "县电子商务运营中心 201 教室")
			.param("capacity", capacity)
			.param("trainer", "trainer");
	}

	private void assertQrPng(String path, SignedInUser who) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).with(user(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).as(who.getUsername() + " " + path).isEqualTo("image/png");
		assertThat(response.getContentAsByteArray()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
	}

	private String page(AbstractMockHttpServletRequestBuilder<?> request, SignedInUser who) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request.with(user(who))).andReturn().getResponse();
		assertThat(response.getStatus()).as(who.getUsername() + " " + describe(request)).isEqualTo(200);
		return response.getContentAsString();
	}

	/** The page a form redirected to, with the flash message it carries. */
	private String followed(MvcResult result, SignedInUser who) throws Exception {
		String target = result.getResponse().getRedirectedUrl();
		assertThat(target).isNotNull();
		var request = get(target).flashAttrs(result.getFlashMap());
		if (who != null) {
			request.with(user(who));
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/**
	 * A browser in which the person proved the phone through the real pages: the number
	 * typed on "my page", the code read from the log the default notifier writes.
	 */
	private MockHttpSession provePhone(String phone, CapturedOutput output) throws Exception {
		MockHttpSession browser = new MockHttpSession();
		this.mvc
			.perform(post("/training/public/me").param("phone", phone)
				.param("countyCode", COUNTY)
				.session(browser)
				.with(csrf()))
			.andExpect(redirectedUrl("/training/public/verify"));
		Matcher codes = Pattern
			.compile("Message to " + Pattern.quote(org.farmgate.registry.PhoneNumber.masked(phone))
					+ ":[^0-9]*([0-9]{6})")
			.matcher(output.getAll());
		String code = null;
		while (codes.find()) {
			code = codes.group(1);
		}
		assertThat(code).as("the code sent to " + phone + " in the log").isNotNull();
		this.mvc.perform(post("/training/public/verify").param("code", code).session(browser).with(csrf()))
			.andExpect(redirectedUrl("/training/public/me"));
		assertThat(browser.getAttribute("training.trainee")).isNotNull();
		return browser;
	}

	private EnrolmentView enrolment(UUID id) {
		return this.enrolments.enrolment(id).orElseThrow();
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
	}

	/** What a refused request must leave as it was. */
	private Map<String, Object> state() {
		Map<String, Object> state = new LinkedHashMap<>();
		for (String sql : new String[] { "SELECT count(*) FROM training_course",
				"SELECT coalesce(sum(version), 0) FROM training_course", "SELECT count(*) FROM training_material",
				"SELECT count(*) FROM training_session", "SELECT coalesce(sum(version), 0) FROM training_session",
				"SELECT coalesce(sum(capacity), 0) FROM training_session", "SELECT count(*) FROM training_trainee",
				"SELECT count(*) FROM training_trainee WHERE entrepreneur_id IS NOT NULL",
				"SELECT count(*) FROM training_enrolment",
				"SELECT count(*) FROM training_enrolment WHERE status = 'CANCELLED'",
				"SELECT count(*) FROM training_enrolment WHERE checked_in_at IS NOT NULL",
				"SELECT count(*) FROM training_enrolment WHERE score IS NOT NULL",
				"SELECT count(*) FROM training_certificate", "SELECT count(*) FROM training_cohort",
				"SELECT count(*) FROM training_cohort_member", "SELECT count(*) FROM training_phone_code" }) {
			state.put(sql, this.jdbc.sql(sql).query(Long.class).single());
		}
		return state;
	}

	private static String randomPhone() {
		return "13" + (5 + ThreadLocalRandom.current().nextInt(5))
				+ String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	private static String describe(AbstractMockHttpServletRequestBuilder<?> request) {
		MockHttpServletRequest built = request.buildRequest(new MockServletContext());
		return built.getMethod() + " " + built.getRequestURI()
				+ ((built.getQueryString() != null) ? "?" + built.getQueryString() : "");
	}

}

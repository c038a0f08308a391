package org.farmgate.training.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.EntrepreneurManagement;
import org.farmgate.registry.EntrepreneurView;
import org.farmgate.training.CourseManagement;
import org.farmgate.training.CourseView;
import org.farmgate.training.EnrolmentManagement;
import org.farmgate.training.EnrolmentView;
import org.farmgate.training.Level;
import org.farmgate.training.SessionManagement;
import org.farmgate.training.SessionView;
import org.farmgate.training.Topic;
import org.farmgate.training.TraineeManagement;
import org.farmgate.training.TrainingException;
import org.farmgate.training.TrainingQueries;
import org.farmgate.web.QrCodes;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The training centre's pages for its staff and trainers: the figures, the courses with
 * their materials, the calendar of sessions, a session's roster (enrol, cancel, tick
 * attendance, record scores, show the check-in QR code), trainees and cohorts.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'TRAINER', 'ANALYST')")
class TrainingPagesController {

	private final CourseManagement courses;

	private final SessionManagement sessions;

	private final EnrolmentManagement enrolments;

	private final TraineeManagement trainees;

	private final TrainingQueries queries;

	private final EntrepreneurManagement entrepreneurs;

	private final org.farmgate.training.Certificates certificates;

	TrainingPagesController(CourseManagement courses, SessionManagement sessions, EnrolmentManagement enrolments,
			TraineeManagement trainees, TrainingQueries queries, EntrepreneurManagement entrepreneurs,
			org.farmgate.training.Certificates certificates) {
		this.certificates = certificates;
		this.courses = courses;
		this.sessions = sessions;
		this.enrolments = enrolments;
		this.trainees = trainees;
		this.queries = queries;
		this.entrepreneurs = entrepreneurs;
	}

	@GetMapping("/training")
	String dashboard(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Integer year,
			Model model) {
		LocalDate today = this.queries.today();
		int shown = (year == null || year < 2000 || year > today.getYear()) ? today.getYear() : year;
		LocalDate from = LocalDate.of(shown, 1, 1);
		LocalDate to = (shown == today.getYear()) ? today : LocalDate.of(shown, 12, 31);
		model.addAttribute("year", shown);
		model.addAttribute("years", List.of(today.getYear(), today.getYear() - 1, today.getYear() - 2));
		model.addAttribute("figures", this.queries.figures(user, from, to));
		model.addAttribute("showConversion", TrainingQueries.seesShops(user));
		model.addAttribute("hours", this.queries.hours(user, from, to));
		List<SessionView> upcoming = new ArrayList<>(this.sessions.month(user, YearMonth.from(today), true));
		upcoming.addAll(this.sessions.month(user, YearMonth.from(today).plusMonths(1), true));
		model.addAttribute("upcoming",
				upcoming.stream().filter(session -> !session.date().isBefore(today)).limit(10).toList());
		return "training/dashboard";
	}

	@GetMapping("/training/courses")
	String courses(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("courses", this.courses.courses(user));
		return "training/courses";
	}

	@GetMapping("/training/courses/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String newCourse(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("form", CourseForm.empty());
		return courseForm(user, null, model);
	}

	@PostMapping("/training/courses")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String addCourse(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") CourseForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return org.farmgate.web.FormSubmission.handle(result, redirect, "training.error.form-format",
				"training.course-saved", () -> "/training/courses/" + this.courses.add(user, form.toInput()).id(),
				() -> courseForm(user, null, model));
	}

	@GetMapping("/training/courses/{id}")
	String course(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		CourseView course = this.courses.course(user, id).orElseThrow(TrainingPublicController.NotFound::new);
		model.addAttribute("course", course);
		model.addAttribute("manages", manages(user));
		return "training/course";
	}

	@GetMapping("/training/courses/{id}/edit")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String editCourse(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		CourseView course = this.courses.course(user, id).orElseThrow(TrainingPublicController.NotFound::new);
		model.addAttribute("form", CourseForm.of(course));
		return courseForm(user, id, model);
	}

	@PostMapping("/training/courses/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String changeCourse(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@ModelAttribute("form") CourseForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		return org.farmgate.web.FormSubmission.handle(result, redirect, "training.error.form-format",
				"training.course-saved", () -> {
					this.courses.change(user, id, form.toInput());
					return "/training/courses/" + id;
				}, () -> courseForm(user, id, model));
	}

	@PostMapping("/training/courses/{id}/materials")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String addMaterial(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new TrainingPageRefusal("training.error.material-empty");
			}
			if (file.getSize() > org.farmgate.uploads.UploadSize.MAX_BYTES) {
				throw new TrainingPageRefusal("training.error.material-too-large");
			}
			this.courses.addMaterial(user, id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
			redirect.addFlashAttribute("notice", "training.material-added");
		}
		catch (TrainingException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		catch (TrainingPageRefusal ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/training/courses/" + id;
	}

	@GetMapping("/training/courses/{id}/materials/{materialId}")
	ResponseEntity<byte[]> material(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@PathVariable UUID materialId) {
		CourseManagement.Material material = this.courses.material(user, id, materialId)
			.orElseThrow(TrainingPublicController.NotFound::new);
		MediaType type;
		try {
			type = MediaType.parseMediaType(material.contentType());
		}
		catch (RuntimeException ex) {
			type = MediaType.APPLICATION_OCTET_STREAM;
		}
		// never shown inline: an uploaded HTML file must not run in the site's origin
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(material.name(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(material.content());
	}

	@GetMapping("/training/sessions")
	String calendar(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String month,
			@RequestParam(defaultValue = "false") boolean mine, Model model) {
		YearMonth shown;
		try {
			shown = (month != null) ? YearMonth.parse(month) : YearMonth.from(this.queries.today());
		}
		catch (java.time.format.DateTimeParseException ex) {
			shown = YearMonth.from(this.queries.today());
		}
		if (shown.getYear() < 2000 || shown.isAfter(YearMonth.from(this.queries.today()).plusYears(2))) {
			shown = YearMonth.from(this.queries.today());
		}
		List<SessionView> sessions = this.sessions.month(user, shown, mine || user.role() == Role.TRAINER);
		Map<LocalDate, List<SessionView>> byDay = sessions.stream()
			.collect(Collectors.groupingBy(SessionView::date, java.util.TreeMap::new, Collectors.toList()));
		List<List<LocalDate>> weeks = new ArrayList<>();
		LocalDate day = shown.atDay(1).with(DayOfWeek.MONDAY);
		while (!day.isAfter(shown.atEndOfMonth())) {
			List<LocalDate> week = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				week.add(day);
				day = day.plusDays(1);
			}
			weeks.add(week);
		}
		model.addAttribute("month", shown);
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.plusMonths(1));
		model.addAttribute("weeks", weeks);
		model.addAttribute("byDay", byDay);
		model.addAttribute("sessions", sessions);
		model.addAttribute("today", this.queries.today());
		return "training/calendar";
	}

	@GetMapping("/training/sessions/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String newSession(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) UUID courseId,
			Model model) {
		model.addAttribute("form", SessionForm.empty(courseId, this.queries.today().plusDays(7)));
		return sessionForm(user, null, model);
	}

	@PostMapping("/training/sessions")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String schedule(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") SessionForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return org.farmgate.web.FormSubmission.handle(result, redirect, "training.error.form-format",
				"training.session-saved",
				() -> "/training/sessions/" + this.sessions.schedule(user, form.toInput()).id(),
				() -> sessionForm(user, null, model));
	}

	@GetMapping("/training/sessions/{id}/edit")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String editSession(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		SessionView session = this.sessions.session(user, id).orElseThrow(TrainingPublicController.NotFound::new);
		model.addAttribute("form", SessionForm.of(session));
		return sessionForm(user, id, model);
	}

	@PostMapping("/training/sessions/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String changeSession(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@ModelAttribute("form") SessionForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		return org.farmgate.web.FormSubmission.handle(result, redirect, "training.error.form-format",
				"training.session-saved", () -> {
					this.sessions.change(user, id, form.toInput());
					return "/training/sessions/" + id;
				}, () -> sessionForm(user, id, model));
	}

	@GetMapping("/training/sessions/{id}")
	String session(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		SessionView session = this.sessions.session(user, id).orElseThrow(TrainingPublicController.NotFound::new);
		List<EnrolmentView> roster = this.enrolments.roster(user, id);
		model.addAttribute("trainingSession", session);
		model.addAttribute("roster", roster);
		model.addAttribute("manages", manages(user));
		boolean teaches = manages(user)
				|| (user.role() == Role.TRAINER && user.getUsername().equals(session.trainer()));
		model.addAttribute("teaches", teaches);
		String code = teaches ? this.sessions.checkInToken(user, id) : null;
		model.addAttribute("checkInCode", code);
		model.addAttribute("checkInUrl", teaches ? checkInUrl(id, code) : null);
		model.addAttribute("passMark", EnrolmentManagement.PASS_MARK);
		return "training/session";
	}

	/** The check-in card of the session's screen, refreshed every half minute (htmx). */
	@GetMapping("/training/sessions/{id}/check-in")
	String checkInCard(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		SessionView session = this.sessions.session(user, id).orElseThrow(TrainingPublicController.NotFound::new);
		String code = this.sessions.checkInToken(user, id);
		model.addAttribute("trainingSession", session);
		model.addAttribute("checkInCode", code);
		model.addAttribute("checkInUrl", checkInUrl(id, code));
		return "training/session :: check-in";
	}

	/** The check-in QR code of this minute, for the session's screen. */
	@GetMapping("/training/sessions/{id}/qr.png")
	ResponseEntity<byte[]> checkInQr(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		this.sessions.session(user, id).orElseThrow(TrainingPublicController.NotFound::new);
		String url = checkInUrl(id, this.sessions.checkInToken(user, id));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.body(QrCodes.png(url, 360));
	}

	@PostMapping("/training/sessions/{id}/enrolments")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String enrol(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam(required = false) String name, @RequestParam(required = false) String phone,
			RedirectAttributes redirect) {
		return act(redirect, id, () -> {
			EnrolmentView enrolment = this.enrolments.enrolByOperator(user, id, name, phone);
			return (enrolment.waitingPosition() != null) ? "training.waiting-operator" : "training.enrolled-operator";
		});
	}

	@PostMapping("/training/enrolments/{id}/cancel")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @RequestParam UUID sessionId,
			RedirectAttributes redirect) {
		return act(redirect, sessionId, () -> {
			this.enrolments.cancelByOperator(user, id);
			return "training.cancelled-operator";
		});
	}

	@PostMapping("/training/enrolments/{id}/attendance")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'TRAINER')")
	String attended(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @RequestParam UUID sessionId,
			RedirectAttributes redirect) {
		return act(redirect, sessionId, () -> {
			this.enrolments.markAttended(user, id);
			return "training.attendance-recorded";
		});
	}

	@PostMapping("/training/enrolments/{id}/score")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'TRAINER')")
	String score(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @RequestParam UUID sessionId,
			@RequestParam(required = false) String score, RedirectAttributes redirect) {
		return act(redirect, sessionId, () -> {
			BigDecimal value;
			try {
				value = new BigDecimal(score.strip());
			}
			catch (RuntimeException ex) {
				throw new TrainingPageRefusal("training.error.score");
			}
			EnrolmentView scored = this.enrolments.score(user, id, value);
			return (scored.certificateCode() != null) ? "training.certified" : "training.scored";
		});
	}

	@GetMapping("/training/trainees")
	String trainees(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String q, Model model) {
		String typed = (q != null) ? q.strip() : "";
		model.addAttribute("q", typed);
		model.addAttribute("trainees", this.trainees.find(user, typed, 200));
		return "training/trainees";
	}

	@GetMapping("/training/trainees/{id}")
	String trainee(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		model.addAttribute("trainee",
				this.trainees.trainee(user, id).orElseThrow(TrainingPublicController.NotFound::new));
		List<EnrolmentView> enrolments = this.trainees.enrolmentsOf(id);
		model.addAttribute("enrolments", enrolments);
		model.addAttribute("certificates", this.trainees.certificatesOf(id));
		model.addAttribute("manages", manages(user));
		// trainers do not read the registry
		List<EntrepreneurView> all = TrainingQueries.seesShops(user) ? this.entrepreneurs.entrepreneurs(user)
				: List.of();
		model.addAttribute("entrepreneurs", manages(user) ? all : List.of());
		model.addAttribute("entrepreneurNames",
				all.stream().collect(Collectors.toMap(EntrepreneurView::id, EntrepreneurView::name)));
		// the trainee is the user's county's: so are the sessions of its enrolments
		model.addAttribute("sessionsById",
				this.sessions.publicSessions(enrolments.stream().map(EnrolmentView::sessionId).toList()));
		return "training/trainee";
	}

	@PostMapping("/training/trainees/{id}/entrepreneur")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String link(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam(required = false) UUID entrepreneurId, RedirectAttributes redirect) {
		try {
			this.trainees.link(user, id, entrepreneurId);
			redirect.addFlashAttribute("notice", "training.linked");
		}
		catch (TrainingException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/training/trainees/" + id;
	}

	/** The centre prints a certificate for a trainee who has no phone at hand. */
	@GetMapping("/training/certificates/{code}.pdf")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'TRAINER')")
	ResponseEntity<byte[]> certificatePdf(@AuthenticationPrincipal SignedInUser user, @PathVariable String code) {
		org.farmgate.training.CertificateView certificate = this.certificates.byCode(code)
			.filter(found -> this.trainees.trainee(user, found.traineeId()).isPresent())
			.orElseThrow(TrainingPublicController.NotFound::new);
		String verify = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/certificates/{code}")
			.buildAndExpand(certificate.code())
			.toUriString();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("certificate-" + certificate.code() + ".pdf")
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(this.certificates.pdf(certificate, verify));
	}

	@GetMapping("/training/cohorts")
	String cohorts(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("cohorts", this.queries.cohorts(user));
		model.addAttribute("manages", manages(user));
		return "training/cohorts";
	}

	@PostMapping("/training/cohorts")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String formCohort(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String name,
			@RequestParam(required = false) String description, RedirectAttributes redirect) {
		try {
			UUID id = this.queries.formCohort(user, name, description);
			redirect.addFlashAttribute("notice", "training.cohort-formed");
			return "redirect:/training/cohorts/" + id;
		}
		catch (TrainingException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
			return "redirect:/training/cohorts";
		}
	}

	@GetMapping("/training/cohorts/{id}")
	String cohort(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		model.addAttribute("cohort", this.queries.cohort(user, id).orElseThrow(TrainingPublicController.NotFound::new));
		model.addAttribute("manages", manages(user));
		return "training/cohort";
	}

	@PostMapping("/training/cohorts/{id}/members")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String addMember(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam(required = false) String phone, RedirectAttributes redirect) {
		try {
			this.queries.addToCohort(user, id, phone);
			redirect.addFlashAttribute("notice", "training.member-added");
		}
		catch (TrainingException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/training/cohorts/" + id;
	}

	private String courseForm(SignedInUser user, UUID id, Model model) {
		model.addAttribute("courseId", id);
		model.addAttribute("topics", Topic.values());
		model.addAttribute("levels", Level.values());
		model.addAttribute("trainerChoices", this.courses.trainers(user));
		return "training/course-form";
	}

	private String sessionForm(SignedInUser user, UUID id, Model model) {
		model.addAttribute("sessionId", id);
		model.addAttribute("courseChoices", this.courses.courses(user));
		model.addAttribute("trainerChoices", this.courses.trainers(user));
		return "training/session-form";
	}

	private String act(RedirectAttributes redirect, UUID sessionId, Supplier<String> action) {
		try {
			redirect.addFlashAttribute("notice", action.get());
		}
		catch (TrainingException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
			if (ex.arguments().length > 0) {
				redirect.addFlashAttribute("problemArguments", ex.arguments());
			}
		}
		catch (TrainingPageRefusal ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/training/sessions/" + sessionId;
	}

	private static boolean manages(SignedInUser user) {
		return user.role() == Role.OPERATOR || user.role() == Role.ADMIN;
	}

	private static String checkInUrl(UUID sessionId, String token) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/training/public/check-in/{id}")
			.queryParam("t", token)
			.buildAndExpand(sessionId)
			.toUriString();
	}

	/**
	 * A page input refused before it reaches the service (an empty file, a score that is
	 * not a number).
	 */
	static final class TrainingPageRefusal extends RuntimeException {

		TrainingPageRefusal(String messageKey) {
			super(messageKey, null, false, false);
		}

	}

}

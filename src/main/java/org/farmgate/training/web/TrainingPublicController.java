package org.farmgate.training.web;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.farmgate.training.CertificateView;
import org.farmgate.training.Certificates;
import org.farmgate.training.EnrolmentView;
import org.farmgate.training.SessionManagement;
import org.farmgate.training.SessionView;
import org.farmgate.training.TraineeManagement;
import org.farmgate.training.TrainingException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The training pages a person uses on a phone without an account: the sessions open for
 * enrolment, enrolling (the phone proved by a code), the QR check-in of a session, their
 * own page (sessions, cancelling, certificates), and the public page that confirms a
 * certificate. Who the person is lives in the browser session once the phone is proved.
 */
@Controller
class TrainingPublicController {

	static final String TRAINEE = "training.trainee";

	static final String PENDING = "training.pending";

	private final SessionManagement sessions;

	private final TraineeManagement trainees;

	private final Certificates certificates;

	private final String publicCounty;

	TrainingPublicController(SessionManagement sessions, TraineeManagement trainees, Certificates certificates,
			@org.springframework.beans.factory.annotation.Value("${farmgate.training.public-county:${farmgate.demo-county.code:520122}}") String publicCounty) {
		this.publicCounty = publicCounty;
		this.sessions = sessions;
		this.trainees = trainees;
		this.certificates = certificates;
	}

	/** What the person asked for before proving the phone, done once it is proved. */
	record Pending(String action, UUID sessionId, String token, String countyCode, String phone,
			String name) implements Serializable {
	}

	@GetMapping("/training/public")
	String upcoming(Model model) {
		model.addAttribute("sessions", this.sessions.upcoming(null, 50));
		return "training/public/sessions";
	}

	@GetMapping("/training/public/sessions/{id}")
	String session(@PathVariable UUID id, HttpSession browser, Model model) {
		SessionView session = this.sessions.publicSession(id).orElseThrow(NotFound::new);
		model.addAttribute("trainingSession", session);
		model.addAttribute("identified", browser.getAttribute(TRAINEE) != null);
		return "training/public/session";
	}

	@PostMapping("/training/public/sessions/{id}/enrol")
	String enrol(@PathVariable UUID id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String phone, HttpSession browser, HttpServletRequest request,
			RedirectAttributes redirect) {
		SessionView session = this.sessions.publicSession(id).orElseThrow(NotFound::new);
		UUID trainee = (UUID) browser.getAttribute(TRAINEE);
		if (trainee != null && (phone == null || phone.isBlank())) {
			return done(() -> this.trainees.enrol(trainee, id), redirect, "/training/public/sessions/" + id);
		}
		try {
			// no text message for an enrolment that could not go through
			this.trainees.checkEnrolment(id, phone, name);
		}
		catch (TrainingException ex) {
			refused(redirect, ex);
			redirect.addFlashAttribute("name", name);
			redirect.addFlashAttribute("phone", phone);
			return "redirect:/training/public/sessions/" + id;
		}
		return askForCode(new Pending("ENROL", id, null, session.countyCode(), phone, name), browser, request, redirect,
				"/training/public/sessions/" + id);
	}

	@GetMapping("/training/public/verify")
	String verifyForm(HttpSession browser, Model model) {
		Pending pending = (Pending) browser.getAttribute(PENDING);
		if (pending == null) {
			return "redirect:/training/public/me";
		}
		model.addAttribute("maskedPhone", org.farmgate.registry.PhoneNumber.masked(pending.phone()));
		model.addAttribute("pending", pending);
		return "training/public/verify";
	}

	@PostMapping("/training/public/verify")
	String verify(@RequestParam(required = false) String code, HttpSession browser, HttpServletRequest request,
			RedirectAttributes redirect) {
		Pending pending = (Pending) browser.getAttribute(PENDING);
		if (pending == null) {
			return "redirect:/training/public/me";
		}
		UUID trainee;
		try {
			trainee = this.trainees.identify(pending.countyCode(), pending.phone(), code, pending.name());
		}
		catch (TrainingException ex) {
			refused(redirect, ex);
			if ("training.error.no-trainee".equals(ex.messageKey())) {
				// nothing to show for this number: the sessions to enrol in
				browser.removeAttribute(PENDING);
				return "redirect:/training/public";
			}
			return "redirect:/training/public/verify";
		}
		// a new identity in this browser: a new session id against fixation
		request.changeSessionId();
		browser.setAttribute(TRAINEE, trainee);
		browser.removeAttribute(PENDING);
		return switch (pending.action()) {
			case "ENROL" -> done(() -> this.trainees.enrol(trainee, pending.sessionId()), redirect,
					"/training/public/sessions/" + pending.sessionId());
			case "CHECK_IN" -> done(() -> this.trainees.checkIn(trainee, pending.sessionId(), pending.token()),
					redirect, "/training/public/me");
			default -> "redirect:/training/public/me";
		};
	}

	@GetMapping("/training/public/me")
	String me(HttpSession browser, Model model) {
		UUID trainee = (UUID) browser.getAttribute(TRAINEE);
		if (trainee == null) {
			model.addAttribute("sessions", this.sessions.upcoming(null, 1));
			return "training/public/sign-in";
		}
		model.addAttribute("trainee", this.trainees.trainee(trainee).orElseThrow(NotFound::new));
		List<EnrolmentView> enrolments = this.trainees.enrolmentsOf(trainee);
		model.addAttribute("enrolments", enrolments);
		model.addAttribute("certificates", this.trainees.certificatesOf(trainee));
		model.addAttribute("sessionsById",
				this.sessions.publicSessions(enrolments.stream().map(EnrolmentView::sessionId).toList()));
		return "training/public/me";
	}

	/**
	 * A person comes back to their page: the phone is proved again, in the county this
	 * installation's public pages serve.
	 */
	@PostMapping("/training/public/me")
	String signIn(@RequestParam(required = false) String phone, HttpSession browser, HttpServletRequest request,
			RedirectAttributes redirect) {
		return askForCode(new Pending("ME", null, null, this.publicCounty, phone, null), browser, request, redirect,
				"/training/public/me");
	}

	@PostMapping("/training/public/sign-out")
	String signOut(HttpSession browser) {
		browser.removeAttribute(TRAINEE);
		browser.removeAttribute(PENDING);
		return "redirect:/training/public";
	}

	@PostMapping("/training/public/enrolments/{id}/cancel")
	String cancel(@PathVariable UUID id, HttpSession browser, RedirectAttributes redirect) {
		UUID trainee = (UUID) browser.getAttribute(TRAINEE);
		if (trainee == null) {
			return "redirect:/training/public/me";
		}
		try {
			this.trainees.cancel(trainee, id);
			redirect.addFlashAttribute("notice", "training.cancelled");
		}
		catch (TrainingException ex) {
			refused(redirect, ex);
		}
		return "redirect:/training/public/me";
	}

	/** The page the session's QR code opens. */
	@GetMapping("/training/public/check-in/{id}")
	String checkInPage(@PathVariable UUID id, @RequestParam(name = "t", required = false) String token,
			HttpSession browser, Model model) {
		SessionView session = this.sessions.publicSession(id).orElseThrow(NotFound::new);
		model.addAttribute("trainingSession", session);
		model.addAttribute("token", token);
		model.addAttribute("identified", browser.getAttribute(TRAINEE) != null);
		return "training/public/check-in";
	}

	@PostMapping("/training/public/check-in/{id}")
	String checkIn(@PathVariable UUID id, @RequestParam(name = "t", required = false) String token,
			@RequestParam(required = false) String phone, HttpSession browser, HttpServletRequest request,
			RedirectAttributes redirect) {
		SessionView session = this.sessions.publicSession(id).orElseThrow(NotFound::new);
		UUID trainee = (UUID) browser.getAttribute(TRAINEE);
		String back = org.springframework.web.util.UriComponentsBuilder.fromPath("/training/public/check-in/{id}")
			.queryParam("t", (token != null) ? token : "")
			.encode()
			.buildAndExpand(id)
			.toUriString();
		if (trainee != null) {
			return done(() -> this.trainees.checkIn(trainee, id, token), redirect, back);
		}
		try {
			// the link's code and the day are checked before a text message is sent
			this.trainees.checkCheckIn(id, token);
		}
		catch (TrainingException ex) {
			refused(redirect, ex);
			return "redirect:" + back;
		}
		return askForCode(new Pending("CHECK_IN", id, token, session.countyCode(), phone, null), browser, request,
				redirect, back);
	}

	@GetMapping("/training/public/certificates/{code}.pdf")
	ResponseEntity<byte[]> certificatePdf(@PathVariable String code, HttpSession browser) {
		UUID trainee = (UUID) browser.getAttribute(TRAINEE);
		CertificateView certificate = (trainee == null) ? null
				: this.trainees.certificateOf(trainee, code).orElse(null);
		if (certificate == null) {
			throw new NotFound();
		}
		byte[] pdf = this.certificates.pdf(certificate, verificationUrl(certificate.code()));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("certificate-" + certificate.code() + ".pdf")
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

	/**
	 * The public page that confirms a certificate, or says plainly that a code is not
	 * ours.
	 */
	@GetMapping({ "/certificates/{code}", "/certificates" })
	String verifyCertificate(@PathVariable(required = false) String code,
			@RequestParam(name = "code", required = false) String typed, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		String asked = (code != null) ? code : typed;
		model.addAttribute("code", asked);
		if (asked == null || asked.isBlank()) {
			return "training/public/certificate";
		}
		CertificateView certificate = this.certificates.byCode(asked).orElse(null);
		model.addAttribute("certificate", certificate);
		if (certificate == null) {
			response.setStatus(404);
		}
		return "training/public/certificate";
	}

	private String askForCode(Pending pending, HttpSession browser, HttpServletRequest request,
			RedirectAttributes redirect, String back) {
		try {
			String phone = this.trainees.sendCode(pending.countyCode(), pending.phone(), request.getRemoteAddr());
			browser.setAttribute(PENDING, new Pending(pending.action(), pending.sessionId(), pending.token(),
					pending.countyCode(), phone, pending.name()));
			return "redirect:/training/public/verify";
		}
		catch (TrainingException ex) {
			refused(redirect, ex);
			redirect.addFlashAttribute("name", pending.name());
			redirect.addFlashAttribute("phone", pending.phone());
			return "redirect:" + back;
		}
	}

	private String done(java.util.function.Supplier<EnrolmentView> action, RedirectAttributes redirect,
			String otherwise) {
		try {
			EnrolmentView enrolment = action.get();
			if (enrolment.attended()) {
				redirect.addFlashAttribute("notice", "training.checked-in");
			}
			else if (enrolment.waitingPosition() != null) {
				redirect.addFlashAttribute("notice", "training.waiting");
				redirect.addFlashAttribute("noticeArguments", new Object[] { enrolment.waitingPosition() });
			}
			else {
				redirect.addFlashAttribute("notice", "training.enrolled");
			}
			return "redirect:/training/public/me";
		}
		catch (TrainingException ex) {
			refused(redirect, ex);
			return "redirect:" + otherwise;
		}
	}

	private static String verificationUrl(String code) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/certificates/{code}")
			.buildAndExpand(code)
			.toUriString();
	}

	private static void refused(RedirectAttributes redirect, TrainingException ex) {
		redirect.addFlashAttribute("problem", ex.messageKey());
		if (ex.arguments().length > 0) {
			redirect.addFlashAttribute("problemArguments", ex.arguments());
		}
	}

	/** A session or certificate that does not exist: the ordinary 404 page. */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class NotFound extends RuntimeException {

		NotFound() {
			super("not found", null, false, false);
		}

	}

}

package org.farmgate.statistics.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.statistics.Labels;
import org.farmgate.statistics.report.ReportManagement;
import org.farmgate.statistics.report.ReportView;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The monthly reports page: the form that asks for a report of a month and an area, the
 * user's reports with their progress (polled by htmx while they run), and the downloads
 * of a done report's PDF and workbook. A report the user may not read is not found.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ANALYST', 'ADMIN', 'MERCHANT')")
class ReportController {

	private final ReportManagement reports;

	private final Labels labels;

	ReportController(ReportManagement reports, Labels labels) {
		this.reports = reports;
		this.labels = labels;
	}

	@GetMapping("/statistics/reports")
	String list(@AuthenticationPrincipal SignedInUser user, Model model) {
		YearMonth last = YearMonth.from(LocalDate.now(Periods.CHINA)).minusMonths(1);
		model.addAttribute("form", ReportForm.of(last, user.scope().countyCode()));
		return page(user, model);
	}

	@PostMapping("/statistics/reports")
	String request(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("form") ReportForm form,
			BindingResult result, Model model, Locale locale, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return page(user, model);
		}
		this.reports.request(user, form.area(), form.yearMonth(), locale);
		redirect.addFlashAttribute("notice", "statistics.report.queued");
		return "redirect:/statistics/reports";
	}

	/** One report's row, polled by htmx until its production ends. */
	@GetMapping("/statistics/reports/{id}/progress")
	String progress(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		ReportView report = this.reports.find(user, id).orElseThrow(NotFound::new);
		model.addAttribute("report", report);
		model.addAttribute("areaNames", areaNames(user));
		return "statistics/reports :: report";
	}

	@GetMapping("/statistics/reports/{id}.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		ReportView report = this.reports.find(user, id).orElseThrow(NotFound::new);
		byte[] pdf = this.reports.pdf(user, id).orElseThrow(NotFound::new);
		return download(pdf, MediaType.APPLICATION_PDF, filename(report, "pdf"));
	}

	@GetMapping("/statistics/reports/{id}.xlsx")
	ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		ReportView report = this.reports.find(user, id).orElseThrow(NotFound::new);
		byte[] xlsx = this.reports.xlsx(user, id).orElseThrow(NotFound::new);
		return download(xlsx,
				MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
				filename(report, "xlsx"));
	}

	private String page(SignedInUser user, Model model) {
		model.addAttribute("reports", this.reports.mine(user));
		model.addAttribute("areaNames", areaNames(user));
		return "statistics/reports";
	}

	/** The areas the user may ask a report of: its county, and for staff its city. */
	private Map<String, String> areaNames(SignedInUser user) {
		String county = user.scope().countyCode();
		Map<String, String> areas = new LinkedHashMap<>();
		areas.put(county, this.labels.division(county));
		if (user.role() != Role.MERCHANT) {
			String city = county.substring(0, 4) + "00";
			areas.put(city, this.labels.division(city));
		}
		return areas;
	}

	private static String filename(ReportView report, String extension) {
		return "statistics-report-" + report.area() + "-" + report.month()
				+ ((report.organisationId() != null) ? "-organisation" : "") + "." + extension;
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	/** A report that does not exist, or that the user may not read. */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class NotFound extends RuntimeException {

		NotFound() {
			super("statistics.report.not-found");
		}

	}

}

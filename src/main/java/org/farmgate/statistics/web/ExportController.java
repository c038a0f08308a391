package org.farmgate.statistics.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.statistics.Filter;
import org.farmgate.statistics.StatisticsManagement;
import org.farmgate.statistics.report.CsvExports;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * CSV exports of the statistics tables, for the area, period and narrowing the user may
 * see (a merchant: its own organisation only). A date or id that does not parse is a 400
 * that says which, never a stack trace.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ANALYST', 'ADMIN', 'MERCHANT')")
class ExportController {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final StatisticsManagement statistics;

	private final CsvExports exports;

	private final MessageSource messages;

	ExportController(StatisticsManagement statistics, CsvExports exports, MessageSource messages) {
		this.statistics = statistics;
		this.exports = exports;
		this.messages = messages;
	}

	@GetMapping("/statistics/export/{table}.csv")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal SignedInUser user, @PathVariable String table,
			@RequestParam(required = false) String area, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String village,
			@RequestParam(required = false) String organisation, @RequestParam(required = false) String shop,
			@RequestParam(required = false) String product, Locale locale) throws IOException {
		if (!CsvExports.TABLES.contains(table)) {
			throw new ReportController.NotFound();
		}
		LocalDate today = LocalDate.now(Periods.CHINA);
		Filter filter;
		try {
			// a month not over yet is exported up to today
			LocalDate typed = date(to, today, "to");
			LocalDate last = typed.isAfter(today) ? today : typed;
			LocalDate first = date(from, last.withDayOfYear(1), "from");
			String problem = Periods.problem(first, last, today);
			if (problem != null) {
				throw new BadParameter(problem.equals("statistics.error.period-order")
						? "statistics.export.error.period" : "statistics.export.error.range", first, last);
			}
			filter = this.statistics.filterFor(user, area, id(village, "village"), id(organisation, "organisation"),
					id(shop, "shop"), id(product, "product"), first, last);
		}
		catch (BadParameter ex) {
			String message = this.messages.getMessage(ex.key, ex.arguments, ex.key, locale);
			return ResponseEntity.badRequest()
				.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
				.body(message.getBytes(StandardCharsets.UTF_8));
		}
		StringWriter out = new StringWriter();
		this.exports.write(table, filter, user, locale, out);
		String filename = "statistics-" + table + "-" + filter.area() + "-" + filter.from() + "-" + filter.to()
				+ ".csv";
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static LocalDate date(String text, LocalDate otherwise, String name) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadParameter("statistics.export.error.date", name, text);
		}
	}

	private static UUID id(String text, String name) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new BadParameter("statistics.export.error.id", name, text);
		}
	}

	/** A parameter that does not parse: the message key and its arguments. */
	private static final class BadParameter extends RuntimeException {

		private final String key;

		private final Object[] arguments;

		BadParameter(String key, Object... arguments) {
			super(key);
			this.key = key;
			this.arguments = arguments;
		}

	}

}

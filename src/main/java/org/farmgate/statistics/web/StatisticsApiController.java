package org.farmgate.statistics.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.statistics.Filter;
import org.farmgate.statistics.StatisticsManagement;
import org.farmgate.statistics.StatisticsQueries;
import org.farmgate.statistics.Summary;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The headline figures as JSON: {@code GET /api/v1/statistics/summary?county=&from=&to=}
 * ({@code county} a county code or its city's; the caller's county when left out; the
 * period defaults to the year to date).
 */
@RestController
@RequestMapping("/api/v1/statistics")
class StatisticsApiController {

	private final StatisticsManagement statistics;

	private final StatisticsQueries queries;

	StatisticsApiController(StatisticsManagement statistics, StatisticsQueries queries) {
		this.statistics = statistics;
		this.queries = queries;
	}

	@GetMapping("/summary")
	Summary summary(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String county,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		LocalDate today = LocalDate.now(Periods.CHINA);
		if (county != null && !county.matches("[0-9]{6}")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"county must be a six-digit division code, e.g. 520122 (a county) or 520100 (its city)");
		}
		LocalDate start = date("from", from, today.withDayOfYear(1));
		LocalDate end = date("to", to, today);
		String problem = Periods.problem(start, end, today);
		if (problem != null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					problem.equals("statistics.error.period-order") ? "from (" + start + ") is after to (" + end + ")"
							: "the period must lie between 2000-01-01 and today (" + today + ")");
		}
		Filter filter = this.statistics.filterFor(user, county, null, null, null, null, start, end);
		return this.queries.summary(filter);
	}

	private static LocalDate date(String name, String value, LocalDate otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					name + " must be a date written YYYY-MM-DD, not '" + value.strip() + "'");
		}
	}

}

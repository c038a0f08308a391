package org.farmgate.statistics.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.farmgate.statistics.Dashboard;
import org.farmgate.statistics.Filter;
import org.farmgate.statistics.Labels;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public open data, no sign-in: a county's aggregate figures and charts for a year
 * (to date for the current one). No personal data, no organisation, shop or product
 * named, and no slice (a platform, a category, a village) sold by fewer organisations
 * than the minimum: those are added up under "others".
 */
@Controller
class OpenDataController {

	private final Dashboard dashboard;

	private final Labels labels;

	private final JdbcClient jdbc;

	private final int minimumOrganisations;

	OpenDataController(Dashboard dashboard, Labels labels, JdbcClient jdbc,
			@Value("${farmgate.statistics.open-data.minimum-organisations:3}") int minimumOrganisations) {
		this.dashboard = dashboard;
		this.labels = labels;
		this.jdbc = jdbc;
		this.minimumOrganisations = minimumOrganisations;
	}

	@GetMapping("/open-data")
	String openData(@RequestParam(required = false) String county, @RequestParam(required = false) Integer year,
			Locale locale, Model model) {
		List<String> counties = this.jdbc.sql("SELECT DISTINCT county_code FROM statistics_shop ORDER BY 1")
			.query(String.class)
			.list();
		LocalDate today = LocalDate.now(Periods.CHINA);
		int shown = (year != null) ? year : today.getYear();
		if (shown < 2000 || shown > today.getYear()) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST);
		}
		String chosen = (county != null) ? county : (counties.isEmpty() ? null : counties.get(0));
		model.addAttribute("counties",
				counties.stream()
					.map(code -> new StatisticsController.Area(code, this.labels.division(code)))
					.toList());
		model.addAttribute("year", shown);
		model.addAttribute("years",
				java.util.stream.IntStream.rangeClosed(today.getYear() - 4, today.getYear())
					.boxed()
					.sorted(java.util.Comparator.reverseOrder())
					.toList());
		model.addAttribute("minimum", this.minimumOrganisations);
		if (chosen == null || !counties.contains(chosen)) {
			if (county != null) {
				throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
			}
			return "statistics/open-data";
		}
		LocalDate from = LocalDate.of(shown, 1, 1);
		LocalDate to = (shown == today.getYear()) ? today : LocalDate.of(shown, 12, 31);
		Filter filter = new Filter(chosen, null, null, null, null, from, to);
		model.addAttribute("county", chosen);
		model.addAttribute("countyName", this.labels.division(chosen));
		model.addAttribute("view", this.dashboard.view(filter, locale, null, this.minimumOrganisations));
		return "statistics/open-data";
	}

}

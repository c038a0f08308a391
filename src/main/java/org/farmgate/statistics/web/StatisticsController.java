package org.farmgate.statistics.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.statistics.Dashboard;
import org.farmgate.statistics.Filter;
import org.farmgate.statistics.Labels;
import org.farmgate.statistics.StatisticsManagement;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The county dashboard: tiles, charts, buyer reach, drill-down from the area to a
 * village, an organisation, a shop and a product, and the Taobao-village assessment.
 * Operators, analysts and administrators see their county or its city; a merchant sees
 * its own organisation.
 */
@Controller
class StatisticsController {

	private final StatisticsManagement statistics;

	private final Dashboard dashboard;

	private final Labels labels;

	StatisticsController(StatisticsManagement statistics, Dashboard dashboard, Labels labels) {
		this.statistics = statistics;
		this.dashboard = dashboard;
		this.labels = labels;
	}

	@GetMapping("/statistics")
	String dashboard(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String area,
			@RequestParam(required = false) String period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) UUID village, @RequestParam(required = false) UUID organisation,
			@RequestParam(required = false) UUID shop, @RequestParam(required = false) UUID product, Locale locale,
			Model model) {
		LocalDate today = LocalDate.now(Periods.CHINA);
		LocalDate[] days = Periods.preset(period, today);
		String chosen = (from != null || to != null) ? "custom" : ((period != null) ? period : "ytd");
		if (from != null || to != null) {
			LocalDate start = (from != null) ? from : days[0];
			LocalDate end = (to != null) ? to : today;
			String problem = Periods.problem(start, end, today);
			if (problem != null) {
				model.addAttribute("problem", problem);
				chosen = "ytd";
				days = Periods.preset("ytd", today);
			}
			else {
				days = new LocalDate[] { start, end };
			}
		}
		Filter filter = this.statistics.filterFor(user, area, village, organisation, shop, product, days[0], days[1]);
		Dashboard.View view = this.dashboard.view(filter, locale, user, 0);
		model.addAttribute("view", view);
		model.addAttribute("filter", filter);
		model.addAttribute("period", chosen);
		model.addAttribute("presets", Periods.PRESETS);
		model.addAttribute("merchant", user.role() == Role.MERCHANT);
		model.addAttribute("admin", user.role() == Role.ADMIN);
		model.addAttribute("areas", areas(user));
		model.addAttribute("areaName", this.labels.division(filter.area()));
		model.addAttribute("trail", trail(filter, view));
		model.addAttribute("links", new Links(filter));
		return "statistics/dashboard";
	}

	@PostMapping("/statistics/rebuild")
	String rebuild(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		boolean started = this.statistics.rebuild(user);
		redirect.addFlashAttribute("notice", started ? "statistics.rebuilt" : "statistics.rebuild.running");
		return "redirect:/statistics";
	}

	/** The areas a user may choose: the county, and its city for county staff. */
	private List<Area> areas(SignedInUser user) {
		String county = user.scope().countyCode();
		List<Area> areas = new ArrayList<>();
		areas.add(new Area(county, this.labels.division(county)));
		if (user.role() != Role.MERCHANT) {
			String city = county.substring(0, 4) + "00";
			areas.add(new Area(city, this.labels.division(city)));
		}
		return areas;
	}

	/** Where the view is narrowed to, broadest first, each a step back up. */
	private static List<Step> trail(Filter filter, Dashboard.View view) {
		List<Step> steps = new ArrayList<>();
		if (filter.village() != null) {
			steps.add(new Step("village", filter.village(), view.names().of(filter.village())));
		}
		if (filter.organisation() != null) {
			steps.add(new Step("organisation", filter.organisation(), view.names().of(filter.organisation())));
		}
		if (filter.shop() != null) {
			String name = view.shops()
				.stream()
				.filter(row -> row.key().equals(filter.shop().toString()))
				.map(Dashboard.Row::name)
				.findFirst()
				.orElse(view.names().of(filter.shop()));
			steps.add(new Step("shop", filter.shop(), name));
		}
		if (filter.product() != null) {
			steps.add(new Step("product", filter.product(), view.names().of(filter.product())));
		}
		return steps;
	}

	record Area(String code, String name) {
	}

	record Step(String kind, UUID id, String name) {
	}

}

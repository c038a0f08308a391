package org.farmgate.income.web;

import java.io.IOException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.geo.VillageView;
import org.farmgate.income.DividendManagement;
import org.farmgate.income.IncomeException;
import org.farmgate.income.IncomeExport;
import org.farmgate.income.IncomeQueries;
import org.farmgate.income.WageManagement;
import org.farmgate.income.Work;
import org.farmgate.registry.HouseholdEntry;
import org.farmgate.registry.HouseholdManagement;
import org.farmgate.registry.OrganisationType;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.RegistryManagement;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The income pages: the county's figures for a year and per village, the disadvantaged
 * households needing attention, the workbook for the poverty-alleviation office, a
 * household's income year by year, and the wages and dividends lists and forms.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT', 'ANALYST')")
class IncomePagesController {

	private final IncomeQueries queries;

	private final IncomeExport export;

	private final WageManagement wages;

	private final DividendManagement dividends;

	private final RegistryManagement registry;

	private final HouseholdManagement households;

	private final CountyGeographyManagement geography;

	private final HouseholdPicker picker;

	IncomePagesController(HouseholdPicker picker, IncomeQueries queries, IncomeExport export, WageManagement wages,
			DividendManagement dividends, RegistryManagement registry, HouseholdManagement households,
			CountyGeographyManagement geography) {
		this.picker = picker;
		this.queries = queries;
		this.export = export;
		this.wages = wages;
		this.dividends = dividends;
		this.registry = registry;
		this.households = households;
		this.geography = geography;
	}

	@GetMapping("/income")
	String overview(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Integer year,
			Model model) {
		if (user.role() == Role.MERCHANT) {
			return "redirect:/income/procurements";
		}
		int shown = year(year);
		model.addAttribute("year", shown);
		model.addAttribute("years",
				List.of(this.queries.currentYear(), this.queries.currentYear() - 1, this.queries.currentYear() - 2));
		IncomeQueries.Summary summary = this.queries.summary(user, shown);
		model.addAttribute("overview", summary.overview());
		model.addAttribute("period", summary.period());
		model.addAttribute("villageNames", villageNames(user));
		model.addAttribute("attention", summary.attention().size());
		model.addAttribute("fullIds", HouseholdManagement.seesFullNationalIds(user));
		return "income/overview";
	}

	/** A village's households with their linked income in the year, largest first. */
	@GetMapping("/income/villages/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'ANALYST')")
	String village(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam(required = false) Integer year, Model model) {
		VillageView village = this.geography.village(user.scope().countyCode(), id)
			.orElseThrow(ProcurementPagesController.NotFound::new);
		int shown = year(year);
		Map<UUID, HouseholdEntry> directory = this.queries.directory(user);
		List<org.farmgate.income.HouseholdIncome> incomes = this.queries.incomes(user, shown)
			.stream()
			.filter(income -> {
				HouseholdEntry household = directory.get(income.householdId());
				return household != null && id.equals(household.villageId());
			})
			.sorted(java.util.Comparator.comparing(org.farmgate.income.HouseholdIncome::total).reversed())
			.toList();
		model.addAttribute("village", village);
		model.addAttribute("year", shown);
		model.addAttribute("incomes", incomes);
		model.addAttribute("directory", directory);
		return "income/village";
	}

	@GetMapping("/income/attention")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'ANALYST')")
	String attention(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Integer year,
			Model model) {
		int shown = year(year);
		model.addAttribute("year", shown);
		model.addAttribute("households", this.queries.needingAttention(user, shown));
		model.addAttribute("villageNames", villageNames(user));
		return "income/attention";
	}

	/** The workbook with ID numbers masked: a plain link. */
	@GetMapping("/income/export.xlsx")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'ANALYST')")
	void export(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Integer year, Locale locale,
			HttpServletResponse response) throws IOException {
		write(user, year, false, locale, response);
	}

	/**
	 * The workbook with full ID numbers: a form post (CSRF-checked, so that no link from
	 * elsewhere can make an operator take personal data away), recorded in the audit log.
	 */
	@PostMapping("/income/export.xlsx")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'ANALYST')")
	void exportWithFullIds(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Integer year,
			Locale locale, HttpServletResponse response) throws IOException {
		write(user, year, true, locale, response);
	}

	private void write(SignedInUser user, Integer year, boolean fullIds, Locale locale, HttpServletResponse response)
			throws IOException {
		int shown = year(year);
		if (fullIds && !HouseholdManagement.seesFullNationalIds(user)) {
			throw new org.springframework.security.access.AccessDeniedException("full ID numbers");
		}
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"farmers-income-" + shown + (fullIds ? "-full-ids" : "") + ".xlsx\"");
		response.setHeader("Cache-Control", "no-store");
		this.export.write(user, shown, fullIds, locale, response.getOutputStream());
	}

	@GetMapping("/income/households/{id}")
	String household(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		HouseholdEntry household = this.queries.directoryEntries(user, List.of(id)).get(id);
		if (household == null) {
			throw new ProcurementPagesController.NotFound();
		}
		model.addAttribute("household", household);
		model.addAttribute("history", this.queries.history(user, id));
		model.addAttribute("villageNames", villageNames(user));
		return "income/household";
	}

	@GetMapping("/income/wages")
	String wageList(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "0") int page, Model model) {
		List<org.farmgate.income.WageView> found = this.wages.wages(user, null, year, page);
		List<org.farmgate.income.WageView> shown = found.stream()
			.limit(org.farmgate.income.ProcurementManagement.PAGE)
			.toList();
		model.addAttribute("wages", shown);
		model.addAttribute("more", found.size() > shown.size());
		model.addAttribute("page", page);
		model.addAttribute("year", year);
		model.addAttribute("households",
				names(user, shown.stream().map(org.farmgate.income.WageView::householdId).toList()));
		return "income/wages";
	}

	@GetMapping("/income/wages/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String newWage(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) UUID householdId, Model model) {
		WageForm empty = WageForm.empty(YearMonth.from(this.queries.currentDate()));
		model.addAttribute("form",
				new WageForm(null, householdId, empty.workerName(), empty.work(), empty.month(), null, null, null));
		this.picker.fill(model, user, q, householdId);
		return wageForm(user, model);
	}

	@PostMapping("/income/wages")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String recordWage(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") WageForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return org.farmgate.web.FormSubmission.handle(result, redirect, "income.error.form-format",
				"income.wage-recorded", () -> {
					this.wages.record(user, form.toInput());
					return "/income/wages";
				}, () -> {
					this.picker.fill(model, user, null, form.householdId());
					return wageForm(user, model);
				});
	}

	@PostMapping("/income/wages/{id}/reversal")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String reverseWage(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			this.wages.reverse(user, id, reason);
			redirect.addFlashAttribute("notice", "income.reversed");
		}
		catch (IncomeException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/income/wages";
	}

	@GetMapping("/income/dividends")
	String dividendList(@AuthenticationPrincipal SignedInUser user, Model model) {
		List<org.farmgate.income.DividendView> distributions = this.dividends.dividends(user);
		model.addAttribute("dividends", distributions);
		model.addAttribute("households",
				names(user,
						distributions.stream()
							.flatMap(dividend -> dividend.shares().stream())
							.map(org.farmgate.income.DividendShare::householdId)
							.toList()));
		model.addAttribute("organisationNames", organisationNames(user));
		return "income/dividends";
	}

	@GetMapping("/income/dividends/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String newDividend(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) UUID organisationId,
			Model model) {
		DividendForm empty = DividendForm.empty(this.queries.currentDate());
		model.addAttribute("form",
				new DividendForm(organisationId, empty.year(), empty.declaredOn(), empty.note(), List.of(), List.of()));
		return dividendForm(user, organisationId, model);
	}

	@PostMapping("/income/dividends")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String distribute(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") DividendForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return org.farmgate.web.FormSubmission.handle(result, redirect, "income.error.form-format",
				"income.dividend-recorded", () -> {
					this.dividends.distribute(user, form.toInput());
					return "/income/dividends";
				}, () -> dividendForm(user, form.organisationId(), model));
	}

	@PostMapping("/income/dividends/{id}/reversal")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String reverseDividend(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			this.dividends.reverse(user, id, reason);
			redirect.addFlashAttribute("notice", "income.reversed");
		}
		catch (IncomeException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/income/dividends";
	}

	private String wageForm(SignedInUser user, Model model) {
		model.addAttribute("organisations",
				(user.role() == Role.MERCHANT) ? List.of() : this.registry.organisations(user));
		model.addAttribute("works", Work.values());
		return "income/wage-form";
	}

	/**
	 * The distribution form lists the chosen cooperative's member households (a
	 * merchant's own organisation's).
	 */
	private String dividendForm(SignedInUser user, UUID organisationId, Model model) {
		List<OrganisationView> cooperatives = this.registry.organisations(user)
			.stream()
			.filter(organisation -> organisation.type() == OrganisationType.COOPERATIVE)
			.toList();
		model.addAttribute("cooperatives", (user.role() == Role.MERCHANT) ? List.of() : cooperatives);
		boolean ownIsCooperative = user.role() != Role.MERCHANT || (user.scope().organisationId() != null
				&& this.registry.organisation(user, user.scope().organisationId())
					.filter(own -> own.type() == OrganisationType.COOPERATIVE)
					.isPresent());
		UUID cooperative = (user.role() == Role.MERCHANT) ? user.scope().organisationId() : organisationId;
		List<HouseholdEntry> members = (ownIsCooperative && cooperative != null)
				? this.households.membersOf(user, cooperative) : List.of();
		model.addAttribute("members", members);
		model.addAttribute("notCooperative", !ownIsCooperative);
		return "income/dividend-form";
	}

	private int year(Integer year) {
		int current = this.queries.currentYear();
		return (year == null || year < 2000 || year > current) ? current : year;
	}

	private Map<UUID, String> villageNames(SignedInUser user) {
		Map<UUID, String> names = new HashMap<>();
		for (VillageView village : this.geography.villages(user.scope().countyCode())) {
			names.put(village.id(), village.townshipName() + " " + village.name());
		}
		return names;
	}

	private Map<UUID, String> names(SignedInUser user, List<UUID> ids) {
		Map<UUID, String> names = new HashMap<>();
		this.queries.directoryEntries(user, ids)
			.values()
			.forEach(household -> names.put(household.id(), household.headName()));
		return names;
	}

	private Map<UUID, String> organisationNames(SignedInUser user) {
		Map<UUID, String> names = new HashMap<>();
		this.registry.organisations(user).forEach(organisation -> names.put(organisation.id(), organisation.name()));
		return names;
	}

}

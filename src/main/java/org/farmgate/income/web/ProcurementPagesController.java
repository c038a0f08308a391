package org.farmgate.income.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.BatchManagement;
import org.farmgate.catalog.ProductManagement;
import org.farmgate.catalog.ProductView;
import org.farmgate.catalog.Unit;
import org.farmgate.income.Grade;
import org.farmgate.income.IncomeException;
import org.farmgate.income.IncomeQueries;
import org.farmgate.income.Payment;
import org.farmgate.income.PaymentMethod;
import org.farmgate.income.ProcurementManagement;
import org.farmgate.income.ProcurementView;
import org.farmgate.registry.HouseholdEntry;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.RegistryManagement;

import org.springframework.format.annotation.DateTimeFormat;
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
 * The procurement pages: the list, the fast entry form of the collection point (find the
 * farmer by name or the last digits of the phone, the produce, the weight, the price),
 * the farmer's receipt, and a purchase with its payment, reversal and correction.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT', 'ANALYST')")
class ProcurementPagesController {

	private final ProcurementManagement procurements;

	private final IncomeQueries queries;

	private final RegistryManagement registry;

	private final ProductManagement products;

	private final BatchManagement batches;

	private final HouseholdPicker picker;

	ProcurementPagesController(ProcurementManagement procurements, IncomeQueries queries, RegistryManagement registry,
			ProductManagement products, BatchManagement batches, HouseholdPicker picker) {
		this.picker = picker;
		this.procurements = procurements;
		this.queries = queries;
		this.registry = registry;
		this.products = products;
		this.batches = batches;
	}

	@GetMapping("/income/procurements")
	String list(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) UUID householdId, @RequestParam(defaultValue = "0") int page, Model model) {
		List<ProcurementView> found = this.procurements.procurements(user, householdId, year, page);
		model.addAttribute("procurements", found.stream().limit(ProcurementManagement.PAGE).toList());
		model.addAttribute("more", found.size() > ProcurementManagement.PAGE);
		model.addAttribute("page", page);
		model.addAttribute("year", year);
		model.addAttribute("householdId", householdId);
		model.addAttribute("households", names(user, found));
		return "income/procurements";
	}

	@GetMapping("/income/procurements/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String newProcurement(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) UUID householdId, Model model) {
		model.addAttribute("form", ProcurementForm.empty(this.queries.currentDate(), householdId));
		return form(user, q, householdId, model);
	}

	/** The households matching what was typed, for the form's picker (htmx). */
	@GetMapping("/income/procurements/households")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String householdChoices(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String q,
			Model model) {
		this.picker.fill(model, user, q, null);
		return "income/household-choices :: choices";
	}

	@PostMapping("/income/procurements")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String record(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") ProcurementForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return org.farmgate.web.FormSubmission.handle(result, redirect, "income.error.form-format",
				"income.procurement-recorded", () -> "/income/procurements/"
						+ this.procurements.record(user, form.toInput(), form.requestId()).id() + "/receipt",
				() -> form(user, null, form.householdId(), model));
	}

	@GetMapping("/income/procurements/{id}")
	String show(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		ProcurementView purchase = visible(user, id);
		model.addAttribute("purchase", purchase);
		model.addAttribute("household", household(user, purchase.householdId()));
		model.addAttribute("organisation", organisationName(user, purchase.organisationId()));
		model.addAttribute("methods", PaymentMethod.values());
		model.addAttribute("today", this.queries.currentDate());
		return "income/procurement";
	}

	@GetMapping("/income/procurements/{id}/receipt")
	String receipt(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		ProcurementView purchase = visible(user, id);
		model.addAttribute("purchase", purchase);
		model.addAttribute("household", household(user, purchase.householdId()));
		model.addAttribute("organisation", organisationName(user, purchase.organisationId()));
		return "income/receipt";
	}

	@PostMapping("/income/procurements/{id}/reversal")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String reverse(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			this.procurements.reverse(user, id, reason);
			redirect.addFlashAttribute("notice", "income.reversed");
		}
		catch (IncomeException ex) {
			refused(redirect, ex);
		}
		return "redirect:/income/procurements/" + id;
	}

	@PostMapping("/income/procurements/{id}/payment")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String pay(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate paidOn,
			@RequestParam(required = false) PaymentMethod method, RedirectAttributes redirect) {
		try {
			this.procurements.pay(user, id, paidOn, method);
			redirect.addFlashAttribute("notice", "income.paid");
		}
		catch (IncomeException ex) {
			refused(redirect, ex);
		}
		return "redirect:/income/procurements/" + id;
	}

	@GetMapping("/income/procurements/{id}/correction")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String correction(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		ProcurementView purchase = visible(user, id);
		model.addAttribute("form", ProcurementForm.of(purchase));
		model.addAttribute("corrected", purchase);
		return form(user, null, purchase.householdId(), model);
	}

	@PostMapping("/income/procurements/{id}/correction")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String correct(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@ModelAttribute("form") ProcurementForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		ProcurementView purchase = visible(user, id);
		model.addAttribute("corrected", purchase);
		return org.farmgate.web.FormSubmission.handle(
				result, redirect, "income.error.form-format", "income.corrected", () -> "/income/procurements/"
						+ this.procurements.correct(user, id, form.toInput(), form.reason()).id() + "/receipt",
				() -> form(user, null, form.householdId(), model));
	}

	private String form(SignedInUser user, String q, UUID householdId, Model model) {
		this.picker.fill(model, user, q, householdId);
		model.addAttribute("organisations",
				(user.role() == Role.MERCHANT) ? List.of() : this.registry.organisations(user));
		List<ProductView> productChoices = this.products.products(user);
		model.addAttribute("productChoices", productChoices);
		model.addAttribute("batchChoices", this.batches.batches(user));
		model.addAttribute("productNames",
				productChoices.stream().collect(Collectors.toMap(ProductView::id, ProductView::nameZh)));
		model.addAttribute("units", Unit.values());
		model.addAttribute("grades", Grade.values());
		model.addAttribute("payments", Payment.values());
		model.addAttribute("methods", PaymentMethod.values());
		return "income/procurement-form";
	}

	private ProcurementView visible(SignedInUser user, UUID id) {
		return this.procurements.procurement(user, id).orElseThrow(NotFound::new);
	}

	private HouseholdEntry household(SignedInUser user, UUID id) {
		return this.queries.directoryEntries(user, List.of(id)).get(id);
	}

	private Map<UUID, String> names(SignedInUser user, List<ProcurementView> purchases) {
		return this.queries.directoryEntries(user, purchases.stream().map(ProcurementView::householdId).toList())
			.values()
			.stream()
			.collect(Collectors.toMap(HouseholdEntry::id, HouseholdEntry::headName));
	}

	private String organisationName(SignedInUser user, UUID id) {
		return this.registry.organisation(user, id).map(OrganisationView::name).orElse("");
	}

	private static void refused(RedirectAttributes redirect, IncomeException ex) {
		redirect.addFlashAttribute("problem", ex.messageKey());
		if (ex.arguments().length > 0) {
			redirect.addFlashAttribute("problemArguments", ex.arguments());
		}
	}

	/** A record outside the user's scope, or none: the ordinary 404 page. */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class NotFound extends RuntimeException {

		NotFound() {
			super("not found", null, false, false);
		}

	}

}

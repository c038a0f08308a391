package org.farmgate.registry.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.registry.AdmissionStatus;
import org.farmgate.registry.DocumentKind;
import org.farmgate.registry.OrganisationType;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryException;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.SalesModel;
import org.farmgate.web.PageOf;

import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry pages: organisations (search, filter, paging), an organisation with its
 * shops and admission history, forms to register and change organisations, to review them
 * and to add shops. A merchant lands on its own organisation.
 */
@Controller
class RegistryController {

	private final RegistryManagement registry;

	private final CountyGeographyManagement geography;

	private final Clock clock;

	RegistryController(RegistryManagement registry, CountyGeographyManagement geography, Clock clock) {
		this.registry = registry;
		this.geography = geography;
		this.clock = clock;
	}

	@ModelAttribute("types")
	OrganisationType[] types() {
		return OrganisationType.values();
	}

	@ModelAttribute("salesModels")
	SalesModel[] salesModels() {
		return SalesModel.values();
	}

	@ModelAttribute("platforms")
	Platform[] platforms() {
		return Platform.values();
	}

	@GetMapping("/registry/organisations")
	String list(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) AdmissionStatus admission,
			@RequestParam(required = false) OrganisationType type, @RequestParam(defaultValue = "0") int page,
			Model model) {
		if (user.role() == Role.MERCHANT && user.scope().organisationId() != null) {
			return "redirect:/registry/organisations/" + user.scope().organisationId();
		}
		String query = q.strip().toLowerCase(Locale.ROOT);
		List<OrganisationView> matching = this.registry.organisations(user)
			.stream()
			.filter(organisation -> query.isEmpty() || organisation.name().toLowerCase(Locale.ROOT).contains(query)
					|| organisation.creditCode().toLowerCase(Locale.ROOT).contains(query))
			.filter(organisation -> admission == null || organisation.admission() == admission)
			.filter(organisation -> type == null || organisation.type() == type)
			.toList();
		model.addAttribute("list", PageOf.of(matching, page));
		model.addAttribute("q", q);
		model.addAttribute("admission", admission);
		model.addAttribute("type", type);
		model.addAttribute("admissions", AdmissionStatus.values());
		return "registry/organisations";
	}

	@GetMapping("/registry/organisations/{id}")
	String show(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		OrganisationView organisation = this.registry.organisation(user, id).orElseThrow(NotFound::new);
		model.addAttribute("organisation", organisation);
		model.addAttribute("villageName",
				(organisation.villageId() == null) ? null
						: this.geography.village(organisation.countyCode(), organisation.villageId())
							.map(village -> village.townshipName() + " " + village.name())
							.orElse(null));
		model.addAttribute("shops", this.registry.shopsOf(user, id));
		if (!model.containsAttribute("shopForm")) {
			model.addAttribute("shopForm", ShopForm.empty());
		}
		if (!model.containsAttribute("documentForm")) {
			model.addAttribute("documentForm", DocumentForm.empty());
		}
		model.addAttribute("documentKinds", DocumentKind.values());
		model.addAttribute("today", java.time.LocalDate.now(this.clock));
		boolean mayChange = user.role() == Role.OPERATOR || user.role() == Role.ADMIN
				|| (user.role() == Role.MERCHANT && id.equals(user.scope().organisationId()));
		model.addAttribute("mayChange", mayChange);
		model.addAttribute("mayReview", user.role() == Role.OPERATOR || user.role() == Role.ADMIN);
		return "registry/organisation";
	}

	@GetMapping("/registry/organisations/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String newOrganisation(Model model) {
		model.addAttribute("form", OrganisationForm.empty());
		return "registry/organisation-form";
	}

	@PostMapping("/registry/organisations")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String register(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") OrganisationForm form,
			BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return "registry/organisation-form";
		}
		try {
			OrganisationView created = this.registry.registerOrganisation(user, form.toInput());
			redirect.addFlashAttribute("notice", "registry.saved");
			return "redirect:/registry/organisations/" + created.id();
		}
		catch (RegistryException ex) {
			result.reject(ex.messageKey());
			return "registry/organisation-form";
		}
	}

	@GetMapping("/registry/organisations/{id}/edit")
	String edit(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		OrganisationView organisation = this.registry.organisation(user, id).orElseThrow(NotFound::new);
		model.addAttribute("organisation", organisation);
		model.addAttribute("form", OrganisationForm.of(organisation));
		return "registry/organisation-form";
	}

	@PostMapping("/registry/organisations/{id}")
	String update(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@ModelAttribute("form") OrganisationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		OrganisationView organisation = this.registry.organisation(user, id).orElseThrow(NotFound::new);
		if (!result.hasErrors()) {
			try {
				this.registry.updateOrganisation(user, id, form.toInput());
				redirect.addFlashAttribute("notice", "registry.saved");
				return "redirect:/registry/organisations/" + id;
			}
			catch (RegistryException ex) {
				result.reject(ex.messageKey());
			}
		}
		model.addAttribute("organisation", organisation);
		return "registry/organisation-form";
	}

	@PostMapping("/registry/organisations/{id}/review")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String review(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam AdmissionStatus decision, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		try {
			this.registry.review(user, id, decision, reason);
			redirect.addFlashAttribute("notice", "registry.reviewed");
		}
		catch (org.springframework.security.access.AccessDeniedException ex) {
			throw ex;
		}
		catch (RegistryException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/registry/organisations/" + id;
	}

	@PostMapping("/registry/organisations/{id}/shops")
	String addShop(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@ModelAttribute("shopForm") ShopForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		this.registry.organisation(user, id).orElseThrow(NotFound::new);
		if (!result.hasErrors()) {
			try {
				RegistryManagement.OpenedShop opened = this.registry.openShop(user, form.toInput(id));
				redirect.addFlashAttribute("notice", "registry.shop-added");
				redirect.addFlashAttribute("webhookSecret", opened.webhookSecret());
				return "redirect:/registry/organisations/" + id;
			}
			catch (RegistryException ex) {
				result.reject(ex.messageKey());
			}
		}
		return show(user, id, model);
	}

	@PostMapping("/registry/organisations/{id}/documents")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String addDocument(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@ModelAttribute("documentForm") DocumentForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		this.registry.organisation(user, id).orElseThrow(NotFound::new);
		if (!result.hasErrors()) {
			try {
				this.registry.addDocument(user, id, form.toInput());
				redirect.addFlashAttribute("notice", "registry.saved");
				return "redirect:/registry/organisations/" + id + "#documents";
			}
			catch (RegistryException ex) {
				result.reject(ex.messageKey());
			}
		}
		else {
			result.reject("registry.error.date");
		}
		return show(user, id, model);
	}

	@PostMapping("/registry/organisations/{id}/documents/{index}/delete")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String removeDocument(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @PathVariable int index,
			RedirectAttributes redirect) {
		this.registry.organisation(user, id).orElseThrow(NotFound::new);
		try {
			this.registry.removeDocument(user, id, index);
			redirect.addFlashAttribute("notice", "registry.document-removed");
		}
		catch (RegistryException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/registry/organisations/" + id + "#documents";
	}

	/**
	 * A record that does not exist in the user's scope: the 404 page.
	 */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class NotFound extends RuntimeException {

	}

}

package org.farmgate.registry.web;

import java.util.Locale;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.EntrepreneurManagement;
import org.farmgate.registry.HouseholdManagement;
import org.farmgate.registry.ParkManagement;
import org.farmgate.registry.RegistryException;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.web.PageOf;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry's people and parks as pages: farmer households (ID numbers and phones
 * masked) with a form to add one, entrepreneurs and industrial parks; each list
 * searchable and paged, within the user's scope.
 */
@Controller
class RegistryListsController {

	private final HouseholdManagement households;

	private final EntrepreneurManagement entrepreneurs;

	private final ParkManagement parks;

	private final RegistryManagement registry;

	RegistryListsController(HouseholdManagement households, EntrepreneurManagement entrepreneurs, ParkManagement parks,
			RegistryManagement registry) {
		this.households = households;
		this.entrepreneurs = entrepreneurs;
		this.parks = parks;
		this.registry = registry;
	}

	@GetMapping("/registry/households")
	String households(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "false") boolean disadvantaged, @RequestParam(defaultValue = "0") int page,
			Model model) {
		String query = q.strip();
		model.addAttribute("list",
				PageOf.of(this.households.households(user)
					.stream()
					.filter(household -> query.isEmpty() || household.headName().contains(query))
					.filter(household -> !disadvantaged || household.disadvantaged())
					.toList(), page));
		model.addAttribute("q", q);
		model.addAttribute("disadvantaged", disadvantaged);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", HouseholdForm.empty());
		}
		return "registry/households";
	}

	@PostMapping("/registry/households")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String register(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") HouseholdForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.households.register(user, form.toInput());
				redirect.addFlashAttribute("notice", "registry.saved");
				return "redirect:/registry/households";
			}
			catch (RegistryException ex) {
				result.reject(ex.messageKey());
			}
		}
		else {
			result.reject("registry.error.form-format");
		}
		return households(user, "", false, 0, model);
	}

	@GetMapping("/registry/entrepreneurs")
	String entrepreneurs(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String query = q.strip().toLowerCase(Locale.ROOT);
		model.addAttribute("list", PageOf.of(this.entrepreneurs.entrepreneurs(user)
			.stream()
			.filter(entrepreneur -> query.isEmpty() || entrepreneur.name().toLowerCase(Locale.ROOT).contains(query))
			.toList(), page));
		model.addAttribute("q", q);
		model.addAttribute("organisations", this.registry.organisations(user));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", EntrepreneurForm.empty());
		}
		return "registry/entrepreneurs";
	}

	@PostMapping("/registry/entrepreneurs")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String registerEntrepreneur(@AuthenticationPrincipal SignedInUser user,
			@ModelAttribute("form") EntrepreneurForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.entrepreneurs.register(user, form.toInput());
				redirect.addFlashAttribute("notice", "registry.saved");
				return "redirect:/registry/entrepreneurs";
			}
			catch (RegistryException ex) {
				result.reject(ex.messageKey());
			}
		}
		else {
			result.reject("registry.error.form-format");
		}
		return entrepreneurs(user, "", 0, model);
	}

	@GetMapping("/registry/parks")
	String parks(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("parks", this.parks.parks(user));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ParkForm.empty());
		}
		return "registry/parks";
	}

	@PostMapping("/registry/parks")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String registerPark(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") ParkForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.parks.register(user, form.toInput());
				redirect.addFlashAttribute("notice", "registry.saved");
				return "redirect:/registry/parks";
			}
			catch (RegistryException ex) {
				result.reject(ex.messageKey());
			}
		}
		else {
			result.reject("registry.error.form-format");
		}
		return parks(user, model);
	}

}

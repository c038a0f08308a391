package org.farmgate.registry.web;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.registry.EntrepreneurManagement;
import org.farmgate.registry.EntrepreneurView;
import org.farmgate.registry.HouseholdManagement;
import org.farmgate.registry.HouseholdView;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.RegistryException;
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
 * One farmer household or one entrepreneur: its page (ID number and phone masked, the
 * organisations the user may see) and the form that changes it. A record outside the
 * user's scope is the 404 page, like one that does not exist.
 */
@Controller
class RegistryPeopleController {

	private final HouseholdManagement households;

	private final EntrepreneurManagement entrepreneurs;

	private final RegistryManagement registry;

	private final CountyGeographyManagement geography;

	RegistryPeopleController(HouseholdManagement households, EntrepreneurManagement entrepreneurs,
			RegistryManagement registry, CountyGeographyManagement geography) {
		this.households = households;
		this.entrepreneurs = entrepreneurs;
		this.registry = registry;
		this.geography = geography;
	}

	@GetMapping("/registry/households/{id}")
	String household(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		HouseholdView household = this.households.household(user, id).orElseThrow(RegistryController.NotFound::new);
		Map<UUID, OrganisationView> organisations = organisationsOf(user);
		model.addAttribute("household", household);
		model.addAttribute("villageName", villageName(household.countyCode(), household.villageId()));
		model.addAttribute("memberOf",
				household.organisationIds().stream().map(organisations::get).filter(o -> o != null).toList());
		model.addAttribute("joinable",
				organisations.values()
					.stream()
					.filter(organisation -> !household.organisationIds().contains(organisation.id()))
					.toList());
		model.addAttribute("mayChange",
				writes(user) && (user.role() != Role.MERCHANT || household.organisationIds().size() <= 1));
		model.addAttribute("mayJoin", user.role() == Role.OPERATOR || user.role() == Role.ADMIN);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", HouseholdForm.of(household));
		}
		return "registry/household";
	}

	@PostMapping("/registry/households/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String changeHousehold(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@ModelAttribute("form") HouseholdForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		this.households.household(user, id).orElseThrow(RegistryController.NotFound::new);
		if (!result.hasErrors()) {
			try {
				this.households.update(user, id, form.toInput());
				redirect.addFlashAttribute("notice", "registry.saved");
				return "redirect:/registry/households/" + id;
			}
			catch (RegistryException ex) {
				result.reject(ex.messageKey());
			}
		}
		else {
			result.reject("registry.error.form-format");
		}
		return household(user, id, model);
	}

	@PostMapping("/registry/households/{id}/memberships")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String join(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam(required = false) UUID organisationId, RedirectAttributes redirect) {
		this.households.household(user, id).orElseThrow(RegistryController.NotFound::new);
		try {
			this.households.join(user, id, organisationId);
			redirect.addFlashAttribute("notice", "registry.saved");
		}
		catch (RegistryException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/registry/households/" + id;
	}

	@GetMapping("/registry/entrepreneurs/{id}")
	String entrepreneur(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		EntrepreneurView entrepreneur = this.entrepreneurs.entrepreneur(user, id)
			.orElseThrow(RegistryController.NotFound::new);
		Map<UUID, OrganisationView> organisations = organisationsOf(user);
		model.addAttribute("entrepreneur", entrepreneur);
		model.addAttribute("villageName", villageName(entrepreneur.countyCode(), entrepreneur.villageId()));
		model.addAttribute("organisation",
				(entrepreneur.organisationId() != null) ? organisations.get(entrepreneur.organisationId()) : null);
		model.addAttribute("organisations", organisations.values());
		model.addAttribute("mayChange", writes(user));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", EntrepreneurForm.of(entrepreneur));
		}
		return "registry/entrepreneur";
	}

	@PostMapping("/registry/entrepreneurs/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String changeEntrepreneur(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@ModelAttribute("form") EntrepreneurForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		this.entrepreneurs.entrepreneur(user, id).orElseThrow(RegistryController.NotFound::new);
		if (!result.hasErrors()) {
			try {
				this.entrepreneurs.update(user, id, form.toInput());
				redirect.addFlashAttribute("notice", "registry.saved");
				return "redirect:/registry/entrepreneurs/" + id;
			}
			catch (RegistryException ex) {
				result.reject(ex.messageKey());
			}
		}
		else {
			result.reject("registry.error.form-format");
		}
		return entrepreneur(user, id, model);
	}

	private Map<UUID, OrganisationView> organisationsOf(SignedInUser user) {
		return this.registry.organisations(user)
			.stream()
			.collect(Collectors.toMap(OrganisationView::id, Function.identity(), (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

	private String villageName(String county, UUID villageId) {
		return (villageId == null) ? null
				: this.geography.village(county, villageId)
					.map(village -> village.townshipName() + " " + village.name())
					.orElse(null);
	}

	private static boolean writes(SignedInUser user) {
		return user.role() == Role.OPERATOR || user.role() == Role.ADMIN || user.role() == Role.MERCHANT;
	}

}

package org.farmgate.registry.web;

import java.util.List;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.geo.VillageView;
import org.farmgate.registry.Gender;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The choices the registry's forms offer on every registry page: the villages of the
 * user's county and the genders.
 */
@ControllerAdvice(
		assignableTypes = { RegistryController.class, RegistryListsController.class, RegistryPeopleController.class })
class RegistryFormChoices {

	private final CountyGeographyManagement geography;

	RegistryFormChoices(CountyGeographyManagement geography) {
		this.geography = geography;
	}

	@ModelAttribute("villages")
	List<VillageView> villages(@AuthenticationPrincipal SignedInUser user) {
		return (user != null) ? this.geography.villages(user.scope().countyCode()) : List.of();
	}

	@ModelAttribute("genders")
	Gender[] genders() {
		return Gender.values();
	}

}

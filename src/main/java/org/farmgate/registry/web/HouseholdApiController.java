package org.farmgate.registry.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.HouseholdInput;
import org.farmgate.registry.HouseholdManagement;
import org.farmgate.registry.HouseholdView;
import org.farmgate.registry.RegistryException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The farmer households API. ID numbers and phones go in; they come back masked.
 */
@RestController
class HouseholdApiController {

	private final HouseholdManagement households;

	HouseholdApiController(HouseholdManagement households) {
		this.households = households;
	}

	@GetMapping("/api/v1/households")
	List<HouseholdView> households(@AuthenticationPrincipal SignedInUser user) {
		return this.households.households(user);
	}

	@GetMapping("/api/v1/households/{id}")
	HouseholdView household(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.households.household(user, id).orElseThrow(RegistryException::notFound);
	}

	@PostMapping("/api/v1/households")
	ResponseEntity<HouseholdView> register(@AuthenticationPrincipal SignedInUser user,
			@RequestBody HouseholdInput input) {
		HouseholdView created = this.households.register(user, input);
		return ResponseEntity.created(URI.create("/api/v1/households/" + created.id())).body(created);
	}

	@PutMapping("/api/v1/households/{id}")
	HouseholdView update(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestBody HouseholdInput input) {
		return this.households.update(user, id, input);
	}

	@PostMapping("/api/v1/households/{id}/memberships/{organisationId}")
	HouseholdView join(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@PathVariable UUID organisationId) {
		return this.households.join(user, id, organisationId);
	}

}

package org.farmgate.registry.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.AdmissionStatus;
import org.farmgate.registry.DocumentInput;
import org.farmgate.registry.OrganisationInput;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.ParkInput;
import org.farmgate.registry.ParkManagement;
import org.farmgate.registry.ParkRelation;
import org.farmgate.registry.ParkView;
import org.farmgate.registry.RegistryException;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopInput;
import org.farmgate.registry.ShopView;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry API: organisations with their admission review, and shops. A merchant's
 * calls reach only its own organisation; anything else is 404.
 */
@RestController
class RegistryApiController {

	private final RegistryManagement registry;

	private final ParkManagement parks;

	RegistryApiController(RegistryManagement registry, ParkManagement parks) {
		this.registry = registry;
		this.parks = parks;
	}

	@GetMapping("/api/v1/parks")
	List<ParkView> parks(@AuthenticationPrincipal SignedInUser user) {
		return this.parks.parks(user);
	}

	@PostMapping("/api/v1/parks")
	ResponseEntity<ParkView> registerPark(@AuthenticationPrincipal SignedInUser user, @RequestBody ParkInput input) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.parks.register(user, input));
	}

	/**
	 * Hosts the organisation in a park or affiliates it ({@code parkId} and
	 * {@code relation} null: neither).
	 */
	@PostMapping("/api/v1/organisations/{id}/park")
	OrganisationView placeInPark(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestBody ParkPlace place) {
		return this.registry.placeInPark(user, id, place.parkId(), place.relation());
	}

	/**
	 * Where an organisation stands to a park.
	 */
	record ParkPlace(UUID parkId, ParkRelation relation) {
	}

	@GetMapping("/api/v1/organisations")
	List<OrganisationView> organisations(@AuthenticationPrincipal SignedInUser user) {
		return this.registry.organisations(user);
	}

	@GetMapping("/api/v1/organisations/{id}")
	OrganisationView organisation(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.registry.organisation(user, id).orElseThrow(RegistryException::notFound);
	}

	@PostMapping("/api/v1/organisations")
	ResponseEntity<OrganisationView> register(@AuthenticationPrincipal SignedInUser user,
			@RequestBody OrganisationInput input) {
		OrganisationView created = this.registry.registerOrganisation(user, input);
		return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id())).body(created);
	}

	@PutMapping("/api/v1/organisations/{id}")
	OrganisationView update(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestBody OrganisationInput input) {
		return this.registry.updateOrganisation(user, id, input);
	}

	@PostMapping("/api/v1/organisations/{id}/review")
	OrganisationView review(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestBody Review review) {
		if (review.decision() == null) {
			throw RegistryException.because("registry.error.decision-required");
		}
		return this.registry.review(user, id, review.decision(), review.reason());
	}

	/** Adds a document's details to the organisation's admission application. */
	@PostMapping("/api/v1/organisations/{id}/documents")
	ResponseEntity<OrganisationView> addDocument(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestBody DocumentInput input) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.registry.addDocument(user, id, input));
	}

	/** Removes the document at the given place (0 = first) of the application's list. */
	@DeleteMapping("/api/v1/organisations/{id}/documents/{index}")
	OrganisationView removeDocument(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@PathVariable int index) {
		return this.registry.removeDocument(user, id, index);
	}

	@GetMapping("/api/v1/shops")
	List<ShopView> shops(@AuthenticationPrincipal SignedInUser user) {
		return this.registry.shops(user);
	}

	@GetMapping("/api/v1/shops/{id}")
	ShopView shop(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.registry.shop(user, id).orElseThrow(RegistryException::notFound);
	}

	/** Registers a shop; the answer holds its webhook secret, shown only this once. */
	@PostMapping("/api/v1/shops")
	ResponseEntity<RegistryManagement.OpenedShop> openShop(@AuthenticationPrincipal SignedInUser user,
			@RequestBody ShopInput input) {
		RegistryManagement.OpenedShop opened = this.registry.openShop(user, input);
		return ResponseEntity.created(URI.create("/api/v1/shops/" + opened.shop().id())).body(opened);
	}

	@PostMapping("/api/v1/shops/{id}/webhook-secret")
	WebhookSecret rotate(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return new WebhookSecret(this.registry.rotateWebhookSecret(user, id));
	}

	/**
	 * An admission decision: APPROVED or REJECTED (with a reason).
	 */
	record Review(AdmissionStatus decision, String reason) {
	}

	/**
	 * A webhook secret, shown once.
	 */
	record WebhookSecret(String webhookSecret) {
	}

}

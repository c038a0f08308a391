package org.farmgate.geo.web;

import java.util.List;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.geo.AddressResolver;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.geo.GeoException;
import org.farmgate.geo.PlaceInput;
import org.farmgate.geo.Resolution;
import org.farmgate.geo.StructuredAddress;
import org.farmgate.geo.TownshipView;
import org.farmgate.geo.VillageView;

import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The geography API: resolving addresses (one, or one per line), and the county's
 * townships and villages.
 */
@RestController
class GeoApiController {

	static final int MAX_LINES = 10_000;

	static final int MAX_CHARACTERS = 2_000_000;

	private final AddressResolver resolver;

	private final CountyGeographyManagement geography;

	GeoApiController(@Lazy AddressResolver resolver, CountyGeographyManagement geography) {
		this.resolver = resolver;
		this.geography = geography;
	}

	/**
	 * {@code ?address=} free text, or {@code ?province=&city=&district=&detail=} fields.
	 */
	@GetMapping("/api/v1/geo/resolve")
	Resolution resolve(@RequestParam(required = false) String address, @RequestParam(required = false) String province,
			@RequestParam(required = false) String city, @RequestParam(required = false) String district,
			@RequestParam(required = false) String detail) {
		if (address != null) {
			return this.resolver.resolve(address);
		}
		if (province == null && city == null && district == null && detail == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Give the parameter 'address', or 'province', 'city', 'district' and 'detail'.");
		}
		return this.resolver.resolve(new StructuredAddress(province, city, district, detail));
	}

	/** One address per line, answered in the same order. */
	@PostMapping(path = "/api/v1/geo/resolve", consumes = MediaType.TEXT_PLAIN_VALUE)
	List<Resolution> resolveAll(@RequestBody(required = false) String body) {
		if (body == null) {
			return List.of();
		}
		if (body.length() > MAX_CHARACTERS) {
			throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
					"At most " + MAX_CHARACTERS + " characters per request.");
		}
		List<String> lines = body.lines().toList();
		if (lines.size() > MAX_LINES) {
			throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
					"At most " + MAX_LINES + " addresses per request; this one has " + lines.size() + ".");
		}
		return lines.stream().map(this.resolver::resolve).toList();
	}

	@GetMapping("/api/v1/geo/townships")
	List<TownshipView> townships(@AuthenticationPrincipal SignedInUser user) {
		return this.geography.townships(user.scope().countyCode());
	}

	@GetMapping("/api/v1/geo/villages")
	List<VillageView> villages(@AuthenticationPrincipal SignedInUser user) {
		return this.geography.villages(user.scope().countyCode());
	}

	@GetMapping("/api/v1/geo/villages/{id}")
	VillageView village(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		return this.geography.village(user.scope().countyCode(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such village in your county."));
	}

	@PostMapping(path = "/api/v1/geo/villages", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	ResponseEntity<VillageView> createVillage(@AuthenticationPrincipal SignedInUser user,
			@RequestBody NewVillage body) {
		if (body.townshipId() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "townshipId is required.");
		}
		try {
			VillageView created = this.geography.createVillage(user.scope().countyCode(), body.townshipId(),
					new PlaceInput(body.name(), body.statCode(), text(body.households()), text(body.population()),
							text(body.latitude()), text(body.longitude())));
			return ResponseEntity.status(HttpStatus.CREATED).body(created);
		}
		catch (GeoException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join(", ", ex.messageKeys()));
		}
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	/**
	 * A village to create through the API.
	 */
	record NewVillage(UUID townshipId, String name, String statCode, Integer households, Integer population,
			Double latitude, Double longitude) {
	}

}

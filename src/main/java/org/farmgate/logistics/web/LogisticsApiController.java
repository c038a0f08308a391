package org.farmgate.logistics.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.logistics.Carrier;
import org.farmgate.logistics.LogisticsException;
import org.farmgate.logistics.PackInput;
import org.farmgate.logistics.RunManagement;
import org.farmgate.logistics.RunView;
import org.farmgate.logistics.ShipmentManagement;
import org.farmgate.logistics.ShipmentStatus;
import org.farmgate.logistics.ShipmentView;
import org.farmgate.logistics.TrackingEventView;
import org.farmgate.logistics.TrackingManagement;
import org.farmgate.logistics.TrackingPush;
import org.farmgate.web.PageOf;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The logistics API: carriers push tracking events (Kuaidi100-style states mapped;
 * unknown waybill numbers kept unmatched, duplicates ignored); integrations pack and ship
 * parcels and read them with their events; the county plans and reads a day's runs.
 */
@RestController
class LogisticsApiController {

	private final ShipmentManagement shipments;

	private final TrackingManagement tracking;

	private final RunManagement runs;

	LogisticsApiController(ShipmentManagement shipments, TrackingManagement tracking, RunManagement runs) {
		this.shipments = shipments;
		this.tracking = tracking;
		this.runs = runs;
	}

	@PostMapping("/api/v1/tracking-events")
	TrackingPush.Outcome push(@AuthenticationPrincipal SignedInUser user, @RequestBody TrackingPush push) {
		return this.tracking.record(user, push);
	}

	@GetMapping("/api/v1/shipments")
	PageOf<ShipmentView> shipments(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(required = false) ShipmentStatus status, @RequestParam(defaultValue = "0") int page) {
		return this.shipments.shipments(user, status, page);
	}

	/** A parcel with its tracking events. */
	record ShipmentWithEvents(ShipmentView shipment, List<TrackingEventView> events) {
	}

	@GetMapping("/api/v1/shipments/{id}")
	ShipmentWithEvents shipment(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		ShipmentView shipment = this.shipments.shipment(user, id).orElseThrow(LogisticsException::notFound);
		return new ShipmentWithEvents(shipment, this.tracking.events(user, id));
	}

	/**
	 * A parcel to pack: orders, optional units per line, weight in grams, size, carrier,
	 * waybill.
	 */
	record PackRequest(List<UUID> orderIds, Map<UUID, Map<String, Integer>> quantities, UUID originStationId,
			Integer weightGrams, Integer lengthCm, Integer widthCm, Integer heightCm, String carrier,
			String trackingNo) {
	}

	@PostMapping("/api/v1/shipments")
	ResponseEntity<ShipmentManagement.Packed> pack(@AuthenticationPrincipal SignedInUser user,
			@RequestBody PackRequest request) {
		Carrier carrier = null;
		if (request.carrier() != null && !request.carrier().isBlank()) {
			carrier = Carrier.fromCode(request.carrier())
				.orElseThrow(() -> LogisticsException.because("logistics.tracking.carrier", request.carrier()));
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.shipments.pack(user,
					new PackInput(request.orderIds(), request.quantities(), request.originStationId(),
							request.weightGrams(), request.lengthCm(), request.widthCm(), request.heightCm(), carrier,
							request.trackingNo())));
	}

	@PostMapping("/api/v1/shipments/{id}/shipped")
	ShipmentView ship(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
		this.shipments.ship(user, List.of(id));
		return this.shipments.shipment(user, id).orElseThrow(LogisticsException::notFound);
	}

	@PostMapping("/api/v1/runs/{day}")
	RunView plan(@AuthenticationPrincipal SignedInUser user,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		return this.runs.plan(user, day);
	}

	@GetMapping("/api/v1/runs/{day}")
	RunView run(@AuthenticationPrincipal SignedInUser user,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		return this.runs.run(user, day).orElseThrow(LogisticsException::notFound);
	}

}

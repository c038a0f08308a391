package org.farmgate.logistics.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.logistics.Carrier;
import org.farmgate.logistics.LogisticsException;
import org.farmgate.logistics.PackInput;
import org.farmgate.logistics.ParcelDocuments;
import org.farmgate.logistics.ShipmentManagement;
import org.farmgate.logistics.ShipmentStatus;
import org.farmgate.logistics.ShipmentView;
import org.farmgate.logistics.StationKind;
import org.farmgate.logistics.StationManagement;
import org.farmgate.logistics.StationView;
import org.farmgate.logistics.TrackingManagement;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The parcel pages: the list, packing a parcel from the orders waiting to leave (tick
 * several to one recipient to merge, lower a line's units to split; the waybill number
 * typed or scanned), one parcel with its tracking, and marking parcels shipped; labels as
 * one PDF and the platforms' bulk-shipping files.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT', 'STATION', 'ANALYST')")
class ParcelPagesController {

	private final ShipmentManagement shipments;

	private final TrackingManagement tracking;

	private final StationManagement stations;

	private final ParcelDocuments documents;

	private final RegistryManagement registry;

	private final String publicBaseUrl;

	ParcelPagesController(ShipmentManagement shipments, TrackingManagement tracking, StationManagement stations,
			ParcelDocuments documents, RegistryManagement registry,
			@Value("${farmgate.public-base-url:}") String publicBaseUrl) {
		this.shipments = shipments;
		this.tracking = tracking;
		this.stations = stations;
		this.documents = documents;
		this.registry = registry;
		this.publicBaseUrl = publicBaseUrl;
	}

	@GetMapping("/logistics/parcels")
	String list(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) ShipmentStatus status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("parcels", this.shipments.shipments(user, status, page));
		model.addAttribute("status", status);
		model.addAttribute("statuses", ShipmentStatus.values());
		model.addAttribute("platforms", List.of(Platform.TAOBAO, Platform.TMALL, Platform.JD, Platform.PINDUODUO,
				Platform.DOUYIN, Platform.LOCAL));
		model.addAttribute("today", this.tracking.today());
		return "logistics/parcels";
	}

	@GetMapping("/logistics/parcels/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String packing(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) UUID shopId,
			Model model) {
		return packingPage(user, shopId, model);
	}

	private String packingPage(SignedInUser user, UUID shopId, Model model) {
		model.addAttribute("waiting", this.shipments.waiting(user, shopId));
		model.addAttribute("shopId", shopId);
		model.addAttribute("shops", shops(user));
		model.addAttribute("carriers", Carrier.values());
		model.addAttribute("points",
				this.stations.stations(user)
					.stream()
					.filter(station -> station.active() && station.kind() != StationKind.COUNTY_HUB)
					.toList());
		return "logistics/pack";
	}

	/**
	 * Packs the ticked orders: the units of each line come from the fields named
	 * {@code units:ORDER:LINE} (left as they are, the whole of what is left).
	 */
	@PostMapping("/logistics/parcels")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String pack(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(name = "orderId", required = false) List<UUID> orderIds,
			@RequestParam MultiValueMap<String, String> fields, @RequestParam(required = false) UUID shopId,
			Model model, RedirectAttributes redirect) {
		try {
			List<UUID> chosen = (orderIds != null) ? orderIds : List.of();
			Map<UUID, Map<String, Integer>> units = new HashMap<>();
			for (Map.Entry<String, List<String>> field : fields.entrySet()) {
				if (!field.getKey().startsWith("units:")) {
					continue;
				}
				String[] parts = field.getKey().split(":", 3);
				if (parts.length < 3) {
					throw new IllegalArgumentException(field.getKey());
				}
				UUID order = UUID.fromString(parts[1]);
				if (chosen.contains(order)) {
					units.computeIfAbsent(order, key -> new LinkedHashMap<>())
						.put(parts[2], Integer.parseInt(field.getValue().get(0).strip()));
				}
			}
			ShipmentManagement.Packed packed = this.shipments.pack(user,
					new PackInput(chosen, units.isEmpty() ? null : units, uuid(fields.getFirst("originStationId")),
							grams(fields.getFirst("weightKg")), centimetres(fields.getFirst("lengthCm")),
							centimetres(fields.getFirst("widthCm")), centimetres(fields.getFirst("heightCm")),
							carrier(fields.getFirst("carrier")), fields.getFirst("trackingNo")));
			redirect.addFlashAttribute("notice", "logistics.parcel.packed");
			redirect.addFlashAttribute("warnings", packed.warnings());
			return "redirect:/logistics/parcels/" + packed.shipment().id();
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("problem", "logistics.form.number");
		}
		catch (LogisticsException ex) {
			model.addAttribute("problem", ex.messageKey());
			model.addAttribute("problemArguments", ex.arguments());
		}
		model.addAttribute("entered", fields.toSingleValueMap());
		model.addAttribute("ticked", (orderIds != null) ? orderIds : List.of());
		return packingPage(user, shopId, model);
	}

	@GetMapping("/logistics/parcels/{id}")
	String show(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		ShipmentView parcel = this.shipments.shipment(user, id).orElseThrow(NotFound::new);
		model.addAttribute("parcel", parcel);
		model.addAttribute("events", this.tracking.events(user, id));
		Map<UUID, org.farmgate.orders.ShippableOrder> orders = this.shipments.ordersOf(user, List.of(parcel));
		Map<String, String> titles = new HashMap<>();
		orders.values()
			.forEach(order -> order.lines()
				.forEach(line -> titles.put(order.id() + "/" + line.lineKey(), line.title())));
		model.addAttribute("orders", orders);
		model.addAttribute("titles", titles);
		model.addAttribute("origin", (parcel.originStationId() != null)
				? this.stations.station(user, parcel.originStationId()).map(StationView::name).orElse(null) : null);
		return "logistics/parcel";
	}

	@PostMapping("/logistics/parcels/{id}/shipped")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String ship(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			this.shipments.ship(user, List.of(id));
			redirect.addFlashAttribute("notice", "logistics.parcel.shipped");
		}
		catch (LogisticsException ex) {
			refused(redirect, ex);
		}
		return "redirect:/logistics/parcels/" + id;
	}

	@PostMapping("/logistics/parcels/shipped")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String shipMany(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(name = "id", required = false) List<UUID> ids, RedirectAttributes redirect) {
		if (ids == null || ids.isEmpty()) {
			redirect.addFlashAttribute("problem", "logistics.parcel.none-chosen");
			return "redirect:/logistics/parcels";
		}
		try {
			int moved = this.shipments.ship(user, ids);
			redirect.addFlashAttribute("notice", "logistics.parcels.shipped");
			redirect.addFlashAttribute("noticeArguments", new Object[] { moved });
		}
		catch (LogisticsException ex) {
			refused(redirect, ex);
		}
		return "redirect:/logistics/parcels";
	}

	@PostMapping("/logistics/parcels/{id}/cancellation")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			this.shipments.cancel(user, id);
			redirect.addFlashAttribute("notice", "logistics.parcel.cancelled");
		}
		catch (LogisticsException ex) {
			refused(redirect, ex);
		}
		return "redirect:/logistics/parcels/" + id;
	}

	@org.springframework.web.bind.annotation.RequestMapping(path = "/logistics/parcels/labels.pdf",
			method = { org.springframework.web.bind.annotation.RequestMethod.GET,
					org.springframework.web.bind.annotation.RequestMethod.POST })
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	ResponseEntity<byte[]> labels(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(name = "id", required = false) List<UUID> ids) {
		if (ids == null || ids.isEmpty()) {
			throw new NotFound();
		}
		String base = this.publicBaseUrl.isEmpty()
				? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : this.publicBaseUrl;
		byte[] pdf;
		try {
			pdf = this.documents.labels(user, ids, base);
		}
		catch (LogisticsException ex) {
			throw new NotFound();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("labels.pdf").build().toString())
			.body(pdf);
	}

	@GetMapping("/logistics/parcels/confirmations")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	ResponseEntity<byte[]> confirmations(@AuthenticationPrincipal SignedInUser user, @RequestParam Platform platform,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		ParcelDocuments.File file = this.documents.confirmations(user, platform, day);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name()).build().toString())
			.body(file.content());
	}

	private List<ShopView> shops(SignedInUser user) {
		return (user.role() == Role.MERCHANT) ? this.registry.shopsOf(user, user.scope().organisationId())
				: this.registry.shops(user);
	}

	private static void refused(RedirectAttributes redirect, LogisticsException ex) {
		redirect.addFlashAttribute("problem", ex.messageKey());
		if (ex.arguments().length > 0) {
			redirect.addFlashAttribute("problemArguments", ex.arguments());
		}
	}

	private static UUID uuid(String text) {
		return (text == null || text.isBlank()) ? null : UUID.fromString(text.strip());
	}

	private static Carrier carrier(String text) {
		return (text == null || text.isBlank()) ? null : Carrier.fromCode(text).orElse(null);
	}

	/** Kilograms as typed (up to three decimals) in grams. */
	static Integer grams(String kg) {
		if (kg == null || kg.isBlank()) {
			return null;
		}
		BigDecimal grams = new BigDecimal(kg.strip()).movePointRight(3);
		if (grams.signum() <= 0 || grams.compareTo(BigDecimal.valueOf(100_000_000)) > 0) {
			throw new NumberFormatException(kg);
		}
		return grams.setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
	}

	private static Integer centimetres(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		int cm = Integer.parseInt(text.strip());
		if (cm < 1 || cm > 1000) {
			throw new NumberFormatException(text);
		}
		return cm;
	}

	/** A parcel outside the user's scope, or none: the ordinary 404 page. */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class NotFound extends RuntimeException {

		NotFound() {
			super("not found", null, false, false);
		}

	}

}

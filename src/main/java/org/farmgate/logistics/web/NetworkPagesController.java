package org.farmgate.logistics.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.logistics.FleetManagement;
import org.farmgate.logistics.InboundInput;
import org.farmgate.logistics.LogisticsException;
import org.farmgate.logistics.RateManagement;
import org.farmgate.logistics.RateTableCsv;
import org.farmgate.logistics.RunManagement;
import org.farmgate.logistics.RunView;
import org.farmgate.logistics.StationKind;
import org.farmgate.logistics.StationManagement;
import org.farmgate.logistics.StationView;
import org.farmgate.logistics.TrackingManagement;
import org.farmgate.logistics.VehicleInput;
import org.farmgate.web.FormSubmission;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The county's network pages: stations (listed, opened and changed by operators), the
 * scan page of a station (phone-first: a barcode scanner types into its field), the day's
 * runs with the vans, the inbound goods and the distance matrix, the route sheet PDF, the
 * carriers' rates and the exceptions list.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT', 'STATION', 'ANALYST')")
class NetworkPagesController {

	private final StationManagement stations;

	private final TrackingManagement tracking;

	private final RunManagement runs;

	private final FleetManagement fleet;

	private final RateManagement rates;

	private final CountyGeographyManagement geography;

	NetworkPagesController(StationManagement stations, TrackingManagement tracking, RunManagement runs,
			FleetManagement fleet, RateManagement rates, CountyGeographyManagement geography) {
		this.stations = stations;
		this.tracking = tracking;
		this.runs = runs;
		this.fleet = fleet;
		this.rates = rates;
		this.geography = geography;
	}

	@GetMapping("/logistics")
	String home(@AuthenticationPrincipal SignedInUser user) {
		return switch (user.role()) {
			case STATION -> "redirect:/logistics/scan";
			case MERCHANT -> "redirect:/logistics/parcels";
			default -> "redirect:/logistics/runs";
		};
	}

	@GetMapping("/logistics/stations")
	String stations(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("stations", this.stations.stations(user));
		return "logistics/stations";
	}

	@GetMapping("/logistics/stations/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String newStation(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("form", StationForm.empty());
		return stationForm(user, null, model);
	}

	@PostMapping("/logistics/stations")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String open(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("form") StationForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return FormSubmission.handle(result, redirect, "logistics.form.invalid", "logistics.station.saved", () -> {
			this.stations.open(user, form.toInput());
			return "/logistics/stations";
		}, () -> stationForm(user, null, model));
	}

	@GetMapping("/logistics/stations/{id}/edit")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String editStation(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		StationView station = this.stations.station(user, id).orElseThrow(ParcelPagesController.NotFound::new);
		model.addAttribute("form", StationForm.of(station));
		return stationForm(user, id, model);
	}

	@PostMapping("/logistics/stations/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String change(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@Valid @ModelAttribute("form") StationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return FormSubmission.handle(result, redirect, "logistics.form.invalid", "logistics.station.saved", () -> {
			this.stations.change(user, id, form.toInput());
			return "/logistics/stations";
		}, () -> stationForm(user, id, model));
	}

	private String stationForm(SignedInUser user, UUID id, Model model) {
		model.addAttribute("stationId", id);
		model.addAttribute("kinds", StationKind.values());
		model.addAttribute("villages", this.geography.villages(user.scope().countyCode()));
		return "logistics/station-form";
	}

	/** The scan page: the user's own station, or (operators) the one chosen. */
	@GetMapping("/logistics/scan")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'STATION')")
	String scanPage(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) UUID stationId,
			Model model) {
		Optional<StationView> station = scanStation(user, stationId);
		model.addAttribute("station", station.orElse(null));
		model.addAttribute("stations", (user.role() == Role.STATION) ? List.of() : this.stations.stations(user));
		if (station.isPresent()) {
			LocalDate today = this.tracking.today();
			model.addAttribute("day", this.tracking.stationDay(user, station.get().id(), today));
			model.addAttribute("nextRun", nextStops(user, station.get().id(), today));
			model.addAttribute("inbound",
					this.fleet.inbound(user)
						.stream()
						.filter(inbound -> inbound.stationId().equals(station.get().id()))
						.toList());
		}
		return "logistics/scan";
	}

	@PostMapping("/logistics/scan")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'STATION')")
	String scan(@AuthenticationPrincipal SignedInUser user, @RequestParam UUID stationId,
			@RequestParam(required = false) String trackingNo, @RequestParam(defaultValue = "false") boolean handedOver,
			RedirectAttributes redirect) {
		try {
			TrackingManagement.Scanned scanned = this.tracking.scan(user, stationId, trackingNo, handedOver);
			redirect.addFlashAttribute("scanned", scanned);
			redirect.addFlashAttribute("scannedNo", trackingNo.strip());
		}
		catch (LogisticsException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/logistics/scan?stationId=" + stationId;
	}

	@PostMapping("/logistics/inbound/{id}/delivered")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'STATION')")
	String inboundDelivered(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam(required = false) UUID stationId, RedirectAttributes redirect) {
		try {
			this.fleet.inboundDelivered(user, id);
			redirect.addFlashAttribute("notice", "logistics.inbound.handed-over");
		}
		catch (LogisticsException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/logistics/scan" + ((stationId != null) ? "?stationId=" + stationId : "");
	}

	@GetMapping("/logistics/runs")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'ANALYST')")
	String runs(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
		LocalDate shown = (day != null) ? day : this.tracking.today().plusDays(1);
		model.addAttribute("day", shown);
		model.addAttribute("run", this.runs.run(user, shown).orElse(null));
		model.addAttribute("vehicles", this.fleet.vehicles(user));
		model.addAttribute("inbound", this.fleet.inbound(user));
		model.addAttribute("matrixPairs", this.fleet.matrixPairs(user));
		model.addAttribute("points",
				this.stations.stations(user)
					.stream()
					.filter(station -> station.kind() != StationKind.COUNTY_HUB)
					.toList());
		return "logistics/runs";
	}

	@PostMapping("/logistics/runs")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String plan(@AuthenticationPrincipal SignedInUser user,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes redirect) {
		try {
			RunView run = this.runs.plan(user, day);
			redirect.addFlashAttribute("notice",
					run.unplanned().isEmpty() ? "logistics.run.planned" : "logistics.run.planned-partly");
		}
		catch (LogisticsException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/logistics/runs?day=" + day;
	}

	@GetMapping("/logistics/runs/{day}/sheet.pdf")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'ANALYST')")
	ResponseEntity<byte[]> sheet(@AuthenticationPrincipal SignedInUser user,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
		byte[] pdf = this.runs.routeSheet(user, day).orElseThrow(ParcelPagesController.NotFound::new);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("route-sheet-" + day + ".pdf").build().toString())
			.body(pdf);
	}

	@PostMapping("/logistics/vehicles")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String addVehicle(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute VehicleInput vehicle,
			BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			redirect.addFlashAttribute("problem", "logistics.form.invalid");
			return "redirect:/logistics/runs";
		}
		try {
			this.fleet.addVehicle(user, vehicle);
			redirect.addFlashAttribute("notice", "logistics.vehicle.saved");
		}
		catch (LogisticsException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/logistics/runs";
	}

	@PostMapping("/logistics/vehicles/{id}/active")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String activateVehicle(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam boolean active, RedirectAttributes redirect) {
		try {
			this.fleet.activateVehicle(user, id, active);
			redirect.addFlashAttribute("notice", "logistics.vehicle.saved");
		}
		catch (LogisticsException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/logistics/runs";
	}

	@PostMapping("/logistics/inbound")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String addInbound(@AuthenticationPrincipal SignedInUser user, @RequestParam UUID stationId,
			@RequestParam String receiver, @RequestParam String description, @RequestParam String weightKg,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
			RedirectAttributes redirect) {
		try {
			Integer grams = ParcelPagesController.grams(weightKg);
			if (grams == null || receiver.isBlank() || description.isBlank() || receiver.length() > 60
					|| description.length() > 120) {
				throw new IllegalArgumentException();
			}
			this.fleet.addInbound(user, new InboundInput(stationId, receiver, description, grams, dueDate));
			redirect.addFlashAttribute("notice", "logistics.inbound.saved");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", "logistics.form.invalid");
		}
		catch (LogisticsException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/logistics/runs?day=" + dueDate;
	}

	@PostMapping("/logistics/matrix")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String uploadMatrix(@AuthenticationPrincipal SignedInUser user, @RequestParam("file") MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		try {
			int pairs = this.fleet.uploadMatrix(user, file.getBytes());
			redirect.addFlashAttribute("notice", "logistics.matrix.saved");
			redirect.addFlashAttribute("noticeArguments", new Object[] { pairs });
		}
		catch (LogisticsException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
			redirect.addFlashAttribute("problemArguments", resolvable(ex.arguments()));
		}
		return "redirect:/logistics/runs";
	}

	@PostMapping("/logistics/matrix/clear")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String clearMatrix(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		this.fleet.clearMatrix(user);
		redirect.addFlashAttribute("notice", "logistics.matrix.cleared");
		return "redirect:/logistics/runs";
	}

	@GetMapping("/logistics/rates")
	String rates(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("rates", this.rates.rates(user));
		return "logistics/rates";
	}

	@GetMapping("/logistics/rates.csv")
	ResponseEntity<byte[]> ratesFile(@AuthenticationPrincipal SignedInUser user) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("rates.csv").build().toString())
			.body(RateTableCsv.write(this.rates.rates(user)));
	}

	@PostMapping("/logistics/rates")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String uploadRates(@AuthenticationPrincipal SignedInUser user, @RequestParam("file") MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		try {
			RateManagement.Upload upload = this.rates.upload(user, file.getBytes());
			redirect.addFlashAttribute("notice", "logistics.rates.saved");
			redirect.addFlashAttribute("noticeArguments", new Object[] { upload.rates() });
			redirect.addFlashAttribute("rowProblems", upload.problems());
		}
		catch (LogisticsException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/logistics/rates";
	}

	@GetMapping("/logistics/exceptions")
	String exceptions(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("exceptions", this.tracking.exceptions(user));
		model.addAttribute("unmatched", (user.role() == Role.OPERATOR || user.role() == Role.ADMIN)
				? this.tracking.unmatched(user) : List.of());
		return "logistics/exceptions";
	}

	private Optional<StationView> scanStation(SignedInUser user, UUID chosen) {
		if (user.role() == Role.STATION) {
			return this.stations.ownStation(user);
		}
		return (chosen != null) ? this.stations.station(user, chosen) : Optional.empty();
	}

	/**
	 * Arguments for the page's message: a reason given as a message key (the matrix row's
	 * "logistics.matrix.station") is said in words, a row number without grouping.
	 */
	private static Object[] resolvable(Object[] arguments) {
		return java.util.Arrays.stream(arguments)
			.map(argument -> (argument instanceof String key && key.startsWith("logistics."))
					? new org.springframework.context.support.DefaultMessageSourceResolvable(key)
					: (argument instanceof Number number) ? number.toString() : argument)
			.toArray();
	}

	/** The next planned run's stops at the station (today's plan, else tomorrow's). */
	private List<RunView.RunStop> nextStops(SignedInUser user, UUID stationId, LocalDate today) {
		for (LocalDate day : List.of(today, today.plusDays(1))) {
			Optional<RunView> run = this.runs.run(user, day);
			if (run.isPresent()) {
				return run.get()
					.routes()
					.stream()
					.flatMap(route -> route.stops().stream())
					.filter(stop -> stop.stationId().equals(stationId))
					.toList();
			}
		}
		return List.of();
	}

}

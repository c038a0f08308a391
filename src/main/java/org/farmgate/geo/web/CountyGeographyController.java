package org.farmgate.geo.web;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.geo.GeoException;
import org.farmgate.geo.TownshipView;
import org.farmgate.geo.VillageImport;
import org.farmgate.geo.VillageView;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of the county's townships and villages: the list for everyone signed in;
 * creating, editing and importing for operators and administrators.
 */
@Controller
class CountyGeographyController {

	private static final String PREVIEW = "geo.villageImportPreview";

	private final CountyGeographyManagement geography;

	CountyGeographyController(CountyGeographyManagement geography) {
		this.geography = geography;
	}

	@GetMapping("/geo/villages")
	String list(@AuthenticationPrincipal SignedInUser user, Model model) {
		String county = user.scope().countyCode();
		model.addAttribute("countyCode", county);
		model.addAttribute("townships", this.geography.townships(county));
		model.addAttribute("villages", this.geography.villages(county));
		return "geo/villages";
	}

	@GetMapping("/geo/townships/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String newTownship(Model model) {
		model.addAttribute("form", PlaceForm.empty());
		return "geo/township-form";
	}

	@PostMapping("/geo/townships")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String createTownship(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") PlaceForm form,
			BindingResult result, RedirectAttributes redirect) {
		try {
			this.geography.createTownship(user.scope().countyCode(), form.toInput());
			redirect.addFlashAttribute("notice", "geo.saved");
			return "redirect:/geo/villages";
		}
		catch (GeoException ex) {
			ex.messageKeys().forEach(result::reject);
			return "geo/township-form";
		}
	}

	@GetMapping("/geo/townships/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String editTownship(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		TownshipView township = this.geography.township(user.scope().countyCode(), id).orElseThrow(NotFound::new);
		model.addAttribute("township", township);
		model.addAttribute("form", PlaceForm.of(township));
		return "geo/township-form";
	}

	@PostMapping("/geo/townships/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String updateTownship(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@ModelAttribute("form") PlaceForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		TownshipView township = this.geography.township(user.scope().countyCode(), id).orElseThrow(NotFound::new);
		try {
			this.geography.updateTownship(user.scope().countyCode(), id, form.toInput());
			redirect.addFlashAttribute("notice", "geo.saved");
			return "redirect:/geo/villages";
		}
		catch (GeoException ex) {
			ex.messageKeys().forEach(result::reject);
			model.addAttribute("township", township);
			return "geo/township-form";
		}
	}

	@GetMapping("/geo/villages/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String newVillage(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) UUID township,
			Model model) {
		model.addAttribute("form", new PlaceForm(township, "", "", "", "", "", ""));
		model.addAttribute("townships", this.geography.townships(user.scope().countyCode()));
		return "geo/village-form";
	}

	@PostMapping("/geo/villages")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String createVillage(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") PlaceForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasFieldErrors("townshipId")) {
			result.reject("geo.error.township-required");
			model.addAttribute("townships", this.geography.townships(user.scope().countyCode()));
			return "geo/village-form";
		}
		try {
			this.geography.createVillage(user.scope().countyCode(), form.townshipId(), form.toInput());
			redirect.addFlashAttribute("notice", "geo.saved");
			return "redirect:/geo/villages";
		}
		catch (GeoException ex) {
			ex.messageKeys().forEach(result::reject);
			model.addAttribute("townships", this.geography.townships(user.scope().countyCode()));
			return "geo/village-form";
		}
	}

	@GetMapping("/geo/villages/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String editVillage(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		VillageView village = this.geography.village(user.scope().countyCode(), id).orElseThrow(NotFound::new);
		model.addAttribute("village", village);
		model.addAttribute("form", PlaceForm.of(village));
		model.addAttribute("townships", this.geography.townships(user.scope().countyCode()));
		return "geo/village-form";
	}

	@PostMapping("/geo/villages/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String updateVillage(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@ModelAttribute("form") PlaceForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		VillageView village = this.geography.village(user.scope().countyCode(), id).orElseThrow(NotFound::new);
		if (result.hasFieldErrors("townshipId")) {
			result.reject("geo.error.township-required");
			model.addAttribute("village", village);
			model.addAttribute("townships", this.geography.townships(user.scope().countyCode()));
			return "geo/village-form";
		}
		try {
			this.geography.updateVillage(user.scope().countyCode(), id, form.townshipId(), form.toInput());
			redirect.addFlashAttribute("notice", "geo.saved");
			return "redirect:/geo/villages";
		}
		catch (GeoException ex) {
			ex.messageKeys().forEach(result::reject);
			model.addAttribute("village", village);
			model.addAttribute("townships", this.geography.townships(user.scope().countyCode()));
			return "geo/village-form";
		}
	}

	@GetMapping("/geo/villages/import")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String importForm() {
		return "geo/import";
	}

	/** Reads the file into a preview kept in the session; nothing is saved yet. */
	@PostMapping("/geo/villages/import")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String preview(@AuthenticationPrincipal SignedInUser user, @RequestParam("file") MultipartFile file,
			HttpSession session, Model model) throws IOException {
		if (file.isEmpty()) {
			model.addAttribute("problem", "geo.import.error.empty");
			return "geo/import";
		}
		if (org.farmgate.uploads.UploadSize.tooLarge(file.getSize())) {
			model.addAttribute("problem", "geo.import.error.too-large");
			return "geo/import";
		}
		VillageImport.Preview preview = this.geography.previewImport(user.scope().countyCode(),
				file.getOriginalFilename(), file.getBytes());
		if (preview.fileProblem() != null) {
			model.addAttribute("problem", preview.fileProblem());
			return "geo/import";
		}
		session.setAttribute(PREVIEW, preview);
		model.addAttribute("preview", preview);
		return "geo/import-preview";
	}

	@PostMapping("/geo/villages/import/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
	String confirm(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, HttpSession session,
			RedirectAttributes redirect) {
		Object stored = session.getAttribute(PREVIEW);
		if (!(stored instanceof VillageImport.Preview preview) || !preview.id().equals(id)
				|| !preview.countyCode().equals(user.scope().countyCode())) {
			redirect.addFlashAttribute("problem", "geo.import.error.expired");
			return "redirect:/geo/villages/import";
		}
		// removed first: a second click on the button must not import twice
		session.removeAttribute(PREVIEW);
		try {
			int saved = this.geography.importVillages(preview);
			redirect.addFlashAttribute("imported", saved);
			return "redirect:/geo/villages";
		}
		catch (GeoException ex) {
			redirect.addFlashAttribute("problem", ex.messageKeys().get(0));
			return "redirect:/geo/villages/import";
		}
	}

	/**
	 * A township or village that does not exist in the user's county.
	 */
	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NOT_FOUND)
	static class NotFound extends RuntimeException {

	}

}

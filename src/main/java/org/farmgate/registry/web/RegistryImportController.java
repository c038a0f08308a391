package org.farmgate.registry.web;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.RegistryImport;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk import of registry files (CSV or XLSX): upload, see every row checked, then import
 * the good rows.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
class RegistryImportController {

	private static final String PREVIEW = "registry.importPreview";

	private final RegistryImport imports;

	RegistryImportController(RegistryImport imports) {
		this.imports = imports;
	}

	@GetMapping("/registry/import")
	String form(Model model) {
		model.addAttribute("kinds", RegistryImport.Kind.values());
		return "registry/import";
	}

	@PostMapping("/registry/import")
	String preview(@AuthenticationPrincipal SignedInUser user, @RequestParam RegistryImport.Kind kind,
			@RequestParam("file") MultipartFile file, HttpSession session, Model model) throws IOException {
		model.addAttribute("kinds", RegistryImport.Kind.values());
		if (file.isEmpty()) {
			model.addAttribute("problem", "registry.import.error.empty");
			return "registry/import";
		}
		if (org.farmgate.uploads.UploadSize.tooLarge(file.getSize())) {
			model.addAttribute("problem", "upload.too-large");
			model.addAttribute("kind", kind);
			return "registry/import";
		}
		RegistryImport.Preview preview = this.imports.preview(user, kind, file.getOriginalFilename(), file.getBytes());
		if (preview.fileProblem() != null) {
			model.addAttribute("problem", preview.fileProblem());
			model.addAttribute("kind", kind);
			return "registry/import";
		}
		session.setAttribute(PREVIEW, preview);
		model.addAttribute("preview", preview);
		return "registry/import-preview";
	}

	@PostMapping("/registry/import/{id}")
	String apply(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, HttpSession session,
			RedirectAttributes redirect) {
		Object stored = session.getAttribute(PREVIEW);
		session.removeAttribute(PREVIEW);
		if (!(stored instanceof RegistryImport.Preview preview) || !preview.id().equals(id)
				|| !preview.countyCode().equals(user.scope().countyCode())) {
			redirect.addFlashAttribute("problem", "registry.import.error.expired");
			return "redirect:/registry/import";
		}
		int changed = this.imports.apply(user, preview);
		redirect.addFlashAttribute("imported", changed);
		return "redirect:/registry/import";
	}

}

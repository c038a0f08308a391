package org.farmgate.catalog.web;

import java.util.function.Supplier;

import org.farmgate.catalog.CatalogException;

import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one way a catalog form is handled: if the fields bound, make the change and
 * redirect with a notice (PRG); if they did not bind or the change was refused, show the
 * form again with the reason as a global error in the user's language.
 */
final class FormSubmission {

	private FormSubmission() {
	}

	/**
	 * @param change makes the change and answers where to redirect to
	 * @param again renders the page with the form again
	 */
	static String handle(BindingResult result, RedirectAttributes redirect, String notice, Supplier<String> change,
			Supplier<String> again) {
		if (result.hasErrors()) {
			result.reject("catalog.error.form-format");
			return again.get();
		}
		try {
			String target = change.get();
			redirect.addFlashAttribute("notice", notice);
			return "redirect:" + target;
		}
		catch (CatalogException ex) {
			result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
			return again.get();
		}
	}

}

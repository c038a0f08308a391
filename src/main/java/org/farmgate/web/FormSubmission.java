package org.farmgate.web;

import java.util.function.Supplier;

import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one way a page form is handled: if the fields bound, make the change and redirect
 * with a notice (PRG); if they did not bind, or the change was refused (a
 * {@link Refusal}), show the form again with the reason as a global error in the user's
 * language.
 */
public final class FormSubmission {

	private FormSubmission() {
	}

	/**
	 * @param formatKey the message when a field did not bind (a number that is not one)
	 * @param change makes the change and answers where to redirect to
	 * @param again renders the page with the form again
	 */
	public static String handle(BindingResult result, RedirectAttributes redirect, String formatKey, String notice,
			Supplier<String> change, Supplier<String> again) {
		if (result.hasErrors()) {
			result.reject(formatKey);
			return again.get();
		}
		try {
			String target = change.get();
			redirect.addFlashAttribute("notice", notice);
			return "redirect:" + target;
		}
		catch (RuntimeException ex) {
			if (!(ex instanceof Refusal refusal)) {
				throw ex;
			}
			result.reject(refusal.messageKey(), refusal.arguments(), refusal.messageKey());
			return again.get();
		}
	}

}

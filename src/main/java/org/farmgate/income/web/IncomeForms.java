package org.farmgate.income.web;

import java.util.function.Supplier;

import org.farmgate.income.IncomeException;

import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one way an income form is handled: if the fields bound, make the change and
 * redirect with a notice (PRG); if they did not bind or the change was refused, show the
 * form again with the reason in the user's language, nothing saved.
 */
final class IncomeForms {

	private IncomeForms() {
	}

	static String handle(BindingResult result, RedirectAttributes redirect, String notice, Supplier<String> change,
			Supplier<String> again) {
		if (result.hasErrors()) {
			result.reject("income.error.form-format");
			return again.get();
		}
		try {
			String target = change.get();
			redirect.addFlashAttribute("notice", notice);
			return "redirect:" + target;
		}
		catch (IncomeException ex) {
			result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
			return again.get();
		}
	}

}

package org.farmgate.accounts.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.farmgate.accounts.AccountException;
import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.SessionRefresh;
import org.farmgate.accounts.SignedInUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own page: who they are, changing their password, their API tokens.
 */
@Controller
class ProfileController {

	private final AccountManagement accounts;

	private final SessionRefresh sessions;

	ProfileController(AccountManagement accounts, SessionRefresh sessions) {
		this.accounts = accounts;
		this.sessions = sessions;
	}

	@GetMapping("/profile")
	String profile(@AuthenticationPrincipal SignedInUser user, Model model) {
		if (!model.containsAttribute("passwordForm")) {
			model.addAttribute("passwordForm", PasswordChangeForm.empty());
		}
		if (!model.containsAttribute("tokenForm")) {
			model.addAttribute("tokenForm", TokenForm.empty());
		}
		model.addAttribute("account", this.accounts.account(user.id()).orElseThrow());
		model.addAttribute("tokens", this.accounts.tokens(user.id()));
		return "accounts/profile";
	}

	@PostMapping("/profile/password")
	String changePassword(@AuthenticationPrincipal SignedInUser user,
			@Valid @ModelAttribute("passwordForm") PasswordChangeForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		if (!form.confirmed()) {
			result.rejectValue("confirmPassword", "accounts.error.password-mismatch");
		}
		if (!result.hasErrors()) {
			try {
				this.accounts.changeOwnPassword(user.id(), form.currentPassword(), form.newPassword());
				// the changed account would end this session as stale: keep it
				this.sessions.refresh(user, request, response);
				redirect.addFlashAttribute("notice", "profile.password.changed");
				return "redirect:/profile";
			}
			catch (AccountException ex) {
				result.reject(ex.messageKey());
			}
		}
		return profile(user, model);
	}

	@PostMapping("/profile/tokens")
	String issueToken(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("tokenForm") TokenForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return profile(user, model);
		}
		AccountManagement.IssuedToken issued = this.accounts.issueToken(user.id(), form.name());
		redirect.addFlashAttribute("issuedToken", issued);
		return "redirect:/profile";
	}

	@PostMapping("/profile/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			this.accounts.revokeToken(user.id(), id);
			redirect.addFlashAttribute("notice", "profile.tokens.revoked");
		}
		catch (AccountException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/profile";
	}

}

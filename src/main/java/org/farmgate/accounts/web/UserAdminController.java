package org.farmgate.accounts.web;

import org.farmgate.accounts.AccountException;
import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.AccountView;
import org.farmgate.accounts.AuditEntryView;
import org.farmgate.accounts.AuditLog;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SessionRefresh;
import org.farmgate.accounts.SignedInUser;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's pages to list, create, edit, disable and enable accounts and to
 * reset their passwords, and to read the audit log.
 */
@Controller
class UserAdminController {

	private static final int AUDIT_PAGE_SIZE = 50;

	private final AccountManagement accounts;

	private final AuditLog auditLog;

	private final SessionRefresh sessions;

	private final String defaultCountyCode;

	UserAdminController(AccountManagement accounts, AuditLog auditLog, SessionRefresh sessions,
			@Value("${farmgate.demo-county.code:520122}") String defaultCountyCode) {
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.sessions = sessions;
		this.defaultCountyCode = defaultCountyCode;
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@GetMapping("/admin/users")
	String list(Model model) {
		model.addAttribute("accounts", this.accounts.accounts());
		return "accounts/users";
	}

	@GetMapping("/admin/users/new")
	String newUser(Model model) {
		model.addAttribute("userForm", UserForm.empty(this.defaultCountyCode));
		return "accounts/user-form";
	}

	@PostMapping("/admin/users")
	String create(@Valid @ModelAttribute("userForm") UserForm form, BindingResult result, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				AccountView created = this.accounts.createAccount(form.username(), form.displayName(), form.role(),
						form.scope(), form.password());
				redirect.addFlashAttribute("notice", "admin.users.created");
				return "redirect:/admin/users/" + created.id();
			}
			catch (AccountException ex) {
				result.reject(ex.messageKey());
			}
		}
		return "accounts/user-form";
	}

	@GetMapping("/admin/users/{id}")
	String edit(@PathVariable UUID id, Model model) {
		AccountView account = this.accounts.account(id).orElseThrow(NotFound::new);
		if (!model.containsAttribute("userForm")) {
			model.addAttribute("userForm", UserForm.of(account));
		}
		model.addAttribute("account", account);
		model.addAttribute("resetForm", new PasswordResetForm(""));
		return "accounts/user-form";
	}

	@PostMapping("/admin/users/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("userForm") UserForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser admin, Model model, RedirectAttributes redirect,
			HttpServletRequest request, HttpServletResponse response) {
		AccountView account = this.accounts.account(id).orElseThrow(NotFound::new);
		if (!result.hasErrors()) {
			try {
				this.accounts.updateAccount(id, form.displayName(), form.role(), form.scope(), admin.id());
				if (id.equals(admin.id())) {
					this.sessions.refresh(admin, request, response);
				}
				redirect.addFlashAttribute("notice", "admin.users.saved");
				return "redirect:/admin/users/" + id;
			}
			catch (AccountException ex) {
				result.reject(ex.messageKey());
			}
		}
		model.addAttribute("account", account);
		model.addAttribute("resetForm", new PasswordResetForm(""));
		return "accounts/user-form";
	}

	@PostMapping("/admin/users/{id}/password")
	String resetPassword(@PathVariable UUID id, @Valid @ModelAttribute("resetForm") PasswordResetForm form,
			BindingResult result, @AuthenticationPrincipal SignedInUser admin, Model model, RedirectAttributes redirect,
			HttpServletRequest request, HttpServletResponse response) {
		AccountView account = this.accounts.account(id).orElseThrow(NotFound::new);
		if (!result.hasErrors()) {
			try {
				this.accounts.resetPassword(id, form.newPassword());
				if (id.equals(admin.id())) {
					this.sessions.refresh(admin, request, response);
				}
				redirect.addFlashAttribute("notice", "admin.users.password-reset");
				return "redirect:/admin/users/" + id;
			}
			catch (AccountException ex) {
				result.rejectValue("newPassword", ex.messageKey());
			}
		}
		model.addAttribute("account", account);
		model.addAttribute("userForm", UserForm.of(account));
		return "accounts/user-form";
	}

	@PostMapping("/admin/users/{id}/enabled")
	String setEnabled(@PathVariable UUID id, @RequestParam boolean enabled, @AuthenticationPrincipal SignedInUser admin,
			RedirectAttributes redirect) {
		this.accounts.account(id).orElseThrow(NotFound::new);
		try {
			if (enabled) {
				this.accounts.enableAccount(id);
				redirect.addFlashAttribute("notice", "admin.users.enabled");
			}
			else {
				this.accounts.disableAccount(id, admin.id());
				redirect.addFlashAttribute("notice", "admin.users.disabled");
			}
		}
		catch (AccountException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/admin/users/" + id;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(defaultValue = "0") int page, Model model) {
		int current = Math.max(0, page);
		List<AuditEntryView> entries = this.auditLog.page(current, AUDIT_PAGE_SIZE);
		model.addAttribute("entries", entries.subList(0, Math.min(entries.size(), AUDIT_PAGE_SIZE)));
		model.addAttribute("page", current);
		model.addAttribute("hasNext", entries.size() > AUDIT_PAGE_SIZE);
		return "accounts/audit";
	}

	/**
	 * An account id that does not exist: answered with the 404 page.
	 */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class NotFound extends RuntimeException {

	}

}

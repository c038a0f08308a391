package org.farmgate.accounts.web;

import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.AccountView;
import org.farmgate.accounts.DataScope;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The accounts API: {@code GET /api/v1/me} says who the caller is, with role and data
 * scope; {@code GET /api/v1/users} lists the accounts (administrators only).
 */
@RestController
class AccountApiController {

	private final AccountManagement accounts;

	AccountApiController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/v1/me")
	MeView me(@AuthenticationPrincipal SignedInUser user) {
		return new MeView(user.id(), user.getUsername(), user.displayName(), user.role(), user.scope());
	}

	@GetMapping("/api/v1/users")
	@PreAuthorize("hasRole('ADMIN')")
	List<AccountView> users() {
		return this.accounts.accounts();
	}

	/**
	 * The signed-in user as the API shows it.
	 */
	record MeView(UUID id, String username, String displayName, Role role, DataScope scope) {
	}

}

package org.farmgate.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps the current user's session after a change to their own account (a new password, a
 * new name), which would otherwise end it as a stale session.
 */
@Component
public class SessionRefresh {

	private final AccountManagement accounts;

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	SessionRefresh(AccountManagement accounts) {
		this.accounts = accounts;
	}

	public void refresh(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
		SignedInUser fresh = this.accounts.reload(user.id());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.repository.saveContext(context, request, response);
	}

}

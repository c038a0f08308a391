package org.farmgate.accounts;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a username and password (form login and HTTP Basic alike) unless the pair of
 * username and address is throttled; counts the attempt first and writes failures to the
 * audit log.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	private final AuditLog auditLog;

	ThrottlingAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, AuditLog auditLog) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.auditLog = auditLog;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		if (!this.throttle.tryAttempt(username, address)) {
			this.auditLog.record(LoginThrottle.key(username), "LOGIN_THROTTLED", null, address);
			throw new LoginThrottledException();
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.succeeded(username, address);
			return result;
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(username, address);
			this.auditLog.record(LoginThrottle.key(username), "LOGIN_FAILED", null, address);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}

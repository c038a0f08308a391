package org.farmgate.accounts;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused without checking the password because of too many recent failures.
 */
class LoginThrottledException extends AuthenticationException {

	LoginThrottledException() {
		super("Too many failed sign-in attempts; try again in 15 minutes");
	}

}

package org.farmgate.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks accounts up for Spring Security's sign-in.
 */
@Component
class AccountDirectory implements UserDetailsService {

	private final UserAccountRepository accounts;

	AccountDirectory(UserAccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findByUsername(UserAccount.normalizeUsername(username))
			.map(UserAccount::toSignedInUser)
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

}

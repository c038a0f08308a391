package org.farmgate.orders;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who works on orders: merchants (their organisation's) and the county's operators and
 * administrators. Analysts read; the other roles see no orders.
 */
final class OrderRoles {

	private OrderRoles() {
	}

	/**
	 * @throws AccessDeniedException unless the user may work on orders
	 */
	static void requireWriter(SignedInUser user, String what) {
		if (user.role() != Role.MERCHANT && user.role() != Role.OPERATOR && user.role() != Role.ADMIN) {
			throw new AccessDeniedException("role " + user.role() + " " + what);
		}
	}

}

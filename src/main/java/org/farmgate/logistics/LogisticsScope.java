package org.farmgate.logistics;

import java.util.UUID;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what in logistics: operators and admins run the county's network (stations,
 * vans, rates, runs); merchants pack and ship their own organisation's parcels; station
 * staff scan parcels at their own station and see what passes through it; analysts read.
 */
final class LogisticsScope {

	private LogisticsScope() {
	}

	static void requireNetworkManager(SignedInUser user) {
		if (user.role() != Role.ADMIN && user.role() != Role.OPERATOR) {
			throw new AccessDeniedException("role " + user.role() + " does not manage the logistics network");
		}
	}

	static void requireReader(SignedInUser user) {
		if (user.role() == Role.TRAINER) {
			throw new AccessDeniedException("role " + user.role() + " does not read logistics");
		}
	}

	static void requireShipper(SignedInUser user) {
		switch (user.role()) {
			case ADMIN, OPERATOR, MERCHANT -> {
			}
			default -> throw new AccessDeniedException("role " + user.role() + " does not ship parcels");
		}
	}

	/** Whether the user may scan at this station: its own staff, or the county's. */
	static void requireScanner(SignedInUser user, UUID stationId) {
		switch (user.role()) {
			case ADMIN, OPERATOR -> {
			}
			case STATION -> {
				if (!stationId.equals(user.scope().stationId())) {
					throw new AccessDeniedException("station staff scan at their own station only");
				}
			}
			default -> throw new AccessDeniedException("role " + user.role() + " does not scan parcels");
		}
	}

}

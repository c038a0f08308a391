package org.farmgate.catalog;

import java.util.UUID;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.RegistryManagement;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees and changes which catalog records: a merchant its own organisation's,
 * operators and administrators their county's, analysts read the county; anything outside
 * the scope is reported as not found.
 */
@Component
class CatalogScope {

	private final RegistryManagement registry;

	CatalogScope(RegistryManagement registry) {
		this.registry = registry;
	}

	boolean reads(SignedInUser user) {
		return switch (user.role()) {
			case ADMIN, OPERATOR, ANALYST, MERCHANT -> true;
			case STATION, TRAINER -> false;
		};
	}

	void requireReader(SignedInUser user) {
		if (!reads(user)) {
			throw new AccessDeniedException("role " + user.role() + " does not read the catalog");
		}
	}

	void requireWriter(SignedInUser user) {
		if (user.role() != Role.ADMIN && user.role() != Role.OPERATOR && user.role() != Role.MERCHANT) {
			throw new AccessDeniedException("role " + user.role() + " reads only");
		}
	}

	/**
	 * The records a reader may see: the organisation's for a merchant (none without one),
	 * the county's for the county's staff.
	 */
	<T> java.util.List<T> within(SignedInUser user, java.util.function.Function<UUID, java.util.List<T>> byOrganisation,
			java.util.function.Function<String, java.util.List<T>> byCounty) {
		requireReader(user);
		if (user.role() == Role.MERCHANT) {
			UUID own = user.scope().organisationId();
			return (own != null) ? byOrganisation.apply(own) : java.util.List.of();
		}
		return byCounty.apply(user.scope().countyCode());
	}

	/** Whether a record of this organisation and county is within the user's scope. */
	boolean sees(SignedInUser user, UUID organisationId, String countyCode) {
		if (!reads(user)) {
			return false;
		}
		if (user.role() == Role.MERCHANT) {
			return organisationId.equals(user.scope().organisationId());
		}
		return countyCode.equals(user.scope().countyCode());
	}

	/**
	 * The organisation a new record goes to: a merchant's own (whatever it asked for), or
	 * the one an operator named, in its county.
	 */
	OrganisationView organisationFor(SignedInUser user, UUID requested) {
		requireWriter(user);
		UUID id = requested;
		if (user.role() == Role.MERCHANT) {
			id = user.scope().organisationId();
			if (id == null) {
				throw CatalogException.because("catalog.error.no-organisation");
			}
			if (requested != null && !requested.equals(id)) {
				throw CatalogException.notFound();
			}
		}
		if (id == null) {
			throw CatalogException.because("catalog.error.organisation-required");
		}
		return this.registry.organisation(user, id).orElseThrow(CatalogException::notFound);
	}

}

package org.farmgate.income;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.HouseholdEntry;
import org.farmgate.registry.HouseholdManagement;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.RegistryManagement;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees and records which income: a merchant its own organisation's records, about its
 * organisation's member households; operators and administrators the county's, for any
 * organisation of it; analysts read the county; stations and trainers nothing. Anything
 * outside the scope is reported as not found.
 */
@Component
class IncomeScope {

	/** Dates are the county's: a purchase at 7 a.m. in Guizhou is today's, not UTC's. */
	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final RegistryManagement registry;

	private final HouseholdManagement households;

	private final Clock clock;

	IncomeScope(RegistryManagement registry, HouseholdManagement households, Clock clock) {
		this.registry = registry;
		this.households = households;
		this.clock = clock;
	}

	static boolean reads(SignedInUser user) {
		return switch (user.role()) {
			case ADMIN, OPERATOR, ANALYST, MERCHANT -> true;
			case STATION, TRAINER -> false;
		};
	}

	void requireReader(SignedInUser user) {
		if (!reads(user)) {
			throw new AccessDeniedException("role " + user.role() + " does not read income");
		}
	}

	void requireWriter(SignedInUser user) {
		if (user.role() != Role.ADMIN && user.role() != Role.OPERATOR && user.role() != Role.MERCHANT) {
			throw new AccessDeniedException("role " + user.role() + " reads only");
		}
	}

	/** The county's staff: the views per village and county, and the exports. */
	void requireCountyReader(SignedInUser user) {
		if (user.role() != Role.ADMIN && user.role() != Role.OPERATOR && user.role() != Role.ANALYST) {
			throw new AccessDeniedException("role " + user.role() + " does not read the county's income");
		}
	}

	/**
	 * The organisation whose records the user is limited to; null for the county's staff.
	 */
	static UUID ownOrganisation(SignedInUser user) {
		if (user.role() != Role.MERCHANT) {
			return null;
		}
		UUID own = user.scope().organisationId();
		// a merchant without an organisation sees nothing: an id no record has
		return (own != null) ? own : new UUID(0, 0);
	}

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
		UUID id = (user.role() == Role.MERCHANT) ? user.scope().organisationId() : requested;
		if (id == null) {
			throw IncomeException
				.because((user.role() == Role.MERCHANT) ? "income.error.no-organisation" : "income.error.organisation");
		}
		return this.registry.organisation(user, id)
			.filter(organisation -> organisation.countyCode().equals(user.scope().countyCode()))
			.orElseThrow(() -> IncomeException.because("income.error.organisation"));
	}

	/**
	 * The household a record is about: one the user sees, in the organisation's county.
	 */
	HouseholdEntry householdFor(SignedInUser user, UUID householdId, OrganisationView organisation) {
		if (householdId == null) {
			throw IncomeException.because("income.error.household-missing");
		}
		HouseholdEntry household = this.households.entries(user, java.util.List.of(householdId)).get(householdId);
		if (household == null || !household.countyCode().equals(organisation.countyCode())) {
			throw IncomeException.because("income.error.household");
		}
		return household;
	}

	/** The households among these ids that the user sees. */
	java.util.Map<UUID, HouseholdEntry> households(SignedInUser user, java.util.Collection<UUID> ids) {
		return this.households.entries(user, ids);
	}

	/** The member households of an organisation (the user's view of them). */
	java.util.List<HouseholdEntry> members(SignedInUser user, UUID organisationId) {
		return this.households.membersOf(user, organisationId);
	}

	/**
	 * The village of a household for an event, whoever records it (a reversal carries the
	 * village of the record it reverses even if the household has left the organisation).
	 */
	UUID villageOf(UUID householdId) {
		return this.households.villagesOf(java.util.List.of(householdId)).get(householdId);
	}

	/**
	 * A year a list is filtered by, or none.
	 * @throws IncomeException for a year no record can have
	 */
	static Integer listYear(Integer year) {
		if (year != null && (year < 2000 || year > 2100)) {
			throw because("income.error.year-shown-list");
		}
		return year;
	}

	/** The row a page of a list starts at. */
	static long offset(int page, int size) {
		if (page < 0 || page > 100_000) {
			throw because("income.error.page");
		}
		return (long) page * size;
	}

	private static IncomeException because(String key) {
		return IncomeException.because(key);
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(CHINA));
	}

	/** A date a record may carry: not in the future, not more than ten years back. */
	void checkDate(LocalDate date, String messageKey) {
		LocalDate today = today();
		if (date == null || date.isAfter(today) || date.isBefore(today.minusYears(10))) {
			throw IncomeException.because(messageKey, today);
		}
	}

	static String reason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw IncomeException.because("income.error.reason");
		}
		if (reason.strip().length() > 200) {
			throw IncomeException.because("income.error.too-long");
		}
		return reason.strip();
	}

}

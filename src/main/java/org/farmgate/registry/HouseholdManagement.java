package org.farmgate.registry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.geo.CountyGeographyManagement;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers farmer households and their membership of organisations, within the caller's
 * scope: a merchant sees and registers only its own organisation's member households
 * (another household is "not found"); operators work on the county; analysts read.
 */
@Service
@Transactional
public class HouseholdManagement {

	private final HouseholdRepository households;

	private final OrganisationRepository organisations;

	private final CountyGeographyManagement geography;

	private final Clock clock;

	HouseholdManagement(HouseholdRepository households, OrganisationRepository organisations,
			CountyGeographyManagement geography, Clock clock) {
		this.households = households;
		this.organisations = organisations;
		this.geography = geography;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<HouseholdView> households(SignedInUser user) {
		RegistryManagement.requireReader(user);
		List<Household> found;
		if (user.role() == Role.MERCHANT) {
			UUID own = user.scope().organisationId();
			found = (own != null) ? this.households.findByOrganisation(own) : List.of();
		}
		else {
			found = this.households.findByCounty(user.scope().countyCode());
		}
		return found.stream().map(household -> view(user, household)).toList();
	}

	@Transactional(readOnly = true)
	public Optional<HouseholdView> household(SignedInUser user, UUID id) {
		return visible(user, id).map(household -> view(user, household));
	}

	/** A merchant sees its own organisation among the household's, not the others. */
	private static HouseholdView view(SignedInUser user, Household household) {
		HouseholdView view = household.toView();
		if (user.role() != Role.MERCHANT) {
			return view;
		}
		return new HouseholdView(view.id(), view.countyCode(), view.headName(), view.members(), view.villageId(),
				view.maskedPhone(), view.maskedNationalId(), view.disadvantaged(), view.disadvantagedSince(),
				view.disadvantagedLifted(), view.baselineIncome(),
				view.organisationIds()
					.stream()
					.filter(id -> id.equals(user.scope().organisationId()))
					.collect(java.util.stream.Collectors.toUnmodifiableSet()));
	}

	/**
	 * Registers a household; one registered by a merchant becomes a member of the
	 * merchant's organisation.
	 */
	public HouseholdView register(SignedInUser user, HouseholdInput input) {
		requireWriter(user);
		String county = user.scope().countyCode();
		check(county, input);
		if (this.households.findByNationalId(NationalId.normalize(input.nationalId())).isPresent()) {
			// to a merchant, the answer must not tell whether someone is registered
			// elsewhere: the operations centre adds an existing household
			throw RegistryException.because((user.role() == Role.MERCHANT) ? "registry.error.household-by-operator"
					: "registry.error.national-id-taken");
		}
		Household household = Household.register(county, input);
		if (user.role() == Role.MERCHANT) {
			UUID own = user.scope().organisationId();
			if (own == null) {
				throw RegistryException.because("registry.error.no-organisation");
			}
			household.join(own);
		}
		this.households.save(household);
		return household.toView();
	}

	/**
	 * Changes a household; an ID number or phone left blank keeps the one on record
	 * (pages show them masked, so they cannot be sent back unchanged).
	 */
	public HouseholdView update(SignedInUser user, UUID id, HouseholdInput input) {
		requireWriter(user);
		Household household = visible(user, id).orElseThrow(RegistryException::notFound);
		if (user.role() == Role.MERCHANT && household.toView().organisationIds().size() > 1) {
			// shared with another organisation: only the operations centre changes it
			throw RegistryException.because("registry.error.household-by-operator");
		}
		input = household.keepingUnsaid(input);
		check(household.countyCode(), input);
		Optional<Household> sameId = this.households.findByNationalId(NationalId.normalize(input.nationalId()));
		if (sameId.isPresent() && !sameId.get().id().equals(id)) {
			throw RegistryException.because((user.role() == Role.MERCHANT) ? "registry.error.household-by-operator"
					: "registry.error.national-id-taken");
		}
		household.change(input);
		this.households.save(household);
		return household.toView();
	}

	/** An operator records that a household is a member of an organisation. */
	public HouseholdView join(SignedInUser user, UUID householdId, UUID organisationId) {
		if (user.role() != Role.OPERATOR && user.role() != Role.ADMIN) {
			throw new AccessDeniedException("only operators record memberships");
		}
		Household household = visible(user, householdId).orElseThrow(RegistryException::notFound);
		this.organisations.findById(organisationId)
			.filter(organisation -> organisation.countyCode().equals(household.countyCode()))
			.orElseThrow(RegistryException::notFound);
		household.join(organisationId);
		this.households.save(household);
		return household.toView();
	}

	/**
	 * The villages of households, for pages that show where goods came from without
	 * saying who supplied them (the public trace page): no personal data.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, UUID> villagesOf(java.util.Collection<UUID> householdIds) {
		java.util.Map<UUID, UUID> villages = new java.util.HashMap<>();
		this.households.findAllById(householdIds).forEach(household -> {
			UUID village = household.toView().villageId();
			if (village != null) {
				villages.put(household.id(), village);
			}
		});
		return villages;
	}

	private Optional<Household> visible(SignedInUser user, UUID id) {
		if (id == null || !RegistryManagement.readsRegistry(user)) {
			return Optional.empty();
		}
		Optional<Household> household = this.households.findById(id);
		if (user.role() == Role.MERCHANT) {
			UUID own = user.scope().organisationId();
			return household.filter(candidate -> own != null && candidate.memberOf(own));
		}
		return household.filter(candidate -> candidate.countyCode().equals(user.scope().countyCode()));
	}

	private void check(String county, HouseholdInput input) {
		if (input.headName() == null || input.headName().isBlank() || input.headName().strip().length() > 50) {
			throw RegistryException.because("registry.error.head-name");
		}
		if (input.members() == null || input.members() < 1 || input.members() > 50) {
			throw RegistryException.because("registry.error.members");
		}
		if (!NationalId.isValid(input.nationalId())) {
			throw RegistryException.because("registry.error.national-id");
		}
		if (input.phone() != null && !input.phone().isBlank() && !input.phone().strip().matches("[0-9+\\- ]{5,20}")) {
			throw RegistryException.because("registry.error.phone");
		}
		if (input.villageId() != null && this.geography.village(county, input.villageId()).isEmpty()) {
			throw RegistryException.because("registry.error.village");
		}
		int thisYear = Year.now(this.clock).getValue();
		if (input.isDisadvantaged() && (!year(input.disadvantagedSince(), thisYear)
				|| (input.disadvantagedLifted() != null && (!year(input.disadvantagedLifted(), thisYear)
						|| input.disadvantagedLifted() < input.disadvantagedSince())))) {
			throw RegistryException.because("registry.error.disadvantaged-years");
		}
		BigDecimal income = input.baselineIncome();
		if (income != null && (income.signum() < 0 || income.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0
				|| income.scale() > 2)) {
			throw RegistryException.because("registry.error.income");
		}
	}

	private static boolean year(Integer year, int thisYear) {
		return year != null && year >= 1980 && year <= thisYear;
	}

	private static void requireWriter(SignedInUser user) {
		if (user.role() != Role.OPERATOR && user.role() != Role.ADMIN && user.role() != Role.MERCHANT) {
			throw new AccessDeniedException("role " + user.role() + " reads only");
		}
	}

}

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

	private final RegistryEvents events;

	private final HouseholdRepository households;

	private final OrganisationRepository organisations;

	private final CountyGeographyManagement geography;

	private final Clock clock;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	HouseholdManagement(HouseholdRepository households, OrganisationRepository organisations,
			CountyGeographyManagement geography, Clock clock, org.springframework.jdbc.core.simple.JdbcClient jdbc,
			RegistryEvents events) {
		this.events = events;
		this.households = households;
		this.organisations = organisations;
		this.geography = geography;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * The households the user sees (a merchant its organisation's members, the county's
	 * staff the county's), in one query and without memberships: for pickers and
	 * roll-ups.
	 */
	@Transactional(readOnly = true)
	public List<HouseholdEntry> directory(SignedInUser user) {
		RegistryManagement.requireReader(user);
		if (user.role() == Role.MERCHANT) {
			UUID own = user.scope().organisationId();
			if (own == null) {
				return List.of();
			}
			return this.jdbc.sql(ENTRY + """
					WHERE h.id IN (SELECT household_id FROM registry_household_membership WHERE organisation_id = ?)
					ORDER BY h.head_name, h.id""").param(own).query(HouseholdManagement::entry).list();
		}
		return this.jdbc.sql(ENTRY + " WHERE h.county_code = ? ORDER BY h.head_name, h.id")
			.param(user.scope().countyCode())
			.query(HouseholdManagement::entry)
			.list();
	}

	/**
	 * The member households of an organisation the user sees (a merchant only its own).
	 */
	@Transactional(readOnly = true)
	public List<HouseholdEntry> membersOf(SignedInUser user, UUID organisationId) {
		RegistryManagement.requireReader(user);
		if (user.role() == Role.MERCHANT && !organisationId.equals(user.scope().organisationId())) {
			return List.of();
		}
		return this.jdbc.sql(ENTRY + """
				WHERE h.county_code = ? AND h.id IN
				      (SELECT household_id FROM registry_household_membership WHERE organisation_id = ?)
				ORDER BY h.head_name, h.id""")
			.params(user.scope().countyCode(), organisationId)
			.query(HouseholdManagement::entry)
			.list();
	}

	/**
	 * The organisation each of the county's member households belongs to (the first by id
	 * when several), in one query, for the county's staff.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, UUID> organisationOfMembers(SignedInUser user) {
		RegistryManagement.requireReader(user);
		if (user.role() == Role.MERCHANT) {
			throw new AccessDeniedException("the county's memberships are for its staff");
		}
		java.util.Map<UUID, UUID> found = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT DISTINCT ON (m.household_id) m.household_id, m.organisation_id
				FROM registry_household_membership m JOIN registry_household h ON h.id = m.household_id
				WHERE h.county_code = ? ORDER BY m.household_id, m.organisation_id""")
			.param(user.scope().countyCode())
			.query((rs, row) -> found.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list();
		return found;
	}

	/** The households among these ids that the user sees. */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, HouseholdEntry> entries(SignedInUser user, java.util.Collection<UUID> ids) {
		RegistryManagement.requireReader(user);
		java.util.Map<UUID, HouseholdEntry> found = new java.util.LinkedHashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		UUID[] wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toArray(UUID[]::new);
		List<HouseholdEntry> entries;
		if (user.role() == Role.MERCHANT) {
			UUID own = user.scope().organisationId();
			entries = (own == null) ? List.of()
					: this.jdbc.sql(ENTRY + """
							WHERE h.id = ANY(?) AND h.id IN
							      (SELECT household_id FROM registry_household_membership WHERE organisation_id = ?)""")
						.params(wanted, own)
						.query(HouseholdManagement::entry)
						.list();
		}
		else {
			entries = this.jdbc.sql(ENTRY + " WHERE h.id = ANY(?) AND h.county_code = ?")
				.params(wanted, user.scope().countyCode())
				.query(HouseholdManagement::entry)
				.list();
		}
		entries.forEach(entry -> found.put(entry.id(), entry));
		return found;
	}

	/**
	 * Whether the user's role may see full ID numbers: the operations centre and
	 * administrators, who report to the poverty-alleviation office; nobody else.
	 */
	public static boolean seesFullNationalIds(SignedInUser user) {
		return user.role() == Role.OPERATOR || user.role() == Role.ADMIN;
	}

	/**
	 * The full ID numbers of the county's households among these ids, for a role that may
	 * see them. The caller records the disclosure in the audit log.
	 * @throws AccessDeniedException for any other role
	 */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, String> nationalIds(SignedInUser user, java.util.Collection<UUID> ids) {
		if (!seesFullNationalIds(user)) {
			throw new AccessDeniedException("role " + user.role() + " does not see full ID numbers");
		}
		java.util.Map<UUID, String> found = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.jdbc.sql("SELECT id, national_id FROM registry_household WHERE id = ANY(?) AND county_code = ?")
			.params(ids.toArray(UUID[]::new), user.scope().countyCode())
			.query((rs, row) -> found.put(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
		return found;
	}

	private static final String ENTRY = """
			SELECT h.id, h.county_code, h.head_name, h.members, h.village_id, h.disadvantaged, h.phone, h.national_id
			FROM registry_household h
			""";

	private static HouseholdEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new HouseholdEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
				rs.getObject(5, UUID.class), rs.getBoolean(6), PhoneNumber.masked(rs.getString(7)),
				NationalId.masked(rs.getString(8)));
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
		this.events.publishEvent(HouseholdRecorded.of(household.toView()));
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
		this.events.publishEvent(HouseholdRecorded.of(household.toView()));
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
		this.events.publishEvent(HouseholdRecorded.of(household.toView()));
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

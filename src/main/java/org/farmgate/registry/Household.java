package org.farmgate.registry;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A farmer household (农户): its head, members, village, whether it is a registered
 * disadvantaged household and from when to when, and the organisations it belongs to.
 */
@Table("registry_household")
class Household {

	@Id
	private final UUID id;

	private final String countyCode;

	private String headName;

	private int members;

	private UUID villageId;

	private String phone;

	private String nationalId;

	private boolean disadvantaged;

	private Integer disadvantagedSince;

	private Integer disadvantagedLifted;

	private BigDecimal baselineIncome;

	@MappedCollection(idColumn = "household_id")
	private Set<Membership> memberships;

	@Version
	private Integer version;

	@PersistenceCreator
	Household(UUID id, String countyCode, String headName, int members, UUID villageId, String phone, String nationalId,
			boolean disadvantaged, Integer disadvantagedSince, Integer disadvantagedLifted, BigDecimal baselineIncome,
			Set<Membership> memberships, Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.headName = headName;
		this.members = members;
		this.villageId = villageId;
		this.phone = phone;
		this.nationalId = nationalId;
		this.disadvantaged = disadvantaged;
		this.disadvantagedSince = disadvantagedSince;
		this.disadvantagedLifted = disadvantagedLifted;
		this.baselineIncome = baselineIncome;
		this.memberships = new HashSet<>(memberships);
		this.version = version;
	}

	static Household register(String countyCode, HouseholdInput input) {
		Household household = new Household(UUID.randomUUID(), countyCode, null, 1, null, null, null, false, null, null,
				null, Set.of(), null);
		household.change(input);
		return household;
	}

	void change(HouseholdInput input) {
		this.headName = input.headName().strip();
		this.members = input.members();
		this.villageId = input.villageId();
		this.phone = (input.phone() == null || input.phone().isBlank()) ? null : input.phone().strip();
		this.nationalId = NationalId.normalize(input.nationalId());
		this.disadvantaged = input.isDisadvantaged();
		this.disadvantagedSince = input.isDisadvantaged() ? input.disadvantagedSince() : null;
		this.disadvantagedLifted = input.isDisadvantaged() ? input.disadvantagedLifted() : null;
		this.baselineIncome = input.baselineIncome();
	}

	/** The input with a blank ID number or phone replaced by the one on record. */
	HouseholdInput keepingUnsaid(HouseholdInput input) {
		return new HouseholdInput(input.headName(), input.members(), input.villageId(),
				blank(input.phone()) ? this.phone : input.phone(),
				blank(input.nationalId()) ? this.nationalId : input.nationalId(), input.disadvantaged(),
				input.disadvantagedSince(), input.disadvantagedLifted(), input.baselineIncome());
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	void join(UUID organisationId) {
		this.memberships.add(new Membership(organisationId));
	}

	boolean memberOf(UUID organisationId) {
		return this.memberships.contains(new Membership(organisationId));
	}

	UUID id() {
		return this.id;
	}

	String countyCode() {
		return this.countyCode;
	}

	HouseholdView toView() {
		return new HouseholdView(this.id, this.countyCode, this.headName, this.members, this.villageId,
				PhoneNumber.masked(this.phone), NationalId.masked(this.nationalId), this.disadvantaged,
				this.disadvantagedSince, this.disadvantagedLifted, this.baselineIncome,
				this.memberships.stream().map(Membership::organisationId).collect(Collectors.toUnmodifiableSet()));
	}

}

package org.farmgate.income;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.DataScope;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.AdmissionStatus;
import org.farmgate.registry.CreditCode;
import org.farmgate.registry.HouseholdInput;
import org.farmgate.registry.HouseholdManagement;
import org.farmgate.registry.HouseholdView;
import org.farmgate.registry.NationalId;
import org.farmgate.registry.OrganisationInput;
import org.farmgate.registry.OrganisationType;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.SalesModel;

import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the income tests set up of their own, so that the demo county's income does not
 * disturb their figures: approved organisations of a run's suffix, a merchant account for
 * one, and farmer households with valid ID numbers (GB 11643) that no one else uses.
 */
final class IncomeFixtures {

	static final String PASSWORD = "income-test-pass";

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/**
	 * ID numbers of people born 2000–2019: the demo registry and the registry tests use
	 * earlier birth years. One counter for every test class of the JVM.
	 */
	private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(3_000_000));

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private final RegistryManagement registry;

	private final HouseholdManagement households;

	private final AccountManagement accounts;

	private final UserDetailsService users;

	final SignedInUser operator;

	final String suffix;

	IncomeFixtures(RegistryManagement registry, HouseholdManagement households, AccountManagement accounts,
			UserDetailsService users) {
		this.registry = registry;
		this.households = households;
		this.accounts = accounts;
		this.users = users;
		this.operator = (SignedInUser) users.loadUserByUsername("operator");
		this.suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
	}

	/** Today in the county (Asia/Shanghai), whatever the JVM's zone. */
	static LocalDate today() {
		return LocalDate.now(CHINA);
	}

	/** An organisation of the demo county, registered and approved by the operator. */
	OrganisationView approved(OrganisationType type, String name, char tag) {
		String first17 = "93520122" + this.suffix + tag;
		String code = "0123456789ABCDEFGHJKLMNPQRTUWXY".chars()
			.mapToObj(check -> first17 + (char) check)
			.filter(CreditCode::isValid)
			.findFirst()
			.orElseThrow();
		OrganisationView view = this.registry.registerOrganisation(this.operator, new OrganisationInput(type,
				name + " " + this.suffix, code, null, null, null, SalesModel.FARMERS_FACILITIES_SHOPS));
		return this.registry.review(this.operator, view.id(), AdmissionStatus.APPROVED, null);
	}

	/** A merchant account of the organisation, signed in. */
	SignedInUser merchant(String name, UUID organisationId) {
		String username = "income-" + name + "-" + this.suffix.toLowerCase();
		this.accounts.createAccount(username, username, Role.MERCHANT, new DataScope("520122", organisationId, null),
				PASSWORD);
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername(username);
		assertThat(merchant.scope().organisationId()).isEqualTo(organisationId);
		return merchant;
	}

	/** An operator of another county (开阳县, 520121), signed in. */
	SignedInUser operatorOf(String countyCode) {
		String username = "income-operator-" + countyCode + "-" + this.suffix.toLowerCase();
		this.accounts.createAccount(username, username, Role.OPERATOR, DataScope.county(countyCode), PASSWORD);
		return (SignedInUser) this.users.loadUserByUsername(username);
	}

	/** A household of the user's county, not a member of any organisation. */
	HouseholdView household(SignedInUser user, String headName, boolean disadvantaged) {
		return household(user, headName, null, disadvantaged);
	}

	/**
	 * A household of the user's county in the village, not a member of any organisation.
	 */
	HouseholdView household(SignedInUser user, String headName, UUID villageId, boolean disadvantaged) {
		String division = user.scope().countyCode();
		HouseholdInput input = new HouseholdInput(headName, 3, villageId, null, idNumber(division), disadvantaged,
				disadvantaged ? Integer.valueOf(2016) : null, null, null);
		return this.households.register(user, input);
	}

	/**
	 * A household of the demo county, without a village, a member of the organisation.
	 */
	HouseholdView member(String headName, UUID organisationId) {
		return member(headName, organisationId, null, false);
	}

	/** A household of the demo county that is a member of the organisation. */
	HouseholdView member(String headName, UUID organisationId, UUID villageId, boolean disadvantaged) {
		HouseholdView household = household(this.operator, headName, villageId, disadvantaged);
		return this.households.join(this.operator, household.id(), organisationId);
	}

	/** A fresh ID number of someone born in the division, with its check character. */
	static String idNumber(String division) {
		int sequence = SEQUENCE.incrementAndGet();
		LocalDate born = LocalDate.of(2000, 1, 1).plusDays((sequence / 1000) % 7300);
		String first17 = division + born.format(DateTimeFormatter.BASIC_ISO_DATE)
				+ String.format("%03d", sequence % 1000);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		String number = first17 + "10X98765432".charAt(sum % 11);
		assertThat(NationalId.isValid(number)).as(number).isTrue();
		return number;
	}

}

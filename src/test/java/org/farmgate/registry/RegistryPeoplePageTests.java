package org.farmgate.registry;

import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.geo.VillageView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A household's and an entrepreneur's own page and the form that changes them: what is
 * kept when a masked field is left blank, memberships, and the merchant's scope.
 */
@FarmgateTest
class RegistryPeoplePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	HouseholdManagement households;

	@Autowired
	EntrepreneurManagement entrepreneurs;

	@Autowired
	RegistryManagement registry;

	@Autowired
	CountyGeographyManagement geography;

	@Autowired
	UserDetailsService users;

	private SignedInUser signedIn(String username) {
		return (SignedInUser) this.users.loadUserByUsername(username);
	}

	@Test
	void anOperatorChangesAHouseholdAndTheIdNumberLeftBlankIsKept() throws Exception {
		SignedInUser operator = signedIn("operator");
		String id = idNumber(41);
		HouseholdView household = this.households.register(operator,
				new HouseholdInput("改前户", 2, null, "13800001111", id, false, null, null, null));
		VillageView village = this.geography.villages("520122").get(0);

		this.mvc
			.perform(post("/registry/households/" + household.id()).with(user(operator))
				.with(csrf())
				.param("headName", "改后户")
				.param("members", "5")
				.param("villageId", village.id().toString())
				.param("nationalId", "")
				.param("phone", "")
				.param("disadvantaged", "true")
				.param("disadvantagedSince", "2015")
				.param("disadvantagedLifted", "2019"))
			.andExpect(redirectedUrl("/registry/households/" + household.id()));

		HouseholdView changed = this.households.household(operator, household.id()).orElseThrow();
		assertThat(changed.headName()).isEqualTo("改后户");
		assertThat(changed.members()).isEqualTo(5);
		assertThat(changed.villageId()).isEqualTo(village.id());
		assertThat(changed.maskedNationalId()).isEqualTo(household.maskedNationalId());
		assertThat(changed.maskedPhone()).isEqualTo("138****1111");
		assertThat(changed.disadvantagedSince()).isEqualTo(2015);
		this.mvc.perform(get("/registry/households/" + household.id()).with(user(operator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(village.name())))
			.andExpect(content().string(containsString(id.substring(0, 4) + "**********" + id.substring(14))))
			.andExpect(content().string(not(containsString(id))));
	}

	@Test
	void aWrongYearOnTheChangeFormSaysWhatToFixAndChangesNothing() throws Exception {
		SignedInUser operator = signedIn("operator");
		HouseholdView household = this.households.register(operator,
				new HouseholdInput("年份户", 3, null, null, idNumber(42), false, null, null, null));

		this.mvc
			.perform(post("/registry/households/" + household.id()).with(user(operator))
				.with(csrf())
				.param("headName", "年份户改")
				.param("members", "3")
				.param("disadvantaged", "true")
				.param("disadvantagedSince", "2019")
				.param("disadvantagedLifted", "2015"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("脱贫年份不能早于建档年份")));
		assertThat(this.households.household(operator, household.id()).orElseThrow().headName()).isEqualTo("年份户");
	}

	@Test
	void anOperatorMakesAHouseholdAMemberOfACooperativeOnItsPage() throws Exception {
		SignedInUser operator = signedIn("operator");
		HouseholdView household = this.households.register(operator,
				new HouseholdInput("入社户", 4, null, null, idNumber(43), false, null, null, null));
		OrganisationView libei = this.registry.organisation(operator, signedIn("merchant").scope().organisationId())
			.orElseThrow();

		this.mvc
			.perform(post("/registry/households/" + household.id() + "/memberships").with(user(operator))
				.with(csrf())
				.param("organisationId", libei.id().toString()))
			.andExpect(redirectedUrl("/registry/households/" + household.id()));

		this.mvc.perform(get("/registry/households/" + household.id()).with(user(signedIn("merchant"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(libei.name())));
		this.mvc
			.perform(post("/registry/households/" + household.id() + "/memberships").with(user(signedIn("merchant")))
				.with(csrf())
				.param("organisationId", libei.id().toString()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aMerchantGetsNotFoundForAnotherOrganisationsHouseholdAndEntrepreneurPagesAndCannotChangeThem()
			throws Exception {
		SignedInUser operator = signedIn("operator");
		UUID libei = signedIn("merchant").scope().organisationId();
		UUID other = this.registry.organisations(operator)
			.stream()
			.map(OrganisationView::id)
			.filter(id -> !id.equals(libei))
			.findFirst()
			.orElseThrow();
		HouseholdView household = this.households.register(operator,
				new HouseholdInput("别社户", 2, null, null, idNumber(44), false, null, null, null));
		this.households.join(operator, household.id(), other);
		EntrepreneurView entrepreneur = this.entrepreneurs.register(operator,
				new EntrepreneurInput("别社主播", "13900002222", Gender.FEMALE, 1995, null, other, null));
		SignedInUser merchant = signedIn("merchant");

		this.mvc.perform(get("/registry/households/" + household.id()).with(user(merchant)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("别社户"))));
		this.mvc.perform(get("/registry/entrepreneurs/" + entrepreneur.id()).with(user(merchant)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/registry/households/" + UUID.randomUUID()).with(user(merchant)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/registry/households/" + household.id()).with(user(merchant))
				.with(csrf())
				.param("headName", "被改")
				.param("members", "1"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/registry/entrepreneurs/" + entrepreneur.id()).with(user(merchant))
				.with(csrf())
				.param("name", "被改"))
			.andExpect(status().isNotFound());

		assertThat(this.households.household(operator, household.id()).orElseThrow().headName()).isEqualTo("别社户");
		assertThat(this.entrepreneurs.entrepreneur(operator, entrepreneur.id()).orElseThrow().name()).isEqualTo("别社主播");
	}

	@Test
	void theMerchantChangesItsOwnEntrepreneurAndThePhoneLeftBlankIsKept() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		EntrepreneurView entrepreneur = this.entrepreneurs.register(merchant,
				new EntrepreneurInput("主播小周", "13911112222", Gender.MALE, 1996, null, null, null));

		this.mvc.perform(get("/registry/entrepreneurs/" + entrepreneur.id()).with(user(merchant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("139****2222")))
			.andExpect(content().string(not(containsString("13911112222"))));
		this.mvc
			.perform(post("/registry/entrepreneurs/" + entrepreneur.id()).with(user(merchant))
				.with(csrf())
				.param("name", "主播小周")
				.param("phone", "")
				.param("gender", "MALE")
				.param("birthYear", "1994")
				.param("sellingSince", "2020-06-01"))
			.andExpect(redirectedUrl("/registry/entrepreneurs/" + entrepreneur.id()));

		EntrepreneurView changed = this.entrepreneurs.entrepreneur(merchant, entrepreneur.id()).orElseThrow();
		assertThat(changed.birthYear()).isEqualTo(1994);
		assertThat(changed.maskedPhone()).isEqualTo("139****2222");
		assertThat(changed.organisationId()).isEqualTo(merchant.scope().organisationId());
		assertThat(changed.sellingSince()).hasToString("2020-06-01");
	}

	@Test
	void anAnalystReadsAHouseholdPageWithoutAFormAndCannotPostOne() throws Exception {
		SignedInUser operator = signedIn("operator");
		HouseholdView household = this.households.register(operator,
				new HouseholdInput("只读户", 2, null, null, idNumber(45), false, null, null, null));

		this.mvc.perform(get("/registry/households/" + household.id()).with(user(signedIn("analyst"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("只读户")))
			.andExpect(content().string(not(containsString("change-household"))));
		this.mvc
			.perform(post("/registry/households/" + household.id()).with(user(signedIn("analyst")))
				.with(csrf())
				.param("headName", "被改")
				.param("members", "1"))
			.andExpect(status().isForbidden());
	}

	private static String idNumber(int sequence) {
		String first17 = "520122" + "1979" + "0303" + String.format("%03d", 600 + sequence);
		return first17 + NationalId.checkCharacter(first17);
	}

}

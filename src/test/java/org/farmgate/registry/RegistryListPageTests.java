package org.farmgate.registry;

import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
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
 * The households, entrepreneurs and parks pages: masked personal data, the merchant's
 * scope, and what a form says when the input is wrong.
 */
@FarmgateTest
class RegistryListPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	HouseholdManagement households;

	@Autowired
	EntrepreneurManagement entrepreneurs;

	@Autowired
	UserDetailsService users;

	private SignedInUser signedIn(String username) {
		return (SignedInUser) this.users.loadUserByUsername(username);
	}

	@Test
	void theMerchantAddsAMemberHouseholdAndSeesItsIdNumberOnlyMasked() throws Exception {
		String id = idNumber(11);

		this.mvc
			.perform(post("/registry/households").with(user(signedIn("merchant")))
				.with(csrf())
				.param("headName", "页面登记户")
				.param("members", "3")
				.param("nationalId", id)
				.param("phone", "13987654321"))
			.andExpect(redirectedUrl("/registry/households"));

		String page = this.mvc.perform(get("/registry/households").param("q", "页面登记户").with(user(signedIn("merchant"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("页面登记户", id.substring(0, 4) + "**********" + id.substring(14), "139****4321")
			.doesNotContain(id, "13987654321");
	}

	@Test
	void aWrongIdNumberOnThePageSaysWhatToFix() throws Exception {
		this.mvc
			.perform(post("/registry/households").with(user(signedIn("operator")))
				.with(csrf())
				.param("headName", "错号户")
				.param("members", "2")
				.param("nationalId", "110105194912310021"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("身份证号码无效")));
		this.mvc
			.perform(post("/registry/households").with(user(signedIn("operator")))
				.with(csrf())
				.param("headName", "错号户")
				.param("members", "两")
				.param("nationalId", idNumber(12)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("有的内容格式不正确")));
	}

	@Test
	void aMerchantSeesOnlyItsOwnOrganisationsPeople() throws Exception {
		SignedInUser operator = signedIn("operator");
		UUID libei = signedIn("merchant").scope().organisationId();
		UUID other = this.households.households(operator)
			.stream()
			.flatMap(household -> household.organisationIds().stream())
			.filter(id -> !id.equals(libei))
			.findFirst()
			.orElse(null);
		this.households.register(operator,
				new HouseholdInput("县里别家户", 2, null, null, idNumber(13), false, null, null, null));
		this.entrepreneurs.register(operator,
				new EntrepreneurInput("别家主播", null, Gender.MALE, 1992, null, other, null));

		this.mvc.perform(get("/registry/households").with(user(signedIn("merchant"))))
			.andExpect(content().string(not(containsString("县里别家户"))));
		this.mvc.perform(get("/registry/entrepreneurs").param("q", "别家").with(user(signedIn("merchant"))))
			.andExpect(content().string(not(containsString("别家主播"))));
		this.mvc.perform(get("/registry/households").param("q", "县里别家户").with(user(operator)))
			.andExpect(content().string(containsString("县里别家户")));
		this.mvc.perform(get("/registry/households").with(user(signedIn("station")))).andExpect(status().isForbidden());
	}

	@Test
	void yearsAreShownAsYearsNotAsThousands() throws Exception {
		this.mvc.perform(get("/registry/households").param("disadvantaged", "true").with(user(signedIn("operator"))))
			.andExpect(content().string(containsString("2014 年建档")))
			.andExpect(content().string(not(containsString("2,014"))));
	}

	@Test
	void theMerchantRegistersAnEntrepreneurIntoItsOwnOrganisationAndOnlyOperatorsAddParks() throws Exception {
		this.mvc
			.perform(post("/registry/entrepreneurs").with(user(signedIn("merchant")))
				.with(csrf())
				.param("name", "立碑主播小刘")
				.param("gender", "FEMALE")
				.param("birthYear", "1998"))
			.andExpect(redirectedUrl("/registry/entrepreneurs"));
		assertThat(this.entrepreneurs.entrepreneurs(signedIn("merchant"))).anySatisfy(entrepreneur -> {
			assertThat(entrepreneur.name()).isEqualTo("立碑主播小刘");
			assertThat(entrepreneur.organisationId()).isEqualTo(signedIn("merchant").scope().organisationId());
		});
		this.mvc
			.perform(post("/registry/entrepreneurs").with(user(signedIn("merchant")))
				.with(csrf())
				.param("name", "太年轻")
				.param("birthYear", "2024"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("出生年份应在")));
		this.mvc.perform(post("/registry/parks").with(user(signedIn("merchant"))).with(csrf()).param("name", "冒名园"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/registry/parks").with(user(signedIn("operator"))).with(csrf()).param("name", "温泉镇电商园"))
			.andExpect(redirectedUrl("/registry/parks"));
	}

	@Test
	void thePagerKeepsTheSearchAndMovesOnePage() throws Exception {
		int total = this.entrepreneurs.entrepreneurs(signedIn("operator")).size();
		assertThat(total).as("enough demo entrepreneurs for three pages").isGreaterThan(40);

		this.mvc.perform(get("/registry/entrepreneurs?q=&page=1").with(user(signedIn("operator"))))
			.andExpect(content().string(containsString("href=\"/registry/entrepreneurs?q=&amp;page=0\"")))
			.andExpect(content().string(containsString("href=\"/registry/entrepreneurs?q=&amp;page=2\"")));
	}

	@Test
	void theParksPageCountsHostedAndAffiliatedEnterprises() throws Exception {
		this.mvc.perform(get("/registry/parks").with(user(signedIn("analyst"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("息烽县电子商务产业园")));
	}

	private static String idNumber(int sequence) {
		String first17 = "520122" + "1983" + "0909" + String.format("%03d", 500 + sequence);
		return first17 + NationalId.checkCharacter(first17);
	}

}

package org.farmgate.registry;

import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.DataScope;
import org.farmgate.accounts.Role;
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
 * Through the pages: a merchant lands on its own organisation and gets 404 for any other;
 * operators search, register and review.
 */
@FarmgateTest
class RegistryPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RegistryManagement registry;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UserDetailsService users;

	@Test
	void aMerchantIsSentToItsOwnOrganisationAndGets404ForAnother() throws Exception {
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		UUID own = merchant.scope().organisationId();
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		UUID other = this.registry.organisations(operator)
			.stream()
			.filter(organisation -> !organisation.id().equals(own))
			.findFirst()
			.orElseThrow()
			.id();

		this.mvc.perform(get("/registry/organisations").with(user(merchant)))
			.andExpect(redirectedUrl("/registry/organisations/" + own));
		this.mvc.perform(get("/registry/organisations/" + other).with(user(merchant))).andExpect(status().isNotFound());
		this.mvc.perform(get("/registry/organisations/" + other + "/edit").with(user(merchant)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/registry/organisations/" + other + "/shops").with(user(merchant))
				.with(csrf())
				.param("platform", "TAOBAO")
				.param("name", "冒名店")
				.param("platformShopId", "tb-page-fake"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/registry/organisations/" + other + "/review").with(user(merchant))
				.with(csrf())
				.param("decision", "REJECTED")
				.param("reason", "x"))
			.andExpect(status().isForbidden());
	}

	@Test
	void anOperatorSearchesAndFiltersOrganisations() throws Exception {
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		this.mvc.perform(get("/registry/organisations").param("q", "立碑").with(user(operator)))
			.andExpect(content().string(containsString("息烽县立碑村农特产品电子商务有限公司")))
			.andExpect(content().string(not(containsString("九庄镇蔬菜种植专业合作社"))));
		this.mvc.perform(get("/registry/organisations").param("admission", "APPLIED").with(user(operator)))
			.andExpect(content().string(containsString("张丽土特产店")))
			.andExpect(content().string(not(containsString("息烽县立碑村农特产品电子商务有限公司"))));
	}

	@Test
	void anOperatorRegistersAnOrganisationWithAWrongCodeAndIsToldWhatToFix() throws Exception {
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");

		this.mvc
			.perform(post("/registry/organisations").with(user(operator))
				.with(csrf())
				.param("type", "COOPERATIVE")
				.param("name", "<b>新合作社</b>")
				.param("creditCode", "93520122MA6DXX99Q")
				.param("foundedOn", "2020-13-45"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("日期格式不正确")));
		this.mvc
			.perform(post("/registry/organisations").with(user(operator))
				.with(csrf())
				.param("type", "COOPERATIVE")
				.param("name", "<b>新合作社</b>")
				.param("creditCode", "93520122MA6DXX99Q"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("统一社会信用代码无效")))
			.andExpect(content().string(not(containsString("<b>新合作社</b>"))));
	}

	@Test
	void anAnalystReadsButCannotReview() throws Exception {
		this.accounts.createAccount("registry-analyst", "Analyst", Role.ANALYST, DataScope.county("520122"),
				"analyst-password");
		SignedInUser analyst = (SignedInUser) this.users.loadUserByUsername("registry-analyst");
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		OrganisationView before = this.registry.organisations(operator).get(0);
		UUID any = before.id();

		this.mvc.perform(get("/registry/organisations/" + any).with(user(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/review"))));
		this.mvc
			.perform(post("/registry/organisations/" + any + "/review").with(user(analyst))
				.with(csrf())
				.param("decision", "APPROVED"))
			.andExpect(status().isForbidden());
		OrganisationView after = this.registry.organisation(operator, any).orElseThrow();
		assertThat(after.admission()).isEqualTo(before.admission());
		assertThat(after.admissionHistory()).hasSameSizeAs(before.admissionHistory());
	}

	@Test
	void anOrganisationRegisteredInAVillageShowsItAndARejectedOneAppliesAgain() throws Exception {
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		org.farmgate.geo.VillageView libeiVillage = this.geography.villages("520122")
			.stream()
			.filter(village -> village.name().equals("立碑村"))
			.findFirst()
			.orElseThrow();
		String first17 = "93520122MA6CUNL01";
		OrganisationView registered = this.registry.registerOrganisation(operator,
				new OrganisationInput(OrganisationType.COOPERATIVE, "立碑村蔬菜合作社",
						first17 + CreditCode.checkCharacter(first17), null, null, null, null, libeiVillage.id()));
		this.registry.review(operator, registered.id(), AdmissionStatus.REJECTED, "材料不全");

		this.mvc.perform(get("/registry/organisations/" + registered.id()).with(user(operator)))
			.andExpect(content().string(containsString("永靖镇 立碑村")))
			.andExpect(content().string(containsString("重新申请入驻")));
		this.mvc
			.perform(post("/registry/organisations/" + registered.id() + "/review").with(user(operator))
				.with(csrf())
				.param("decision", "APPLIED"))
			.andExpect(redirectedUrl("/registry/organisations/" + registered.id()));

		assertThat(this.registry.organisation(operator, registered.id()).orElseThrow().admission())
			.isEqualTo(AdmissionStatus.APPLIED);
	}

	@Autowired
	org.farmgate.geo.CountyGeographyManagement geography;

}

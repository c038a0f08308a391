package org.farmgate.registry;

import java.time.LocalDate;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The documents an admission application rests on: added by the merchant or an operator,
 * shown to the reviewer, an identity document masked, and once admitted removed only by
 * the operations centre.
 */
@FarmgateTest
class AdmissionDocumentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RegistryManagement registry;

	@Autowired
	UserDetailsService users;

	private SignedInUser signedIn(String username) {
		return (SignedInUser) this.users.loadUserByUsername(username);
	}

	@Test
	void theDemoEnterprisesApplicationListsItsBusinessLicence() throws Exception {
		UUID libei = signedIn("merchant").scope().organisationId();

		this.mvc.perform(get("/registry/organisations/" + libei).with(user(signedIn("operator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("营业执照")))
			.andExpect(content().string(containsString("SC11952012200017")));
	}

	@Test
	void theMerchantAddsALicenceOnThePageButOnlyTheOperatorRemovesItOnceAdmitted() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		UUID libei = merchant.scope().organisationId();
		String number = "JY1520122" + (System.nanoTime() % 1_000_000);

		this.mvc
			.perform(post("/registry/organisations/" + libei + "/documents").with(user(merchant))
				.with(csrf())
				.param("kind", "FOOD_BUSINESS_LICENCE")
				.param("number", number)
				.param("issuer", "息烽县市场监督管理局")
				.param("validUntil", "2020-01-31"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/registry/organisations/" + libei).with(user(merchant)))
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("已过期")));
		int index = this.registry.organisation(merchant, libei).orElseThrow().documents().size() - 1;

		this.mvc
			.perform(post("/registry/organisations/" + libei + "/documents/" + index + "/delete").with(user(merchant))
				.with(csrf()))
			.andExpect(flash().attribute("problem", "registry.error.document-by-operator"));
		assertThat(this.registry.organisation(merchant, libei).orElseThrow().documents())
			.anyMatch(document -> document.number().equals(number));

		this.mvc
			.perform(post("/registry/organisations/" + libei + "/documents/" + index + "/delete")
				.with(user(signedIn("operator")))
				.with(csrf()))
			.andExpect(flash().attribute("notice", "registry.document-removed"));
		assertThat(this.registry.organisation(merchant, libei).orElseThrow().documents())
			.noneMatch(document -> document.number().equals(number));
	}

	@Test
	void aDocumentWithoutANumberOrTwiceTheSameIsRefusedWithWhatToFix() throws Exception {
		OrganisationView applicant = applicant();

		this.mvc
			.perform(post("/api/v1/organisations/" + applicant.id() + "/documents")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"BUSINESS_LICENCE\",\"number\":\" \"}")
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("registry.error.document-fields"));
		String licence = "{\"kind\":\"BUSINESS_LICENCE\",\"number\":\"" + applicant.creditCode()
				+ "\",\"issuer\":\"息烽县市场监督管理局\"}";
		this.mvc
			.perform(post("/api/v1/organisations/" + applicant.id() + "/documents")
				.contentType(MediaType.APPLICATION_JSON)
				.content(licence)
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.documents[0].kind").value("BUSINESS_LICENCE"))
			.andExpect(jsonPath("$.documents[0].addedBy").value("operator"));
		this.mvc
			.perform(post("/api/v1/organisations/" + applicant.id() + "/documents")
				.contentType(MediaType.APPLICATION_JSON)
				.content(licence)
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("registry.error.document-exists"));
		assertThat(this.registry.organisation(signedIn("operator"), applicant.id()).orElseThrow().documents())
			.hasSize(1);
	}

	@Test
	void theLegalRepresentativesIdNumberIsCheckedAndNeverShownWhole() throws Exception {
		OrganisationView applicant = applicant();
		String first17 = "52012219800101" + "123";
		String id = first17 + NationalId.checkCharacter(first17);
		String wrongCheck = first17 + ((NationalId.checkCharacter(first17) == '0') ? '1' : '0');

		this.mvc
			.perform(post("/api/v1/organisations/" + applicant.id() + "/documents")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"LEGAL_REPRESENTATIVE_ID\",\"number\":\"" + wrongCheck + "\"}")
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("registry.error.national-id"));
		this.mvc
			.perform(post("/api/v1/organisations/" + applicant.id() + "/documents")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"LEGAL_REPRESENTATIVE_ID\",\"number\":\"" + id + "\"}")
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.documents[0].number").value("5201**********" + id.substring(14)));
		this.mvc.perform(get("/registry/organisations/" + applicant.id()).with(user(signedIn("operator"))))
			.andExpect(content().string(containsString("5201**********" + id.substring(14))))
			.andExpect(content().string(not(containsString(id))));
	}

	private OrganisationView applicant() {
		String suffix = UUID.randomUUID().toString().replaceAll("[^0-9]", "1").substring(0, 6);
		String first17 = "93520122MC" + suffix + "X";
		return this.registry.registerOrganisation(signedIn("operator"),
				new OrganisationInput(OrganisationType.COOPERATIVE, "材料合作社 " + suffix,
						first17 + CreditCode.checkCharacter(first17), null, null, LocalDate.of(2020, 1, 1), null));
	}

}

package org.farmgate.registry;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.farmgate.FarmgateTest;
import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.AccountView;
import org.farmgate.accounts.DataScope;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Through the API, a merchant of organisation A reads and writes A's records and gets 404
 * for every record of organisation B, whatever id it guesses; the admission review and
 * the shop rules hold.
 */
@FarmgateTest
class RegistryAuthorizationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RegistryManagement registry;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UserDetailsService users;

	private OrganisationView a;

	private OrganisationView b;

	private ShopView shopOfB;

	@BeforeEach
	void twoOrganisationsWithAMerchantEach() {
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase().replaceAll("[^0-9A-F]", "1");
		this.a = approved(operator, "A 合作社 " + suffix, "93520122MA" + suffix.substring(0, 6) + "A");
		this.b = approved(operator, "B 合作社 " + suffix, "93520122MB" + suffix.substring(0, 6) + "B");
		this.shopOfB = this.registry
			.openShop(operator, new ShopInput(this.b.id(), Platform.JD, "B 的店", "jd-b-" + suffix, null, null))
			.shop();
		merchant("merchant-a-" + suffix.toLowerCase(), this.a.id());
		merchant("merchant-b-" + suffix.toLowerCase(), this.b.id());
		this.merchantA = "merchant-a-" + suffix.toLowerCase();
	}

	private String merchantA;

	@Test
	void aMerchantListsOnlyItsOwnOrganisationAndShops() throws Exception {
		this.mvc.perform(get("/api/v1/organisations").with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(this.a.id().toString()));
		this.mvc.perform(get("/api/v1/shops").with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$").isArray())
			.andExpect(jsonPath("$[?(@.organisationId == '" + this.b.id() + "')]").isEmpty());
	}

	@Test
	void everyReadOfAnotherOrganisationsRecordsIsNotFound() throws Exception {
		for (String path : new String[] { "/api/v1/organisations/" + this.b.id(), "/api/v1/shops/" + this.shopOfB.id(),
				"/api/v1/organisations/" + UUID.randomUUID(), "/api/v1/shops/" + UUID.randomUUID() }) {
			this.mvc.perform(get(path).with(httpBasic(this.merchantA, "merchant-pass")))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.code").value("registry.error.not-found"));
		}
	}

	@Test
	void everyWriteToAnotherOrganisationIsNotFoundAndChangesNothing() throws Exception {
		this.mvc
			.perform(put("/api/v1/organisations/" + this.b.id()).contentType(MediaType.APPLICATION_JSON)
				.content(organisationJson("被改名的合作社", this.b.creditCode()))
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/shops").contentType(MediaType.APPLICATION_JSON)
				.content("{\"organisationId\":\"" + this.b.id()
						+ "\",\"platform\":\"TAOBAO\",\"name\":\"冒名店\",\"platformShopId\":\"tb-fake-1\"}")
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/organisations/" + this.b.id() + "/documents").contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"OTHER\",\"number\":\"X-1\"}")
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.delete("/api/v1/organisations/" + this.b.id() + "/documents/0")
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/shops/" + this.shopOfB.id() + "/webhook-secret")
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/organisations/" + this.b.id() + "/review").contentType(MediaType.APPLICATION_JSON)
				.content("{\"decision\":\"REJECTED\",\"reason\":\"x\"}")
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isForbidden());

		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		assertThat(this.registry.organisation(operator, this.b.id()).orElseThrow().name()).isEqualTo(this.b.name());
		assertThat(this.registry.shopsOf(operator, this.b.id())).hasSize(1);
		assertThat(this.registry.organisation(operator, this.b.id()).orElseThrow().documents()).isEmpty();
	}

	@Test
	void aMerchantOpensAShopForItsOwnOrganisationAndSeesTheSecretOnlyOnce() throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/shops").contentType(MediaType.APPLICATION_JSON)
				.content("{\"organisationId\":\"" + this.a.id()
						+ "\",\"platform\":\"PINDUODUO\",\"name\":\"A 的拼多多店\",\"platformShopId\":\"pdd-a-" + this.a.id()
						+ "\"}")
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.shop.platform").value("PINDUODUO"))
			.andExpect(jsonPath("$.shop.organisationId").value(this.a.id().toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = JsonPath.read(body, "$.webhookSecret");
		String id = JsonPath.read(body, "$.shop.id");
		assertThat(secret).startsWith("whsec_");

		this.mvc.perform(get("/api/v1/shops/" + id).with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(jsonPath("$.name").value("A 的拼多多店"))
			.andExpect(jsonPath("$.webhookSecret").doesNotExist());
		String rotated = JsonPath.read(this.mvc
			.perform(post("/api/v1/shops/" + id + "/webhook-secret").with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.webhookSecret");
		assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
	}

	@Test
	void anOrganisationNotYetApprovedCannotOwnAShopAndAnInvalidCreditCodeIsRefused() throws Exception {
		String registered = this.mvc
			.perform(post("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON)
				.content(organisationJson("待审核的企业", "91350100M000100Y43"))
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.admission").value("APPLIED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(registered, "$.id");

		this.mvc
			.perform(post("/api/v1/shops").contentType(MediaType.APPLICATION_JSON)
				.content("{\"organisationId\":\"" + id
						+ "\",\"platform\":\"TAOBAO\",\"name\":\"太早的店\",\"platformShopId\":\"tb-early-1\"}")
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("registry.error.not-approved"));
		this.mvc
			.perform(post("/api/v1/organisations/" + id + "/review").contentType(MediaType.APPLICATION_JSON)
				.content("{\"decision\":\"REJECTED\"}")
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("registry.error.reason-required"));
		this.mvc
			.perform(post("/api/v1/organisations/" + id + "/review").contentType(MediaType.APPLICATION_JSON)
				.content("{\"decision\":\"REJECTED\",\"reason\":\"营业执照照片不清楚\"}")
				.with(httpBasic("operator", "farmgate")))
			.andExpect(jsonPath("$.admission").value("REJECTED"))
			.andExpect(jsonPath("$.admissionHistory[1].reason").value("营业执照照片不清楚"))
			.andExpect(jsonPath("$.admissionHistory[1].actor").value("operator"));
		this.mvc
			.perform(post("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON)
				.content(organisationJson("代码错误的企业", "91350100M000100Y44"))
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("registry.error.credit-code"));
		this.mvc
			.perform(post("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON)
				.content(organisationJson("重复的企业", "91350100M000100Y43"))
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isConflict());
	}

	@Test
	void theDemoMerchantBelongsToTheLibeiEnterpriseWithItsFourShops() throws Exception {
		this.mvc.perform(get("/api/v1/organisations").with(httpBasic("merchant", "farmgate")))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].name").value("息烽县立碑村农特产品电子商务有限公司"))
			.andExpect(jsonPath("$[0].villageId").isNotEmpty());
		this.mvc.perform(get("/api/v1/shops").with(httpBasic("merchant", "farmgate")))
			.andExpect(jsonPath("$", hasSize(org.hamcrest.Matchers.greaterThanOrEqualTo(4))))
			.andExpect(jsonPath("$[0].webhookSecret").doesNotExist())
			.andExpect(jsonPath("$[0].closedOn").value(nullValue()));
	}

	@Test
	void householdsOfAnotherOrganisationAreNotFoundAndIdNumbersComeBackMasked() throws Exception {
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		String idOfB = idNumber();
		HouseholdView memberOfB = this.households.join(operator,
				this.households.register(operator, household("李四", idOfB)).id(), this.b.id());

		String created = this.mvc
			.perform(post("/api/v1/households").contentType(MediaType.APPLICATION_JSON)
				.content("{\"headName\":\"张三\",\"members\":4,\"nationalId\":\"" + idNumber()
						+ "\",\"phone\":\"13812345678\",\"disadvantaged\":true,\"disadvantagedSince\":2014,"
						+ "\"disadvantagedLifted\":2019,\"baselineIncome\":8600.00}")
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isCreated())
			.andExpect(
					jsonPath("$.maskedNationalId").value(org.hamcrest.Matchers.matchesPattern("5201\\*{10}[0-9X]{4}")))
			.andExpect(jsonPath("$.maskedPhone").value("138****5678"))
			.andExpect(jsonPath("$.organisationIds[0]").value(this.a.id().toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(created).doesNotContain("13812345678");

		this.mvc.perform(get("/api/v1/households/" + memberOfB.id()).with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(put("/api/v1/households/" + memberOfB.id()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"headName\":\"改名\",\"members\":1,\"nationalId\":\"" + idOfB + "\"}")
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/households").with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(jsonPath("$[?(@.id == '" + memberOfB.id() + "')]").isEmpty())
			.andExpect(jsonPath("$[*].headName").value(org.hamcrest.Matchers.hasItem("张三")));
		this.mvc
			.perform(post("/api/v1/households/" + memberOfB.id() + "/memberships/" + this.a.id())
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isForbidden());
	}

	@Test
	void anInvalidOrDuplicateIdNumberIsRefusedWithWhatToFix() throws Exception {
		this.mvc
			.perform(post("/api/v1/households").contentType(MediaType.APPLICATION_JSON)
				.content("{\"headName\":\"王五\",\"members\":2,\"nationalId\":\"110105194912310021\"}")
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("registry.error.national-id"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("身份证号码无效")));
		String id = idNumber();
		this.mvc
			.perform(post("/api/v1/households").contentType(MediaType.APPLICATION_JSON)
				.content("{\"headName\":\"王五\",\"members\":2,\"nationalId\":\"" + id + "\"}")
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post("/api/v1/households").contentType(MediaType.APPLICATION_JSON)
				.content("{\"headName\":\"王五\",\"members\":2,\"nationalId\":\"" + id + "\"}")
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isConflict());
		this.mvc
			.perform(post("/api/v1/households").contentType(MediaType.APPLICATION_JSON)
				.content("{\"headName\":\"赵六\",\"members\":2,\"nationalId\":\"" + idNumber()
						+ "\",\"disadvantaged\":true,\"disadvantagedSince\":2019,\"disadvantagedLifted\":2016}")
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("registry.error.disadvantaged-years"));
	}

	@Test
	void entrepreneursOfAnotherOrganisationAreNotFoundAndAMerchantRegistersOnlyIntoItsOwn() throws Exception {
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		EntrepreneurView ofB = this.entrepreneurs.register(operator,
				new EntrepreneurInput("B 的店长", "13900001111", Gender.FEMALE, 1990, null, this.b.id(), null));

		this.mvc.perform(get("/api/v1/entrepreneurs/" + ofB.id()).with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/entrepreneurs").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"潜入者\",\"organisationId\":\"" + this.b.id() + "\"}")
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/entrepreneurs").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"A 的主播\",\"gender\":\"MALE\",\"birthYear\":1995,\"phone\":\"13700002222\"}")
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.organisationId").value(this.a.id().toString()))
			.andExpect(jsonPath("$.maskedPhone").value("137****2222"));
		this.mvc.perform(get("/api/v1/entrepreneurs").with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name").value(org.hamcrest.Matchers.hasItem("A 的主播")))
			.andExpect(jsonPath("$[?(@.id == '" + ofB.id() + "')]").isEmpty());
		this.mvc
			.perform(put("/api/v1/entrepreneurs/" + ofB.id()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"改名\"}")
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isNotFound());
	}

	@Autowired
	EntrepreneurManagement entrepreneurs;

	@Autowired
	ParkManagement parks;

	@Test
	void parksCountTheOrganisationsTheyHostAndHaveAffiliated() throws Exception {
		SignedInUser analyst = (SignedInUser) this.users.loadUserByUsername("analyst");
		List<OrganisationView> organisations = this.registry.organisations(analyst);
		List<ParkView> parks = this.parks.parks(analyst);
		assertThat(parks).isNotEmpty();
		for (ParkView park : parks) {
			assertThat(park.hosted()).as(park.name())
				.isEqualTo(organisations.stream()
					.filter(o -> park.id().equals(o.parkId()) && o.parkRelation() == ParkRelation.HOSTED)
					.count());
			assertThat(park.affiliated()).as(park.name())
				.isEqualTo(organisations.stream()
					.filter(o -> park.id().equals(o.parkId()) && o.parkRelation() == ParkRelation.AFFILIATED)
					.count());
		}
		assertThat(parks).anySatisfy(park -> assertThat(park.hosted()).isPositive());
		this.mvc.perform(get("/api/v1/parks").with(httpBasic("analyst", "farmgate"))).andExpect(status().isOk());
		this.mvc
			.perform(post("/api/v1/parks").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"冒名园区\"}")
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/organisations/" + this.a.id() + "/park").contentType(MediaType.APPLICATION_JSON)
				.content("{\"parkId\":null,\"relation\":\"HOSTED\"}")
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("registry.error.park-relation"));
	}

	@Test
	void aMerchantChangesItsAddressButNotWhoItsOrganisationIs() throws Exception {
		String json = "{\"type\":\"COOPERATIVE\",\"name\":\"" + this.a.name() + "\",\"creditCode\":\""
				+ this.a.creditCode() + "\",\"address\":\"贵州省息烽县永靖镇新址\",\"salesModel\":\"FARMERS_FACILITIES_SHOPS\"}";
		this.mvc
			.perform(put("/api/v1/organisations/" + this.a.id()).contentType(MediaType.APPLICATION_JSON)
				.content(json)
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.address").value("贵州省息烽县永靖镇新址"));
		this.mvc
			.perform(put("/api/v1/organisations/" + this.a.id()).contentType(MediaType.APPLICATION_JSON)
				.content(json.replace(this.a.name(), "完全不同的公司"))
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("registry.error.identity-by-operator"));
	}

	@Test
	void rejectingAnApprovedOrganisationClosesItsShopsAndTheirSecretsStayFrozen() throws Exception {
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");

		this.registry.review(operator, this.b.id(), AdmissionStatus.REJECTED, "资质过期");

		assertThat(this.registry.shop(operator, this.shopOfB.id()).orElseThrow().status()).isEqualTo(ShopStatus.CLOSED);
		this.mvc
			.perform(post("/api/v1/shops/" + this.shopOfB.id() + "/webhook-secret")
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("registry.error.shop-closed"));
	}

	@Test
	void aMerchantCannotLearnWhetherAnIdNumberIsRegisteredElsewhereNorEditASharedHousehold() throws Exception {
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		String idOfB = idNumber();
		HouseholdView shared = this.households.register(operator, household("共享户", idOfB));
		this.households.join(operator, shared.id(), this.b.id());
		this.households.join(operator, shared.id(), this.a.id());

		this.mvc
			.perform(post("/api/v1/households").contentType(MediaType.APPLICATION_JSON)
				.content("{\"headName\":\"试探\",\"members\":1,\"nationalId\":\"" + idOfB + "\"}")
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("registry.error.household-by-operator"));
		this.mvc.perform(get("/api/v1/households/" + shared.id()).with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.organisationIds.length()").value(1))
			.andExpect(jsonPath("$.organisationIds[0]").value(this.a.id().toString()));
		this.mvc
			.perform(put("/api/v1/households/" + shared.id()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"headName\":\"改名\",\"members\":1,\"nationalId\":\"" + idOfB + "\"}")
				.with(httpBasic(this.merchantA, "merchant-pass")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("registry.error.household-by-operator"));
	}

	@Test
	void stationAndTrainerStaffDoNotReadTheRegistry() throws Exception {
		for (String path : new String[] { "/api/v1/households", "/api/v1/entrepreneurs", "/api/v1/organisations" }) {
			this.mvc.perform(get(path).with(httpBasic("station", "farmgate"))).andExpect(status().isForbidden());
			this.mvc.perform(get(path).with(httpBasic("trainer", "farmgate"))).andExpect(status().isForbidden());
		}
	}

	@Test
	void shortPhoneNumbersShowNoMoreThanTheirLastTwoDigits() {
		assertThat(PhoneNumber.masked("8765432")).isEqualTo("*****32");
		assertThat(PhoneNumber.masked("13812345678")).isEqualTo("138****5678");
	}

	@Autowired
	HouseholdManagement households;

	private static int sequence = (int) (System.nanoTime() % 500);

	/** A fresh, valid ID number of someone born in 息烽县. */
	private static String idNumber() {
		sequence++;
		String first17 = "520122" + "19" + String.format("%02d", 50 + sequence % 40) + "0101"
				+ String.format("%03d", sequence % 1000);
		return first17 + NationalId.checkCharacter(first17);
	}

	private static HouseholdInput household(String head, String nationalId) {
		return new HouseholdInput(head, 3, null, null, nationalId, false, null, null, null);
	}

	private OrganisationView approved(SignedInUser operator, String name, String first17) {
		String code = first17 + CreditCode.checkCharacter(first17);
		OrganisationView view = this.registry.registerOrganisation(operator, new OrganisationInput(
				OrganisationType.COOPERATIVE, name, code, null, null, null, SalesModel.FARMERS_FACILITIES_SHOPS));
		return this.registry.review(operator, view.id(), AdmissionStatus.APPROVED, null);
	}

	private void merchant(String username, UUID organisationId) {
		AccountView account = this.accounts.createAccount(username, username, Role.MERCHANT,
				new DataScope("520122", organisationId, null), "merchant-pass");
		assertThat(account.scope().organisationId()).isEqualTo(organisationId);
	}

	private static String organisationJson(String name, String creditCode) {
		return "{\"type\":\"COMPANY\",\"name\":\"" + name + "\",\"creditCode\":\"" + creditCode + "\"}";
	}

}

package org.farmgate.income;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.farmgate.FarmgateTest;
import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.DataScope;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.Unit;
import org.farmgate.registry.AdmissionStatus;
import org.farmgate.registry.CreditCode;
import org.farmgate.registry.HouseholdInput;
import org.farmgate.registry.HouseholdManagement;
import org.farmgate.registry.HouseholdView;
import org.farmgate.registry.NationalId;
import org.farmgate.registry.OrganisationInput;
import org.farmgate.registry.OrganisationType;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.RegistryException;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.SalesModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A merchant of organisation A neither reads nor changes organisation B's purchases,
 * wages and dividends, through the API or the pages, whether it knows B's ids or guesses,
 * and records nothing for B or about B's households; an analyst reads the county and
 * changes nothing; station and trainer staff do not open income at all; the workbook
 * carries full ID numbers only for the roles that may see them and when asked, and then
 * the audit log says who took them; nothing in the workbook is a formula; no form is
 * accepted without its CSRF token.
 */
@FarmgateTest
class IncomeAuthorizationTests {

	private static final String PASSWORD = "merchant-pass";

	private static final String NOT_FOUND = "income.error.not-found";

	private static final Pattern EIGHTEEN = Pattern.compile("[0-9]{17}[0-9X]");

	private static final String FULL_IDS_ACTION = "INCOME_EXPORT_FULL_IDS";

	@Autowired
	MockMvc mvc;

	@Autowired
	RegistryManagement registry;

	@Autowired
	HouseholdManagement households;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProcurementManagement procurements;

	@Autowired
	WageManagement wages;

	@Autowired
	DividendManagement dividends;

	@Autowired
	IncomeQueries queries;

	@Autowired
	JdbcClient jdbc;

	private SignedInUser operator;

	private String suffix;

	private String merchantA;

	private SignedInUser signedInA;

	private SignedInUser signedInB;

	private OrganisationView a;

	private OrganisationView b;

	private LocalDate today;

	private HouseholdView householdOfA;

	private HouseholdView householdOfB;

	private ProcurementView purchaseOfA;

	private ProcurementView purchaseOfB;

	private WageView wageOfA;

	private WageView wageOfB;

	private DividendView dividendOfA;

	private DividendView dividendOfB;

	@BeforeEach
	void twoCooperativesWithAMerchantEachAndAPurchaseWageAndDividendOfEach() {
		this.operator = (SignedInUser) this.users.loadUserByUsername("operator");
		this.suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
		this.a = approved("A 合作社 " + this.suffix, "93520122" + this.suffix + "A");
		this.b = approved("B 合作社 " + this.suffix, "93520122" + this.suffix + "B");
		this.merchantA = "income-a-" + this.suffix.toLowerCase();
		this.signedInA = merchant(this.merchantA, this.a.id());
		this.signedInB = merchant("income-b-" + this.suffix.toLowerCase(), this.b.id());
		this.today = this.queries.currentDate();

		this.householdOfA = register(this.signedInA, "A 社员 " + this.suffix, false);
		this.householdOfB = register(this.signedInB, "B 社员 " + this.suffix, false);
		assertThat(this.householdOfB.organisationIds()).containsExactly(this.b.id());

		this.purchaseOfA = this.procurements.record(this.signedInA,
				purchase(null, this.householdOfA.id(), produceOfA()));
		this.purchaseOfB = this.procurements.record(this.signedInB,
				purchase(null, this.householdOfB.id(), produceOfB()));
		this.wageOfA = this.wages.record(this.signedInA, wage(null, this.householdOfA.id(), workerOfA()));
		this.wageOfB = this.wages.record(this.signedInB, wage(null, this.householdOfB.id(), workerOfB()));
		this.dividendOfA = this.dividends.distribute(this.signedInA,
				dividend(null, this.householdOfA.id(), "A 分红 " + this.suffix));
		this.dividendOfB = this.dividends.distribute(this.signedInB, dividend(null, this.householdOfB.id(), noteOfB()));
		assertThat(this.purchaseOfB.payment()).isEqualTo(Payment.OWED);
		assertThat(this.purchaseOfB.organisationId()).isEqualTo(this.b.id());
	}

	@Test
	void aMerchantGetsNotFoundForAnotherOrganisationsPurchaseWageAndDividendWhetherItKnowsTheIdsOrGuessesThem()
			throws Exception {
		UUID random = UUID.randomUUID();
		for (String path : new String[] { "/api/v1/procurements/" + this.purchaseOfB.id(),
				"/api/v1/wages/" + this.wageOfB.id(), "/api/v1/dividends/" + this.dividendOfB.id(),
				"/api/v1/income/households/" + this.householdOfB.id(), "/api/v1/procurements/" + random,
				"/api/v1/wages/" + random, "/api/v1/dividends/" + random, "/api/v1/income/households/" + random }) {
			String body = this.mvc.perform(asA(get(path)))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.code").value(NOT_FOUND))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThatNothingOfBIsIn(body, path);
		}
		// the same reads of A's own records answer: the 404s above are about B
		for (String path : new String[] { "/api/v1/procurements/" + this.purchaseOfA.id(),
				"/api/v1/wages/" + this.wageOfA.id(), "/api/v1/dividends/" + this.dividendOfA.id(),
				"/api/v1/income/households/" + this.householdOfA.id() }) {
			this.mvc.perform(asA(get(path))).andExpect(status().isOk());
		}
	}

	@Test
	void aMerchantCanNeitherReverseNorPayAnotherOrganisationsRecordsAndTheyStayAsTheyWere() throws Exception {
		UUID random = UUID.randomUUID();
		String reason = "{\"reason\":\"冒名冲销\"}";
		String payment = "{\"paidOn\":\"" + this.today + "\",\"method\":\"CASH\"}";
		List<MockHttpServletRequestBuilder> writes = new ArrayList<>();
		for (UUID id : new UUID[] { this.purchaseOfB.id(), random }) {
			writes.add(json(post("/api/v1/procurements/" + id + "/reversal"), reason));
			writes.add(json(post("/api/v1/procurements/" + id + "/payment"), payment));
		}
		for (UUID id : new UUID[] { this.wageOfB.id(), random }) {
			writes.add(json(post("/api/v1/wages/" + id + "/reversal"), reason));
		}
		for (UUID id : new UUID[] { this.dividendOfB.id(), random }) {
			writes.add(json(post("/api/v1/dividends/" + id + "/reversal"), reason));
		}
		for (MockHttpServletRequestBuilder write : writes) {
			MockHttpServletResponse response = this.mvc.perform(asA(write)).andReturn().getResponse();
			assertThat(response.getStatus()).as(describe(write)).isEqualTo(404);
			assertThat(response.getContentAsString()).as(describe(write)).contains("\"code\":\"" + NOT_FOUND + "\"");
			assertThatNothingOfBIsIn(response.getContentAsString(), describe(write));
		}

		// the pages' forms refuse the same, and say it was not found
		String purchase = "/income/procurements/" + this.purchaseOfB.id();
		this.mvc.perform(post(purchase + "/reversal").param("reason", "冒名冲销").with(user(this.signedInA)).with(csrf()))
			.andExpect(redirectedUrl(purchase))
			.andExpect(flash().attribute("problem", NOT_FOUND));
		this.mvc
			.perform(post(purchase + "/payment").param("paidOn", this.today.toString())
				.param("method", "CASH")
				.with(user(this.signedInA))
				.with(csrf()))
			.andExpect(redirectedUrl(purchase))
			.andExpect(flash().attribute("problem", NOT_FOUND));
		this.mvc
			.perform(post(purchase + "/correction").param("householdId", this.householdOfA.id().toString())
				.param("occurredOn", this.today.toString())
				.param("produce", "冒名更正")
				.param("quantity", "1")
				.param("unit", "KG")
				.param("unitPrice", "1.00")
				.param("grade", "UNGRADED")
				.param("payment", "OWED")
				.param("reason", "冒名更正")
				.with(user(this.signedInA))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/income/wages/" + this.wageOfB.id() + "/reversal").param("reason", "冒名冲销")
				.with(user(this.signedInA))
				.with(csrf()))
			.andExpect(redirectedUrl("/income/wages"))
			.andExpect(flash().attribute("problem", NOT_FOUND));
		this.mvc
			.perform(post("/income/dividends/" + this.dividendOfB.id() + "/reversal").param("reason", "冒名冲销")
				.with(user(this.signedInA))
				.with(csrf()))
			.andExpect(redirectedUrl("/income/dividends"))
			.andExpect(flash().attribute("problem", NOT_FOUND));

		assertThatNothingOfBChanged();
	}

	@Test
	void aMerchantsListsHoldItsOwnOrganisationsRecordsAndNeverAnotherOrganisations() throws Exception {
		this.mvc.perform(asA(get("/api/v1/procurements")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(hasItem(this.purchaseOfA.id().toString())))
			.andExpect(jsonPath("$[*].produce").value(hasItem(produceOfA())))
			.andExpect(jsonPath("$[?(@.organisationId != '" + this.a.id() + "')]").isEmpty())
			.andExpect(content().string(not(containsString(this.purchaseOfB.id().toString()))))
			.andExpect(content().string(not(containsString(produceOfB()))));
		this.mvc.perform(asA(get("/api/v1/wages")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(hasItem(this.wageOfA.id().toString())))
			.andExpect(jsonPath("$[?(@.organisationId != '" + this.a.id() + "')]").isEmpty())
			.andExpect(content().string(not(containsString(workerOfB()))));
		this.mvc.perform(asA(get("/api/v1/dividends")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(hasItem(this.dividendOfA.id().toString())))
			.andExpect(jsonPath("$[?(@.organisationId != '" + this.a.id() + "')]").isEmpty())
			.andExpect(content().string(not(containsString(noteOfB()))));
		// asking for B's household by its id finds nothing either
		for (String path : new String[] { "/api/v1/procurements?householdId=" + this.householdOfB.id(),
				"/api/v1/wages?householdId=" + this.householdOfB.id() }) {
			this.mvc.perform(asA(get(path))).andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
		}

		this.mvc.perform(get("/income/procurements").with(user(this.signedInA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(produceOfA())))
			.andExpect(content().string(containsString("/income/procurements/" + this.purchaseOfA.id())))
			.andExpect(content().string(not(containsString(produceOfB()))))
			.andExpect(content().string(not(containsString(this.purchaseOfB.id().toString()))))
			.andExpect(content().string(not(containsString(this.householdOfB.headName()))));
		this.mvc
			.perform(get("/income/procurements").param("householdId", this.householdOfB.id().toString())
				.with(user(this.signedInA)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(produceOfB()))))
			.andExpect(content().string(not(containsString(this.purchaseOfB.id().toString()))));
		this.mvc.perform(get("/income/wages").with(user(this.signedInA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(workerOfA())))
			.andExpect(content().string(not(containsString(workerOfB()))));
		this.mvc.perform(get("/income/dividends").with(user(this.signedInA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A 分红 " + this.suffix)))
			.andExpect(content().string(not(containsString(noteOfB()))));
	}

	@Test
	void aMerchantRecordsNothingAboutAHouseholdThatIsOnlyAnotherOrganisationsMember() throws Exception {
		UUID ofB = this.householdOfB.id();
		Map<String, MockHttpServletRequestBuilder> writes = new LinkedHashMap<>();
		writes.put("purchase", json(post("/api/v1/procurements"), purchaseJson(null, ofB, "A 冒名收购 " + this.suffix)));
		writes.put("purchase naming B",
				json(post("/api/v1/procurements"), purchaseJson(this.b.id(), ofB, "A 冒名收购 " + this.suffix)));
		writes.put("wage", json(post("/api/v1/wages"), wageJson(null, ofB, "A 冒名工人 " + this.suffix)));
		writes.put("dividend", json(post("/api/v1/dividends"), dividendJson(null, ofB, "A 冒名分红 " + this.suffix)));
		String refusedForB = null;
		for (Map.Entry<String, MockHttpServletRequestBuilder> write : writes.entrySet()) {
			String body = this.mvc.perform(asA(write.getValue()))
				.andExpect(status().isBadRequest())
				// a cooperative's dividend goes to its own members only
				.andExpect(jsonPath("$.code")
					.value(write.getKey().equals("dividend") ? "income.error.not-member" : "income.error.household"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(write.getKey()).doesNotContain(this.householdOfB.headName());
			if (refusedForB == null) {
				refusedForB = body;
			}
		}
		// B's member answers like a household that does not exist at all
		String refusedForRandom = this.mvc
			.perform(asA(
					json(post("/api/v1/procurements"), purchaseJson(null, UUID.randomUUID(), "A 冒名收购 " + this.suffix))))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(withoutTimestamp(refusedForB)).isEqualTo(withoutTimestamp(refusedForRandom));

		// the page's form shows the form again with the reason, and saves nothing
		this.mvc
			.perform(post("/income/procurements").param("householdId", ofB.toString())
				.param("occurredOn", this.today.toString())
				.param("produce", "A 冒名收购 " + this.suffix)
				.param("quantity", "10")
				.param("unit", "KG")
				.param("unitPrice", "2.50")
				.param("grade", "UNGRADED")
				.param("payment", "OWED")
				.with(user(this.signedInA))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(flash().attributeCount(0));

		assertThat(this.procurements.procurements(this.operator, ofB, null, 0)).extracting(ProcurementView::id)
			.containsExactly(this.purchaseOfB.id());
		assertThat(this.wages.wages(this.operator, ofB, null, 0)).extracting(WageView::id)
			.containsExactly(this.wageOfB.id());
		assertThat(this.procurements.procurements(this.signedInA, null, null, 0)).extracting(ProcurementView::id)
			.containsExactly(this.purchaseOfA.id());
		assertThat(this.dividends.dividends(this.operator))
			.filteredOn(dividend -> dividend.shares().stream().anyMatch(share -> share.householdId().equals(ofB)))
			.extracting(DividendView::id)
			.containsExactly(this.dividendOfB.id());
		assertThatNothingOfBChanged();
	}

	@Test
	void aMerchantNamingAnotherOrganisationStillRecordsForItsOwn() throws Exception {
		UUID ofA = this.householdOfA.id();
		String purchase = this.mvc
			.perform(asA(json(post("/api/v1/procurements"), purchaseJson(this.b.id(), ofA, "A 自己的收购 " + this.suffix))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.organisationId").value(this.a.id().toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String wage = this.mvc
			.perform(asA(json(post("/api/v1/wages"), wageJson(this.b.id(), ofA, "A 自己的工人 " + this.suffix))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.organisationId").value(this.a.id().toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String dividend = this.mvc
			.perform(asA(json(post("/api/v1/dividends"), dividendJson(this.b.id(), ofA, "A 自己的分红 " + this.suffix))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.organisationId").value(this.a.id().toString()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.mvc
			.perform(post("/income/procurements").param("organisationId", this.b.id().toString())
				.param("householdId", ofA.toString())
				.param("occurredOn", this.today.toString())
				.param("produce", "A 页面收购 " + this.suffix)
				.param("quantity", "3")
				.param("unit", "KG")
				.param("unitPrice", "6.00")
				.param("grade", "FIRST")
				.param("payment", "PAID")
				.param("paymentMethod", "WECHAT")
				.with(user(this.signedInA))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/income/procurements/*/receipt"));

		List<ProcurementView> ofOrganisationA = this.procurements.procurements(this.operator, ofA, null, 0);
		assertThat(ofOrganisationA).extracting(ProcurementView::produce)
			.containsExactlyInAnyOrder(produceOfA(), "A 自己的收购 " + this.suffix, "A 页面收购 " + this.suffix);
		assertThat(ofOrganisationA).allSatisfy(view -> assertThat(view.organisationId()).isEqualTo(this.a.id()));
		assertThat(this.procurements.procurement(this.operator, UUID.fromString(JsonPath.read(purchase, "$.id")))
			.orElseThrow()
			.organisationId()).isEqualTo(this.a.id());
		assertThat(this.wages.wage(this.operator, UUID.fromString(JsonPath.read(wage, "$.id")))
			.orElseThrow()
			.organisationId()).isEqualTo(this.a.id());
		assertThat(this.dividends.dividend(this.operator, UUID.fromString(JsonPath.read(dividend, "$.id")))
			.orElseThrow()
			.organisationId()).isEqualTo(this.a.id());
		// B's lists hold only what B recorded
		assertThat(this.procurements.procurements(this.signedInB, null, null, 0)).extracting(ProcurementView::id)
			.containsExactly(this.purchaseOfB.id());
		assertThat(this.wages.wages(this.signedInB, null, null, 0)).extracting(WageView::id)
			.containsExactly(this.wageOfB.id());
		assertThat(this.dividends.dividends(this.signedInB)).extracting(DividendView::id)
			.containsExactly(this.dividendOfB.id());
	}

	@Test
	void aMerchantGetsTheNotFoundPageForAnotherOrganisationsPurchaseItsReceiptAndItsHousehold() throws Exception {
		UUID random = UUID.randomUUID();
		for (String path : new String[] { "/income/procurements/" + this.purchaseOfB.id(),
				"/income/procurements/" + this.purchaseOfB.id() + "/receipt",
				"/income/procurements/" + this.purchaseOfB.id() + "/correction",
				"/income/households/" + this.householdOfB.id(), "/income/procurements/" + random,
				"/income/procurements/" + random + "/receipt", "/income/households/" + random }) {
			String body = this.mvc.perform(get(path).with(user(this.signedInA)))
				.andExpect(status().isNotFound())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThatNothingOfBIsIn(body, path);
		}
		this.mvc.perform(get("/income/procurements/" + this.purchaseOfA.id() + "/receipt").with(user(this.signedInA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.purchaseOfA.receiptNo())))
			.andExpect(content().string(containsString(produceOfA())));
	}

	@Test
	void anAnalystReadsTheCountysIncomeButEveryWriteThroughTheApiOrAFormIsForbidden() throws Exception {
		SignedInUser analyst = (SignedInUser) this.users.loadUserByUsername("analyst");
		this.mvc.perform(get("/api/v1/procurements?householdId=" + this.householdOfB.id()).with(analystBasic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(hasItem(this.purchaseOfB.id().toString())));
		this.mvc.perform(get("/api/v1/procurements?householdId=" + this.householdOfA.id()).with(analystBasic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(hasItem(this.purchaseOfA.id().toString())));
		this.mvc.perform(get("/api/v1/wages?householdId=" + this.householdOfB.id()).with(analystBasic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(hasItem(this.wageOfB.id().toString())));
		this.mvc.perform(get("/api/v1/dividends").with(analystBasic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(hasItem(this.dividendOfB.id().toString())))
			.andExpect(jsonPath("$[*].id").value(hasItem(this.dividendOfA.id().toString())));
		this.mvc.perform(get("/api/v1/procurements/" + this.purchaseOfB.id()).with(analystBasic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.produce").value(produceOfB()));
		this.mvc.perform(get("/api/v1/income/households/" + this.householdOfB.id()).with(analystBasic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].year").value(this.today.getYear()));
		this.mvc.perform(get("/api/v1/income/overview").with(analystBasic()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(this.today.getYear()))
			.andExpect(jsonPath("$.householdsLinked").isNumber());
		for (String path : new String[] { "/income", "/income/attention", "/income/procurements", "/income/wages",
				"/income/dividends", "/income/households/" + this.householdOfB.id() }) {
			this.mvc.perform(get(path).with(user(analyst))).andExpect(status().isOk());
		}
		this.mvc.perform(get("/income/procurements/" + this.purchaseOfB.id()).with(user(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(produceOfB())))
			.andExpect(content().string(not(containsString("reverse-form"))));
		for (String path : new String[] { "/income/procurements/new", "/income/wages/new", "/income/dividends/new",
				"/income/procurements/" + this.purchaseOfB.id() + "/correction" }) {
			this.mvc.perform(get(path).with(user(analyst))).andExpect(status().isForbidden());
		}

		String reason = "{\"reason\":\"分析员冲销\"}";
		List<MockHttpServletRequestBuilder> writes = List.of(
				json(post("/api/v1/procurements"),
						purchaseJson(this.b.id(), this.householdOfB.id(), "分析员收购 " + this.suffix)),
				json(post("/api/v1/procurements/" + this.purchaseOfB.id() + "/reversal"), reason),
				json(post("/api/v1/procurements/" + this.purchaseOfB.id() + "/payment"),
						"{\"paidOn\":\"" + this.today + "\",\"method\":\"CASH\"}"),
				json(post("/api/v1/wages"), wageJson(this.b.id(), this.householdOfB.id(), "分析员工人 " + this.suffix)),
				json(post("/api/v1/wages/" + this.wageOfB.id() + "/reversal"), reason),
				json(post("/api/v1/dividends"),
						dividendJson(this.b.id(), this.householdOfB.id(), "分析员分红 " + this.suffix)),
				json(post("/api/v1/dividends/" + this.dividendOfB.id() + "/reversal"), reason));
		for (MockHttpServletRequestBuilder write : writes) {
			int status = this.mvc.perform(write.with(analystBasic())).andReturn().getResponse().getStatus();
			assertThat(status).as(describe(write)).isEqualTo(403);
		}
		for (MockHttpServletRequestBuilder form : pageForms(this.b.id(), this.householdOfB.id(), this.purchaseOfB.id(),
				this.wageOfB.id(), this.dividendOfB.id(), "分析员")) {
			int status = this.mvc.perform(form.with(user(analyst)).with(csrf())).andReturn().getResponse().getStatus();
			assertThat(status).as(describe(form)).isEqualTo(403);
		}
		assertThatNothingOfBChanged();
		assertThat(this.procurements.procurements(this.operator, this.householdOfB.id(), null, 0)).hasSize(1);
		assertThat(this.wages.wages(this.operator, this.householdOfB.id(), null, 0)).hasSize(1);
	}

	@Test
	void stationAndTrainerStaffAreForbiddenEveryIncomePageAndApiRatherThanToldARecordIsMissing() throws Exception {
		Map<String, Integer> statuses = new LinkedHashMap<>();
		for (String username : new String[] { "station", "trainer" }) {
			SignedInUser staff = (SignedInUser) this.users.loadUserByUsername(username);
			for (String path : new String[] { "/api/v1/procurements", "/api/v1/wages", "/api/v1/dividends",
					"/api/v1/procurements/" + this.purchaseOfB.id(), "/api/v1/wages/" + this.wageOfB.id(),
					"/api/v1/dividends/" + this.dividendOfB.id(), "/api/v1/income/households/" + this.householdOfB.id(),
					"/api/v1/income/overview" }) {
				MockHttpServletResponse response = this.mvc.perform(get(path).with(httpBasic(username, "farmgate")))
					.andReturn()
					.getResponse();
				assertThatNothingOfBIsIn(response.getContentAsString(), username + " GET " + path);
				statuses.put(username + " GET " + path, response.getStatus());
			}
			String reason = "{\"reason\":\"站点冲销\"}";
			for (MockHttpServletRequestBuilder write : List.of(
					json(post("/api/v1/procurements"),
							purchaseJson(this.b.id(), this.householdOfB.id(), username + " 收购 " + this.suffix)),
					json(post("/api/v1/procurements/" + this.purchaseOfB.id() + "/reversal"), reason),
					json(post("/api/v1/procurements/" + this.purchaseOfB.id() + "/payment"),
							"{\"paidOn\":\"" + this.today + "\",\"method\":\"CASH\"}"),
					json(post("/api/v1/wages"),
							wageJson(this.b.id(), this.householdOfB.id(), username + " 工人 " + this.suffix)),
					json(post("/api/v1/wages/" + this.wageOfB.id() + "/reversal"), reason),
					json(post("/api/v1/dividends"),
							dividendJson(this.b.id(), this.householdOfB.id(), username + " 分红 " + this.suffix)),
					json(post("/api/v1/dividends/" + this.dividendOfB.id() + "/reversal"), reason))) {
				statuses.put(username + " " + describe(write),
						this.mvc.perform(write.with(httpBasic(username, "farmgate")))
							.andReturn()
							.getResponse()
							.getStatus());
			}
			for (String path : new String[] { "/income", "/income/procurements",
					"/income/procurements/" + this.purchaseOfB.id(),
					"/income/procurements/" + this.purchaseOfB.id() + "/receipt", "/income/procurements/new",
					"/income/wages", "/income/dividends", "/income/attention", "/income/export.xlsx",
					"/income/households/" + this.householdOfB.id() }) {
				MockHttpServletResponse response = this.mvc.perform(get(path).with(user(staff)))
					.andReturn()
					.getResponse();
				assertThatNothingOfBIsIn(response.getContentAsString(), username + " GET " + path);
				statuses.put(username + " GET " + path, response.getStatus());
			}
			for (MockHttpServletRequestBuilder form : pageForms(this.b.id(), this.householdOfB.id(),
					this.purchaseOfB.id(), this.wageOfB.id(), this.dividendOfB.id(), username)) {
				statuses.put(username + " " + describe(form),
						this.mvc.perform(form.with(user(staff)).with(csrf())).andReturn().getResponse().getStatus());
			}
		}
		assertThat(statuses).allSatisfy((request, status) -> assertThat(status).as(request).isEqualTo(403));
		assertThatNothingOfBChanged();
	}

	@Test
	void aMerchantIsForbiddenTheCountysWorkbookAttentionListAndOverview() throws Exception {
		int audited = fullIdExports();
		for (String path : new String[] { "/income/export.xlsx", "/income/export.xlsx?year=" + this.today.getYear(),
				"/income/export.xlsx?fullIds=true", "/income/attention" }) {
			MockHttpServletResponse response = this.mvc.perform(get(path).with(user(this.signedInA)))
				.andExpect(status().isForbidden())
				.andReturn()
				.getResponse();
			assertThat(String.valueOf(response.getContentType())).as(path).doesNotContain("spreadsheetml");
		}
		this.mvc.perform(post("/income/export.xlsx").with(csrf()).with(user(this.signedInA)))
			.andExpect(status().isForbidden());
		this.mvc.perform(asA(get("/api/v1/income/overview"))).andExpect(status().isForbidden());
		this.mvc.perform(asA(get("/api/v1/income/overview?year=" + this.today.getYear())))
			.andExpect(status().isForbidden());
		assertThat(fullIdExports()).isEqualTo(audited);
	}

	@Test
	void theAnalystsWorkbookHasOnlyMaskedIdNumbersAndTheAnalystMayNotAskForFullOnes() throws Exception {
		String nationalId = freshNationalId();
		HouseholdView household = registerByOperator("A 户 " + this.suffix, nationalId, false);
		this.procurements.record(this.operator, purchase(this.a.id(), household.id(), "A 导出收购 " + this.suffix));
		SignedInUser analyst = (SignedInUser) this.users.loadUserByUsername("analyst");
		int audited = fullIdExports();

		List<XCell> cells = workbook(this.mvc
			.perform(get("/income/export.xlsx").param("year", String.valueOf(this.today.getYear())).with(user(analyst)))
			.andExpect(status().isOk())
			.andExpect(content()
				.contentTypeCompatibleWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray());

		assertThat(cells).as("the household's row, ID number masked")
			.anySatisfy(cell -> assertThat(cell.text()).isEqualTo(household.headName()));
		assertThat(cells).extracting(XCell::text).contains(NationalId.masked(nationalId));
		assertThat(NationalId.masked(nationalId)).matches("5201\\*{10}[0-9X]{4}");
		assertThat(cells).extracting(XCell::text).noneMatch(text -> text.contains(nationalId));
		assertThat(fullIdsIn(cells)).as("full ID numbers anywhere in the analyst's workbook").isEmpty();

		this.mvc
			.perform(post("/income/export.xlsx").param("year", String.valueOf(this.today.getYear()))
				.with(csrf())
				.with(user(analyst)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString(nationalId))));
		assertThat(fullIdExports()).as("neither export is an audited disclosure").isEqualTo(audited);
	}

	@Test
	void theOperatorsWorkbookWithFullIdNumbersHasThemAndTheAuditLogSaysTheOperatorTookThem() throws Exception {
		String nationalId = freshNationalId();
		HouseholdView household = registerByOperator("A 全号户 " + this.suffix, nationalId, false);
		this.households.join(this.operator, household.id(), this.a.id());
		this.procurements.record(this.signedInA, purchase(null, household.id(), "A 全号收购 " + this.suffix));
		int audited = fullIdExports();

		List<XCell> masked = workbook(this.mvc
			.perform(get("/income/export.xlsx").param("year", String.valueOf(this.today.getYear()))
				.with(user(this.operator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(masked).extracting(XCell::text).contains(NationalId.masked(nationalId));
		assertThat(fullIdsIn(masked)).as("full ID numbers in the operator's masked workbook").isEmpty();
		assertThat(fullIdExports()).as("the masked export writes no audit entry").isEqualTo(audited);

		List<XCell> full = workbook(this.mvc
			.perform(post("/income/export.xlsx").param("year", String.valueOf(this.today.getYear()))
				.with(csrf())
				.with(user(this.operator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		XCell head = full.stream()
			.filter(cell -> cell.text().equals(household.headName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row of " + household.headName()));
		assertThat(full).filteredOn(cell -> cell.sheet().equals(head.sheet()) && cell.row() == head.row())
			.extracting(XCell::text)
			.contains(nationalId)
			.doesNotContain(NationalId.masked(nationalId));
		assertThat(fullIdsIn(full)).contains(nationalId);

		assertThat(fullIdExports()).isEqualTo(audited + 1);
		assertThat(this.jdbc.sql("""
				SELECT actor FROM accounts_audit_entry WHERE action = ? ORDER BY occurred_at DESC, id LIMIT 1""")
			.param(FULL_IDS_ACTION)
			.query(String.class)
			.single()).isEqualTo("operator");
		assertThat(this.jdbc.sql("SELECT subject FROM accounts_audit_entry WHERE action = ? AND actor = 'operator'")
			.param(FULL_IDS_ACTION)
			.query(String.class)
			.list()).as("the audit log says who took ID numbers away, never the numbers")
			.isNotEmpty()
			.noneMatch(subject -> subject.contains(nationalId));
	}

	@Test
	void aHouseholdHeadNameThatLooksLikeAFormulaComesOutOfTheWorkbookAsPlainText() throws Exception {
		String formula = "=HYPERLINK(\"http://x/" + this.suffix + "\",\"y\")";
		HouseholdView linked = registerByOperator(formula, freshNationalId(), false);
		this.procurements.record(this.operator, purchase(this.a.id(), linked.id(), "A 公式收购 " + this.suffix));
		String attentionFormula = "=HYPERLINK(\"http://z/" + this.suffix + "\",\"w\")";
		HouseholdView needingAttention = registerByOperator(attentionFormula, freshNationalId(), true);
		assertThat(needingAttention.disadvantaged()).isTrue();

		for (String fullIds : new String[] { "false", "true" }) {
			List<XCell> cells = workbook(this.mvc
				.perform(
						("true".equals(fullIds) ? post("/income/export.xlsx").with(csrf()) : get("/income/export.xlsx"))
							.param("year", String.valueOf(this.today.getYear()))
							.with(user(this.operator)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray());
			assertThat(cells).as("fullIds=" + fullIds)
				.filteredOn(cell -> cell.text().equals(formula))
				.isNotEmpty()
				.allSatisfy(cell -> assertThat(cell.type()).isEqualTo(CellType.STRING));
			assertThat(cells).as("fullIds=" + fullIds + ", the sheet of households needing attention")
				.filteredOn(cell -> cell.text().equals(attentionFormula))
				.isNotEmpty()
				.allSatisfy(cell -> assertThat(cell.type()).isEqualTo(CellType.STRING));
			assertThat(cells).as("fullIds=" + fullIds + ", formula cells")
				.filteredOn(cell -> cell.type() == CellType.FORMULA)
				.isEmpty();
		}
	}

	@Test
	void everyIncomeFormPostedWithoutItsCsrfTokenIsForbiddenToASignedInMerchantAndChangesNothing() throws Exception {
		List<MockHttpServletRequestBuilder> forms = pageForms(null, this.householdOfA.id(), this.purchaseOfA.id(),
				this.wageOfA.id(), this.dividendOfA.id(), "无令牌");
		for (MockHttpServletRequestBuilder form : forms) {
			int status = this.mvc.perform(form.with(user(this.signedInA))).andReturn().getResponse().getStatus();
			assertThat(status).as(describe(form)).isEqualTo(403);
		}
		for (MockHttpServletRequestBuilder form : forms) {
			int status = this.mvc.perform(form.with(user(this.signedInA)).with(csrf().useInvalidToken()))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as("invalid token: " + describe(form)).isEqualTo(403);
		}
		ProcurementView purchase = this.procurements.procurement(this.signedInA, this.purchaseOfA.id()).orElseThrow();
		assertThat(purchase.payment()).isEqualTo(Payment.OWED);
		assertThat(purchase.reversedBy()).isNull();
		assertThat(this.procurements.procurements(this.signedInA, null, null, 0)).extracting(ProcurementView::id)
			.containsExactly(this.purchaseOfA.id());
		assertThat(this.wages.wages(this.signedInA, null, null, 0)).extracting(WageView::id)
			.containsExactly(this.wageOfA.id());
		assertThat(this.dividends.dividends(this.signedInA)).extracting(DividendView::id)
			.containsExactly(this.dividendOfA.id());

		// with the token the same form goes through: what was refused was the missing
		// token
		this.mvc
			.perform(post("/income/procurements/" + this.purchaseOfA.id() + "/payment")
				.param("paidOn", this.today.toString())
				.param("method", "CASH")
				.with(user(this.signedInA))
				.with(csrf()))
			.andExpect(redirectedUrl("/income/procurements/" + this.purchaseOfA.id()))
			.andExpect(flash().attribute("notice", "income.paid"));
		assertThat(this.procurements.procurement(this.signedInA, this.purchaseOfA.id()).orElseThrow().payment())
			.isEqualTo(Payment.PAID);
	}

	/**
	 * Every income form: record a purchase, reverse, pay and correct one, record and
	 * reverse wages, distribute and reverse a dividend.
	 */
	private List<MockHttpServletRequestBuilder> pageForms(UUID organisationId, UUID household, UUID purchase, UUID wage,
			UUID dividend, String who) {
		String organisation = (organisationId != null) ? organisationId.toString() : "";
		return List.of(
				post("/income/procurements").param("organisationId", organisation)
					.param("householdId", household.toString())
					.param("occurredOn", this.today.toString())
					.param("produce", who + " 收购 " + this.suffix)
					.param("quantity", "10")
					.param("unit", "KG")
					.param("unitPrice", "2.50")
					.param("grade", "UNGRADED")
					.param("payment", "PAID")
					.param("paymentMethod", "CASH"),
				post("/income/procurements/" + purchase + "/reversal").param("reason", who + " 冲销"),
				post("/income/procurements/" + purchase + "/payment").param("paidOn", this.today.toString())
					.param("method", "CASH"),
				post("/income/procurements/" + purchase + "/correction").param("householdId", household.toString())
					.param("occurredOn", this.today.toString())
					.param("produce", who + " 更正 " + this.suffix)
					.param("quantity", "1")
					.param("unit", "KG")
					.param("unitPrice", "1.00")
					.param("grade", "UNGRADED")
					.param("payment", "OWED")
					.param("reason", who + " 更正"),
				post("/income/wages").param("organisationId", organisation)
					.param("householdId", household.toString())
					.param("workerName", who + " 工人 " + this.suffix)
					.param("work", "PACKING")
					.param("month", YearMonth.from(this.today).toString())
					.param("monthlyPay", "1500.00"),
				post("/income/wages/" + wage + "/reversal").param("reason", who + " 冲销"),
				post("/income/dividends").param("organisationId", organisation)
					.param("year", String.valueOf(this.today.getYear()))
					.param("declaredOn", this.today.toString())
					.param("note", who + " 分红 " + this.suffix)
					.param("householdIds", household.toString())
					.param("amounts", "88.00"),
				post("/income/dividends/" + dividend + "/reversal").param("reason", who + " 冲销"));
	}

	private void assertThatNothingOfBChanged() {
		ProcurementView purchase = this.procurements.procurement(this.operator, this.purchaseOfB.id()).orElseThrow();
		assertThat(purchase.organisationId()).isEqualTo(this.b.id());
		assertThat(purchase.payment()).isEqualTo(Payment.OWED);
		assertThat(purchase.paidOn()).isNull();
		assertThat(purchase.paymentMethod()).isNull();
		assertThat(purchase.reversedBy()).isNull();
		assertThat(purchase.produce()).isEqualTo(produceOfB());
		assertThat(purchase.amount()).isEqualByComparingTo(this.purchaseOfB.amount());
		assertThat(purchase.receiptNo()).isEqualTo(this.purchaseOfB.receiptNo());
		assertThat(this.procurements.procurements(this.signedInB, null, null, 0)).extracting(ProcurementView::id)
			.containsExactly(this.purchaseOfB.id());
		WageView wage = this.wages.wage(this.operator, this.wageOfB.id()).orElseThrow();
		assertThat(wage.reversedBy()).isNull();
		assertThat(wage.amount()).isEqualByComparingTo(this.wageOfB.amount());
		assertThat(this.wages.wages(this.signedInB, null, null, 0)).extracting(WageView::id)
			.containsExactly(this.wageOfB.id());
		DividendView dividend = this.dividends.dividend(this.operator, this.dividendOfB.id()).orElseThrow();
		assertThat(dividend.reversedBy()).isNull();
		assertThat(dividend.total()).isEqualByComparingTo(this.dividendOfB.total());
		assertThat(this.dividends.dividends(this.signedInB)).extracting(DividendView::id)
			.containsExactly(this.dividendOfB.id());
	}

	private void assertThatNothingOfBIsIn(String body, String what) {
		assertThat(body).as(what)
			.doesNotContain(produceOfB())
			.doesNotContain(workerOfB())
			.doesNotContain(noteOfB())
			.doesNotContain(this.householdOfB.headName());
	}

	private String produceOfA() {
		return "A 的辣椒 " + this.suffix;
	}

	private String produceOfB() {
		return "B 的辣椒 " + this.suffix;
	}

	private String workerOfA() {
		return "A 工人 " + this.suffix;
	}

	private String workerOfB() {
		return "B 工人 " + this.suffix;
	}

	private String noteOfB() {
		return "B 分红 " + this.suffix;
	}

	private ProcurementInput purchase(UUID organisationId, UUID household, String produce) {
		return new ProcurementInput(organisationId, household, this.today, null, produce, null, new BigDecimal("12.5"),
				Unit.KG, new BigDecimal("4.20"), Grade.FIRST, Payment.OWED, null);
	}

	private WageInput wage(UUID organisationId, UUID household, String worker) {
		return new WageInput(organisationId, household, worker, Work.PACKING, YearMonth.from(this.today), null, null,
				new BigDecimal("1800.00"));
	}

	private DividendInput dividend(UUID organisationId, UUID household, String note) {
		return new DividendInput(organisationId, this.today.getYear(), this.today, note,
				List.of(new DividendShare(household, new BigDecimal("300.00"))));
	}

	private String purchaseJson(UUID organisationId, UUID household, String produce) {
		return "{" + organisationJson(organisationId) + "\"householdId\":\"" + household + "\",\"occurredOn\":\""
				+ this.today + "\",\"produce\":\"" + produce
				+ "\",\"quantity\":10,\"unit\":\"KG\",\"unitPrice\":2.50,\"grade\":\"UNGRADED\",\"payment\":\"OWED\"}";
	}

	private String wageJson(UUID organisationId, UUID household, String worker) {
		return "{" + organisationJson(organisationId) + "\"householdId\":\"" + household + "\",\"workerName\":\""
				+ worker + "\",\"work\":\"PACKING\",\"month\":\"" + YearMonth.from(this.today)
				+ "\",\"monthlyPay\":1500.00}";
	}

	private String dividendJson(UUID organisationId, UUID household, String note) {
		return "{" + organisationJson(organisationId) + "\"year\":" + this.today.getYear() + ",\"declaredOn\":\""
				+ this.today + "\",\"note\":\"" + note + "\",\"shares\":[{\"householdId\":\"" + household
				+ "\",\"amount\":88.00}]}";
	}

	private static String organisationJson(UUID organisationId) {
		return (organisationId != null) ? "\"organisationId\":\"" + organisationId + "\"," : "";
	}

	private MockHttpServletRequestBuilder asA(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic(this.merchantA, PASSWORD));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor analystBasic() {
		return httpBasic("analyst", "farmgate");
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static String describe(MockHttpServletRequestBuilder request) {
		MockHttpServletRequest built = request.buildRequest(new MockServletContext());
		return built.getMethod() + " " + built.getRequestURI()
				+ ((built.getQueryString() != null) ? "?" + built.getQueryString() : "");
	}

	private static String withoutTimestamp(String body) {
		return body.replaceAll("\"timestamp\":\"[^\"]*\"", "");
	}

	/** How many times full ID numbers were exported, by anyone. */
	private int fullIdExports() {
		return this.jdbc.sql("SELECT count(*) FROM accounts_audit_entry WHERE action = ?")
			.param(FULL_IDS_ACTION)
			.query(Integer.class)
			.single();
	}

	/** A cell of a workbook, with its text (a formula's text for a formula). */
	record XCell(String sheet, int row, int column, CellType type, String text) {
	}

	private static List<XCell> workbook(byte[] xlsx) throws IOException {
		assertThat(xlsx).as("an XLSX (a zip file)").startsWith((byte) 'P', (byte) 'K');
		List<XCell> cells = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						String text = switch (cell.getCellType()) {
							case STRING -> cell.getStringCellValue();
							case NUMERIC -> String.valueOf(cell.getNumericCellValue());
							case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
							case FORMULA -> cell.getCellFormula();
							default -> "";
						};
						cells.add(new XCell(sheet.getSheetName(), row.getRowNum(), cell.getColumnIndex(),
								cell.getCellType(), text));
					}
				}
			}
		}
		assertThat(cells).as("a workbook with rows").hasSizeGreaterThan(20);
		return cells;
	}

	/** The valid full 18-character ID numbers written anywhere in these cells. */
	private static List<String> fullIdsIn(List<XCell> cells) {
		List<String> found = new ArrayList<>();
		for (XCell cell : cells) {
			Matcher matcher = EIGHTEEN.matcher(cell.text().toUpperCase(java.util.Locale.ROOT));
			while (matcher.find()) {
				if (NationalId.isValid(matcher.group())) {
					found.add(matcher.group());
				}
			}
		}
		return found;
	}

	/** A valid ID number of someone born in 息烽县 that no household has yet. */
	private String freshNationalId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int attempt = 0; attempt < 50; attempt++) {
			LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 50));
			String first17 = "520122" + born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
					+ String.format("%03d", random.nextInt(1000));
			String number = first17 + checkCharacter(first17);
			assertThat(NationalId.isValid(number)).as(number).isTrue();
			Integer taken = this.jdbc.sql("SELECT count(*) FROM registry_household WHERE national_id = ?")
				.param(number)
				.query(Integer.class)
				.single();
			if (taken == 0) {
				return number;
			}
		}
		throw new AssertionError("no fresh ID number");
	}

	/** GB 11643's check character of the first 17 digits. */
	private static char checkCharacter(String first17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return "10X98765432".charAt(sum % 11);
	}

	private HouseholdView register(SignedInUser by, String head, boolean disadvantaged) {
		return register(by, head, freshNationalId(), disadvantaged);
	}

	private HouseholdView registerByOperator(String head, String nationalId, boolean disadvantaged) {
		return register(this.operator, head, nationalId, disadvantaged);
	}

	private HouseholdView register(SignedInUser by, String head, String nationalId, boolean disadvantaged) {
		try {
			return this.households.register(by, new HouseholdInput(head, 3, null, null, nationalId, disadvantaged,
					disadvantaged ? 2014 : null, null, null));
		}
		catch (RegistryException ex) {
			throw new AssertionError("registering " + head + ": " + ex.getMessage(), ex);
		}
	}

	private OrganisationView approved(String name, String first17) {
		String code = "0123456789ABCDEFGHJKLMNPQRTUWXY".chars()
			.mapToObj(check -> first17 + (char) check)
			.filter(CreditCode::isValid)
			.findFirst()
			.orElseThrow();
		OrganisationView view = this.registry.registerOrganisation(this.operator, new OrganisationInput(
				OrganisationType.COOPERATIVE, name, code, null, null, null, SalesModel.FARMERS_FACILITIES_SHOPS));
		return this.registry.review(this.operator, view.id(), AdmissionStatus.APPROVED, null);
	}

	private SignedInUser merchant(String username, UUID organisationId) {
		this.accounts.createAccount(username, username, Role.MERCHANT, new DataScope("520122", organisationId, null),
				PASSWORD);
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername(username);
		assertThat(merchant.scope().organisationId()).isEqualTo(organisationId);
		return merchant;
	}

}

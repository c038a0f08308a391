package org.farmgate.income;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.HouseholdManagement;
import org.farmgate.registry.HouseholdView;
import org.farmgate.registry.OrganisationType;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.RegistryManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input to the income API gets a 4xx whose {@code code} names the rule and whose
 * {@code detail} says, in Chinese by default, what to fix — never a server error — and
 * nothing of a refused record is saved: no row, no receipt number taken. The purchase
 * form shows the message again and saves nothing either.
 */
@FarmgateTest
class IncomeBadInputTests {

	private static final String QUANTITY = "数量必须大于 0（最多三位小数）。";

	private static final String UNIT_PRICE = "单价必须大于 0 元（最多两位小数，低于 1000 万元）。";

	private static final String HOUSEHOLD = "该农户不在本组织所在县的农户名录中（商户只能选择本组织的社员农户）。请先登记这户农户。";

	private static final String PAYMENT_METHOD = "已付的收购请选择付款方式。";

	private static final String PAY_BASIS = "请填写天数和日工资，或只填写月工资（二选一）。";

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
	JdbcTemplate jdbc;

	private IncomeFixtures fixtures;

	private OrganisationView cooperative;

	private SignedInUser merchant;

	private String merchantName;

	private HouseholdView member;

	private LocalDate today;

	@BeforeEach
	void aCooperativeWithAMerchantAndAMemberHousehold() {
		this.fixtures = new IncomeFixtures(this.registry, this.households, this.accounts, this.users);
		this.cooperative = this.fixtures.approved(OrganisationType.COOPERATIVE, "坏输入合作社", 'B');
		this.merchant = this.fixtures.merchant("bad", this.cooperative.id());
		this.merchantName = this.merchant.getUsername();
		this.member = this.fixtures.member("周永", this.cooperative.id());
		this.today = IncomeFixtures.today();
	}

	@AfterEach
	void nothingWasSavedHalfWay() {
		// whatever a test accepted on purpose, no receipt number was taken beyond its
		// rows
		Integer rows = procurementRows();
		Integer serials = this.jdbc.queryForObject(
				"SELECT coalesce(sum(last_serial), 0) FROM income_receipt_serial WHERE organisation_id = ?",
				Integer.class, this.cooperative.id());
		assertThat(serials).as("receipt numbers taken").isEqualTo(rows);
	}

	// quantities and prices

	@ParameterizedTest(name = "quantity {0}")
	@ValueSource(strings = { "0", "0.000", "-1", "-0.5", "12.3456" })
	void aQuantityOfZeroOrLessIsRefusedAndNothingIsSaved(String quantity) throws Exception {
		postAsMerchant("/api/v1/procurements", purchase(Map.of("quantity", quantity)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.quantity"))
			.andExpect(jsonPath("$.detail").value(QUANTITY));

		assertThat(procurementRows()).isZero();
	}

	@ParameterizedTest(name = "unit price {0}")
	@ValueSource(strings = { "0", "0.00", "-1", "-0.01", "4.505" })
	void aUnitPriceOfZeroOrLessIsRefusedAndNothingIsSaved(String unitPrice) throws Exception {
		postAsMerchant("/api/v1/procurements", purchase(Map.of("unitPrice", unitPrice)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.unit-price"))
			.andExpect(jsonPath("$.detail").value(UNIT_PRICE));

		assertThat(procurementRows()).isZero();
	}

	@Test
	void anAmountOfLessThanAFenIsRefusedAsBadInputNotAsAConflict() throws Exception {
		postAsMerchant("/api/v1/procurements", purchase(Map.of("quantity", "0.001", "unitPrice", "0.01")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.amount-zero"))
			.andExpect(jsonPath("$.detail", containsString("不足 1 分钱")));

		assertThat(procurementRows()).isZero();
	}

	// dates: the county's today is Asia/Shanghai's

	@Test
	void aPurchaseDatedTomorrowInTheCountyIsRefusedNamingTheCountysToday() throws Exception {
		postAsMerchant("/api/v1/procurements",
				purchase(Map.of("occurredOn", quoted(this.today.plusDays(1).toString()))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.occurred-on"))
			.andExpect(jsonPath("$.detail", containsString("日期不能晚于今天")))
			.andExpect(jsonPath("$.detail", containsString(this.today.toString())));

		assertThat(procurementRows()).isZero();
	}

	@Test
	void aPurchaseDatedTodayInTheCountyIsAcceptedWhateverTheDateInUtc() throws Exception {
		postAsMerchant("/api/v1/procurements", purchase(Map.of("occurredOn", quoted(this.today.toString()))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.occurredOn").value(this.today.toString()))
			.andExpect(jsonPath("$.receiptNo").value(String.format("SG-%d-000001", this.today.getYear())));

		assertThat(procurementRows()).isEqualTo(1);
	}

	@Test
	void aPurchaseMoreThanTenYearsAgoIsRefused() throws Exception {
		postAsMerchant("/api/v1/procurements",
				purchase(Map.of("occurredOn", quoted(this.today.minusYears(10).minusDays(1).toString()))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.occurred-on"));

		assertThat(procurementRows()).isZero();
	}

	// households

	@Test
	void aHouseholdOfAnotherCountyIsRefusedToTheOperatorAndToTheMerchant() throws Exception {
		SignedInUser kaiyang = this.fixtures.operatorOf("520121");
		HouseholdView elsewhere = this.fixtures.household(kaiyang, "外县农户", false);
		assertThat(elsewhere.countyCode()).isEqualTo("520121");

		this.mvc
			.perform(post("/api/v1/procurements").contentType(MediaType.APPLICATION_JSON)
				.content(purchase(Map.of("organisationId", quoted(this.cooperative.id().toString()), "householdId",
						quoted(elsewhere.id().toString()))))
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.household"))
			.andExpect(jsonPath("$.detail").value(HOUSEHOLD));
		postAsMerchant("/api/v1/procurements", purchase(Map.of("householdId", quoted(elsewhere.id().toString()))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.household"));

		assertThat(procurementRows()).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM income_procurement WHERE household_id = ?",
				Integer.class, elsewhere.id()))
			.isZero();
	}

	@Test
	void aHouseholdThatDoesNotExistIsRefused() throws Exception {
		postAsMerchant("/api/v1/procurements", purchase(Map.of("householdId", quoted(UUID.randomUUID().toString()))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.household"))
			.andExpect(jsonPath("$.detail").value(HOUSEHOLD));
		postAsMerchant("/api/v1/procurements", purchase(Map.of("householdId", "null")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.household-missing"));

		assertThat(procurementRows()).isZero();
	}

	@Test
	void aMerchantNamingAHouseholdThatIsNotAMemberOfItsOrganisationIsRefused() throws Exception {
		HouseholdView outsider = this.fixtures.household(this.fixtures.operator, "非社员", false);

		postAsMerchant("/api/v1/procurements", purchase(Map.of("householdId", quoted(outsider.id().toString()))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.household"))
			.andExpect(jsonPath("$.detail").value(HOUSEHOLD));
		postAsMerchant("/api/v1/wages", wage(Map.of("householdId", quoted(outsider.id().toString()))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.household"));

		assertThat(procurementRows()).isZero();
		assertThat(wageRows()).isZero();
	}

	// payment

	@Test
	void aPaidPurchaseWithoutAPaymentMethodIsRefused() throws Exception {
		Map<String, String> withoutMethod = new LinkedHashMap<>();
		withoutMethod.put("paymentMethod", null);
		postAsMerchant("/api/v1/procurements", purchase(withoutMethod)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.payment-method"))
			.andExpect(jsonPath("$.detail").value(PAYMENT_METHOD));
		postAsMerchant("/api/v1/procurements", purchase(Map.of("paymentMethod", "null")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.payment-method"));

		assertThat(procurementRows()).isZero();
	}

	@Test
	void anOwedPurchaseNeedsNoPaymentMethodAndIsPaidOnceThroughTheApi() throws Exception {
		MvcResult owed = postAsMerchant("/api/v1/procurements",
				purchase(Map.of("payment", quoted("OWED"), "paymentMethod", "null")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.payment").value("OWED"))
			.andReturn();
		String id = com.jayway.jsonpath.JsonPath.read(owed.getResponse().getContentAsString(StandardCharsets.UTF_8),
				"$.id");

		postAsMerchant("/api/v1/procurements/" + id + "/payment", "{\"paidOn\":\"" + this.today + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.payment-method"));
		postAsMerchant("/api/v1/procurements/" + id + "/payment",
				"{\"paidOn\":\"" + this.today + "\",\"method\":\"ALIPAY\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.payment").value("PAID"));
		postAsMerchant("/api/v1/procurements/" + id + "/payment",
				"{\"paidOn\":\"" + this.today + "\",\"method\":\"CASH\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("income.error.not-owed"));

		assertThat(procurementRows()).isEqualTo(1);
	}

	// reversals through the API

	@Test
	void aReversalWithoutAReasonOrOfAReversalOrTwiceIsRefusedThroughTheApi() throws Exception {
		MvcResult recorded = postAsMerchant("/api/v1/procurements", purchase(Map.of())).andExpect(status().isCreated())
			.andReturn();
		String id = com.jayway.jsonpath.JsonPath.read(recorded.getResponse().getContentAsString(StandardCharsets.UTF_8),
				"$.id");

		postAsMerchant("/api/v1/procurements/" + id + "/reversal", "{\"reason\":\"  \"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.reason"));
		postAsMerchant("/api/v1/procurements/" + id + "/reversal", "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.reason"));
		postAsMerchant("/api/v1/procurements/" + id + "/reversal", "null").andExpect(status().isBadRequest());
		postAsMerchant("/api/v1/procurements/" + id + "/reversal", "{\"reason\":\"" + "长".repeat(201) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.too-long"));
		MvcResult reversed = postAsMerchant("/api/v1/procurements/" + id + "/reversal", "{\"reason\":\"称错了\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.reverses").value(id))
			.andReturn();
		String reversal = com.jayway.jsonpath.JsonPath
			.read(reversed.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");
		postAsMerchant("/api/v1/procurements/" + id + "/reversal", "{\"reason\":\"再冲\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("income.error.reversed-already"));
		postAsMerchant("/api/v1/procurements/" + reversal + "/reversal", "{\"reason\":\"冲冲销\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.reverse-reversal"));

		assertThat(procurementRows()).isEqualTo(2);
	}

	// malformed requests

	@Test
	void aMalformedJsonBodyIsA400ProblemNeverAStackTraceAndSavesNothing() throws Exception {
		List<String> bodies = List.of("{\"householdId\":\"" + this.member.id() + "\",\"quantity\":10,",
				purchase(Map.of("occurredOn", quoted("yesterday"))), purchase(Map.of("quantity", quoted("lots"))),
				purchase(Map.of("unit", quoted("TON"))), purchase(Map.of("householdId", quoted("not-a-uuid"))),
				purchase(Map.of("payment", quoted("LATER"))), "not json at all", "[]", "null", "");

		for (String body : bodies) {
			MvcResult answer = postAsMerchant("/api/v1/procurements", body).andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(400))
				.andExpect(jsonPath("$.detail").isNotEmpty())
				.andReturn();
			assertThat(answer.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(body)
				.doesNotContain("Exception", "at org.", "at tools.", "at com.");
		}

		assertThat(procurementRows()).isZero();
	}

	// wages

	@Test
	void wagesWithBothDailyAndMonthlyPayAreRefused() throws Exception {
		postAsMerchant("/api/v1/wages", wage(Map.of("days", "20", "dailyRate", "120.00", "monthlyPay", "3000.00")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.pay-basis"))
			.andExpect(jsonPath("$.detail").value(PAY_BASIS));
		postAsMerchant("/api/v1/wages", wage(Map.of("days", "20", "monthlyPay", "3000.00")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.pay-basis"));
		postAsMerchant("/api/v1/wages", wage(Map.of())).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.pay-basis"));

		assertThat(wageRows()).isZero();
	}

	@Test
	void wagesWithOnlyDaysOrOnlyARateOrOfNextMonthAreRefused() throws Exception {
		postAsMerchant("/api/v1/wages", wage(Map.of("days", "20"))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.daily-rate"));
		postAsMerchant("/api/v1/wages", wage(Map.of("dailyRate", "120.00"))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.days"));
		postAsMerchant("/api/v1/wages", wage(Map.of("days", "32", "dailyRate", "120.00")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.days"));
		postAsMerchant("/api/v1/wages",
				wage(Map.of("monthlyPay", "3000.00", "month",
						quoted(YearMonth.from(this.today).plusMonths(1).toString()))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.month"));

		assertThat(wageRows()).isZero();
		postAsMerchant("/api/v1/wages", wage(Map.of("days", "20", "dailyRate", "120.00")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.amount").value(2400.00));
		assertThat(wageRows()).isEqualTo(1);
	}

	// dividends

	@Test
	void aDividendWithoutAnyShareOrWithABadOneIsRefusedNeverAServerError() throws Exception {
		Map<String, String> refused = new LinkedHashMap<>();
		refused.put("[]", "income.error.no-shares");
		refused.put("[null]", "income.error.no-shares");
		refused.put("[{\"householdId\":null,\"amount\":100}]", "income.error.household-missing");
		refused.put("[{\"householdId\":\"" + this.member.id() + "\",\"amount\":-5}]", "income.error.share");
		refused.put("[{\"householdId\":\"" + this.member.id() + "\",\"amount\":5},{\"householdId\":\""
				+ this.member.id() + "\",\"amount\":6}]", "income.error.share-twice");
		refused.forEach((shares, code) -> {
			try {
				postAsMerchant("/api/v1/dividends", dividend(shares)).andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.code").value(code))
					.andExpect(jsonPath("$.detail").isNotEmpty());
			}
			catch (Exception ex) {
				throw new AssertionError(shares, ex);
			}
		});

		assertThat(dividendRows()).isZero();
	}

	@Test
	void aNullAmongTheSharesIsLeftOutLikeAnEmptyRow() throws Exception {
		postAsMerchant("/api/v1/dividends",
				dividend("[{\"householdId\":\"" + this.member.id() + "\",\"amount\":100.50},null]"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.total").value(100.50))
			.andExpect(jsonPath("$.shares.length()").value(1));

		assertThat(dividendRows()).isEqualTo(1);
	}

	// the purchase form

	@Test
	void thePurchaseFormWithAQuantityOfZeroShowsTheMessageAgainAndSavesNothing() throws Exception {
		this.mvc
			.perform(post("/income/procurements").with(user(this.merchant))
				.with(csrf())
				.param("householdId", this.member.id().toString())
				.param("occurredOn", this.today.toString())
				.param("produce", "鲜辣椒")
				.param("quantity", "0")
				.param("unit", "KG")
				.param("unitPrice", "4.50")
				.param("grade", "FIRST")
				.param("payment", "PAID")
				.param("paymentMethod", "CASH"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"problem\"")))
			.andExpect(content().string(containsString(QUANTITY)))
			.andExpect(content().string(containsString("鲜辣椒")));

		assertThat(procurementRows()).isZero();
		assertThat(this.procurements.procurements(this.merchant, this.member.id(), null, 0)).isEmpty();
	}

	@Test
	void thePurchaseFormWithADateOfTomorrowOrALetterForTheQuantityShowsTheMessageAndSavesNothing() throws Exception {
		this.mvc
			.perform(post("/income/procurements").with(user(this.merchant))
				.with(csrf())
				.param("householdId", this.member.id().toString())
				.param("occurredOn", this.today.plusDays(1).toString())
				.param("produce", "鲜辣椒")
				.param("quantity", "3")
				.param("unit", "KG")
				.param("unitPrice", "4.50")
				.param("grade", "FIRST")
				.param("payment", "PAID")
				.param("paymentMethod", "CASH"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("日期不能晚于今天（" + this.today + "）")));
		this.mvc
			.perform(post("/income/procurements").with(user(this.merchant))
				.with(csrf())
				.param("householdId", this.member.id().toString())
				.param("occurredOn", this.today.toString())
				.param("produce", "鲜辣椒")
				.param("quantity", "three")
				.param("unit", "KG")
				.param("unitPrice", "4.50")
				.param("grade", "FIRST")
				.param("payment", "PAID")
				.param("paymentMethod", "CASH"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("有字段格式不对")));

		assertThat(procurementRows()).isZero();
	}

	@Test
	void thePurchaseFormWithoutCsrfIsRefusedAndSavesNothing() throws Exception {
		this.mvc
			.perform(post("/income/procurements").with(user(this.merchant))
				.param("householdId", this.member.id().toString())
				.param("occurredOn", this.today.toString())
				.param("produce", "鲜辣椒")
				.param("quantity", "3")
				.param("unit", "KG")
				.param("unitPrice", "4.50")
				.param("grade", "FIRST")
				.param("payment", "PAID")
				.param("paymentMethod", "CASH"))
			.andExpect(status().isForbidden());

		assertThat(procurementRows()).isZero();
	}

	// helpers

	private ResultActions postAsMerchant(String path, String json) throws Exception {
		return this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(httpBasic(this.merchantName, IncomeFixtures.PASSWORD)));
	}

	/**
	 * A valid purchase of the member household as JSON, with some fields replaced (raw
	 * JSON values; a Java null leaves the field out).
	 */
	private String purchase(Map<String, String> changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("householdId", quoted(this.member.id().toString()));
		fields.put("occurredOn", quoted(this.today.toString()));
		fields.put("produce", quoted("鲜辣椒"));
		fields.put("quantity", "12.5");
		fields.put("unit", quoted("KG"));
		fields.put("unitPrice", "4.50");
		fields.put("grade", quoted("FIRST"));
		fields.put("payment", quoted("PAID"));
		fields.put("paymentMethod", quoted("CASH"));
		fields.putAll(changes);
		return json(fields);
	}

	/** A month's wages of the member household as JSON, without any pay unless given. */
	private String wage(Map<String, String> changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("householdId", quoted(this.member.id().toString()));
		fields.put("workerName", quoted("周永"));
		fields.put("work", quoted("PACKING"));
		fields.put("month", quoted(YearMonth.from(this.today).toString()));
		fields.putAll(changes);
		return json(fields);
	}

	private static String json(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.filter(field -> field.getValue() != null)
			.map(field -> quoted(field.getKey()) + ":" + field.getValue())
			.collect(Collectors.joining(",", "{", "}"));
	}

	private static String quoted(String value) {
		return "\"" + value + "\"";
	}

	private Integer procurementRows() {
		return this.jdbc.queryForObject("SELECT count(*) FROM income_procurement WHERE organisation_id = ?",
				Integer.class, this.cooperative.id());
	}

	private String dividend(String shares) {
		return "{\"year\":" + this.today.getYear() + ",\"declaredOn\":" + quoted(this.today.toString()) + ",\"shares\":"
				+ shares + "}";
	}

	private Integer dividendRows() {
		return this.jdbc.queryForObject("SELECT count(*) FROM income_dividend WHERE organisation_id = ?", Integer.class,
				this.cooperative.id());
	}

	private Integer wageRows() {
		return this.jdbc.queryForObject("SELECT count(*) FROM income_wage WHERE organisation_id = ?", Integer.class,
				this.cooperative.id());
	}

}

package org.farmgate.income;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.Unit;
import org.farmgate.registry.HouseholdManagement;
import org.farmgate.registry.HouseholdView;
import org.farmgate.registry.OrganisationType;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.RegistryManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assumptions.assumingThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The fixes after the income review, on the real database: a purchase form sent twice
 * (one after the other or at once) records one purchase; the current year is compared
 * with the same days of last year and a past year with the whole year before; dividends
 * go to the cooperative's members only, whoever records them; a reversal copies the
 * payment state read under the row lock; a wage of 0.00 is refused; years and pages out
 * of range are a 400; the receipt of a reversed purchase says it is void and prints no
 * login name. Every test has an organisation and households of its own.
 */
@FarmgateTest
class IncomeReviewFixesTests {

	private static final String OPERATOR_PASSWORD = "farmgate";

	@Autowired
	MockMvc mvc;

	@Autowired
	ProcurementManagement procurements;

	@Autowired
	DividendManagement dividends;

	@Autowired
	IncomeQueries queries;

	@Autowired
	RegistryManagement registry;

	@Autowired
	HouseholdManagement households;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	private IncomeFixtures fixtures;

	private SignedInUser operator;

	private OrganisationView cooperative;

	private SignedInUser merchant;

	private HouseholdView farmer;

	private LocalDate today;

	private int year;

	@BeforeEach
	void aCooperativeWithAMerchantAndAMemberHousehold() {
		this.fixtures = new IncomeFixtures(this.registry, this.households, this.accounts, this.users);
		this.operator = this.fixtures.operator;
		this.cooperative = this.fixtures.approved(OrganisationType.COOPERATIVE, "复核修正合作社", 'R');
		this.merchant = this.fixtures.merchant("review", this.cooperative.id());
		this.farmer = this.fixtures.member("赵复核", this.cooperative.id());
		this.today = IncomeFixtures.today();
		this.year = this.today.getYear();
	}

	// 1. a purchase form sent twice records one purchase

	@Test
	void thePurchaseFormSentTwiceWithTheSameRequestIdRecordsOnePurchaseAndBothAnswersShowTheSameReceipt()
			throws Exception {
		UUID requestId = UUID.randomUUID();

		String first = postPurchaseForm(requestId, "12.5");
		String second = postPurchaseForm(requestId, "12.5");

		assertThat(first).matches("/income/procurements/[0-9a-f-]{36}/receipt");
		assertThat(second).as("the second sending answers the first purchase's receipt").isEqualTo(first);
		assertThat(rows()).isEqualTo(1);
		UUID recorded = this.jdbc.queryForObject(
				"SELECT id FROM income_procurement WHERE organisation_id = ? AND request_id = ?", UUID.class,
				this.cooperative.id(), requestId);
		assertThat(first).isEqualTo("/income/procurements/" + recorded + "/receipt");
		assertThat(receiptNumbersTaken()).as("the second sending took no receipt number").isEqualTo(1);
		assertThat(this.procurements.procurement(this.merchant, recorded).orElseThrow().amount())
			.isEqualByComparingTo("56.25");
	}

	@Test
	void aPurchaseFormWithAnotherRequestIdRecordsASecondPurchaseWithTheNextReceiptNumber() throws Exception {
		String first = postPurchaseForm(UUID.randomUUID(), "12.5");
		String second = postPurchaseForm(UUID.randomUUID(), "12.5");

		assertThat(second).isNotEqualTo(first);
		assertThat(rows()).isEqualTo(2);
		assertThat(receiptNumbersTaken()).isEqualTo(2);
		assertThat(this.jdbc.queryForList("SELECT receipt_no FROM income_procurement WHERE organisation_id = ?",
				String.class, this.cooperative.id()))
			.containsExactlyInAnyOrder(receipt(this.year, 1), receipt(this.year, 2));
	}

	@Test
	void thePurchaseSentTwiceAtOnceFromTwoThreadsRecordsOnePurchaseAndAnswersItToBoth() throws Exception {
		ProcurementInput input = purchase(this.farmer, this.today, "10", "3.00", Payment.PAID, PaymentMethod.CASH);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			// several rounds: the first one also creates the organisation's counter row
			for (int round = 1; round <= 5; round++) {
				UUID requestId = UUID.randomUUID();
				CountDownLatch ready = new CountDownLatch(2);
				CountDownLatch go = new CountDownLatch(1);
				List<Future<ProcurementView>> answers = new ArrayList<>();
				for (int t = 0; t < 2; t++) {
					answers.add(threads.submit(() -> {
						ready.countDown();
						go.await();
						return this.procurements.record(this.merchant, input, requestId);
					}));
				}
				assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
				go.countDown();
				ProcurementView one = answers.get(0).get(30, TimeUnit.SECONDS);
				ProcurementView other = answers.get(1).get(30, TimeUnit.SECONDS);

				assertThat(other.id()).as("round %d: both sendings answer the same purchase", round)
					.isEqualTo(one.id());
				assertThat(other.receiptNo()).isEqualTo(one.receiptNo());
				assertThat(this.jdbc.queryForObject(
						"SELECT count(*) FROM income_procurement WHERE organisation_id = ? AND request_id = ?",
						Integer.class, this.cooperative.id(), requestId))
					.as("round %d: rows of the request", round)
					.isEqualTo(1);
				assertThat(rows()).as("round %d: one purchase per request", round).isEqualTo(round);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(receiptNumbersTaken()).as("no receipt number taken by a second sending").isEqualTo(5);
	}

	// 2. the current year against the same days of last year

	@Test
	void theCurrentYearIsComparedWithTheSameDaysOfLastYearAndAPastYearWithTheWholeYearBefore() {
		HouseholdView household = this.fixtures.member("钱同期", this.cooperative.id());
		LocalDate sameDayLastYear = this.today.minusYears(1);
		LocalDate dayAfterLastYear = sameDayLastYear.plusDays(1);
		LocalDate lastDayTwoYearsAgo = LocalDate.of(this.year - 2, 12, 31);
		buy(household, this.today, "100");
		buy(household, sameDayLastYear, "80");
		buy(household, lastDayTwoYearsAgo, "300");

		IncomeQueries.Period period = this.queries.period(this.year);
		assertThat(period.from()).isEqualTo(LocalDate.of(this.year, 1, 1));
		assertThat(period.to()).isEqualTo(this.today);
		assertThat(period.previousFrom()).isEqualTo(LocalDate.of(this.year - 1, 1, 1));
		assertThat(period.previousTo()).isEqualTo(sameDayLastYear);
		IncomeQueries.Period past = this.queries.period(this.year - 1);
		assertThat(past.from()).isEqualTo(LocalDate.of(this.year - 1, 1, 1));
		assertThat(past.to()).isEqualTo(LocalDate.of(this.year - 1, 12, 31));
		assertThat(past.previousFrom()).isEqualTo(LocalDate.of(this.year - 2, 1, 1));
		assertThat(past.previousTo()).isEqualTo(LocalDate.of(this.year - 2, 12, 31));
		assertThat(past.toDate()).isFalse();

		HouseholdIncome current = incomeOf(household, this.year);
		assertThat(current.total()).isEqualByComparingTo("100");
		assertThat(current.previousTotal()).as("the same days of last year").isEqualByComparingTo("80");
		assertThat(current.increased()).isTrue();

		boolean aLaterDayLastYear = dayAfterLastYear.getYear() == this.year - 1;
		assumingThat(!aLaterDayLastYear,
				() -> assertThat(incomeOf(household, this.year - 1).total()).isEqualByComparingTo("80"));
		assumingThat(aLaterDayLastYear, () -> {
			// a purchase last year after today's day of the year: not in the comparison
			buy(household, dayAfterLastYear, "500");

			HouseholdIncome toDate = incomeOf(household, this.year);
			assertThat(toDate.total()).isEqualByComparingTo("100");
			assertThat(toDate.previousTotal()).as("the days after today's last year are left out")
				.isEqualByComparingTo("80");
			assertThat(toDate.increased()).isTrue();
			assertThat(period.toDate()).isTrue();

			HouseholdIncome lastYear = incomeOf(household, this.year - 1);
			assertThat(lastYear.total()).as("last year whole").isEqualByComparingTo("580");
			assertThat(lastYear.previousTotal()).as("the year before whole").isEqualByComparingTo("300");
			assertThat(lastYear.increased()).isTrue();
		});
	}

	@Test
	void aYearBefore2000OrAfterTheCurrentOneHasNoPeriod() {
		assertThatThrownBy(() -> this.queries.period(1999)).isInstanceOf(IncomeException.class)
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.year-shown");
		assertThatThrownBy(() -> this.queries.period(this.year + 1)).isInstanceOf(IncomeException.class)
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.year-shown");
		assertThat(this.queries.period(2000).from()).isEqualTo(LocalDate.of(2000, 1, 1));
	}

	// 3. dividends only to the cooperative's members

	@Test
	void anOperatorRecordingADividendForAHouseholdThatIsNotAMemberIsRefusedAndNothingIsSaved() {
		HouseholdView outsider = this.fixtures.household(this.operator, "孙非社员", false);
		assertThat(outsider.countyCode()).isEqualTo(this.cooperative.countyCode());

		assertThatThrownBy(() -> this.dividends.distribute(this.operator, dividend(outsider)))
			.isInstanceOf(IncomeException.class)
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.not-member");
		assertThatThrownBy(() -> this.dividends.distribute(this.operator, dividend(this.farmer, outsider)))
			.as("a member among the shares does not let the outsider in")
			.isInstanceOf(IncomeException.class)
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.not-member");
		assertThatThrownBy(() -> this.dividends.distribute(this.merchant, dividend(outsider)))
			.as("the cooperative's own merchant too")
			.isInstanceOf(IncomeException.class)
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.not-member");

		assertThat(dividendRows()).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM income_dividend_share WHERE household_id = ?",
				Integer.class, outsider.id()))
			.isZero();
		assertThat(incomeRow(outsider, this.year)).isEmpty();

		// the operator may record one for a member
		DividendView recorded = this.dividends.distribute(this.operator, dividend(this.farmer));
		assertThat(recorded.total()).isEqualByComparingTo("100.00");
		assertThat(dividendRows()).isEqualTo(1);
	}

	@Test
	void theApiAnswersAnOperatorsDividendForAHouseholdThatIsNotAMemberWith400NotMember() throws Exception {
		HouseholdView outsider = this.fixtures.household(this.operator, "孙非社员", false);

		this.mvc
			.perform(post("/api/v1/dividends").contentType(MediaType.APPLICATION_JSON)
				.content("{\"organisationId\":\"" + this.cooperative.id() + "\",\"year\":" + this.year
						+ ",\"declaredOn\":\"" + this.today + "\",\"shares\":[{\"householdId\":\"" + outsider.id()
						+ "\",\"amount\":100.00}]}")
				.with(httpBasic("operator", OPERATOR_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.not-member"))
			.andExpect(jsonPath("$.detail", containsString("社员")));

		assertThat(dividendRows()).isZero();
	}

	// 4. a reversal copies the payment state

	@Test
	void aReversalMadeAfterThePurchaseWasPaidCopiesThePaymentAndTheReversalOfAnOwedOneStaysOwed() {
		LocalDate boughtOn = this.today.minusDays(2);
		LocalDate paidOn = this.today.minusDays(1);
		ProcurementView owed = buy(this.farmer, boughtOn, "50", "4.00", Payment.OWED, null);
		this.procurements.pay(this.merchant, owed.id(), paidOn, PaymentMethod.WECHAT);

		ProcurementView reversal = this.procurements.reverse(this.merchant, owed.id(), "农户退货");

		assertThat(reversal.reverses()).isEqualTo(owed.id());
		assertThat(reversal.payment()).isEqualTo(Payment.PAID);
		assertThat(reversal.paymentMethod()).isEqualTo(PaymentMethod.WECHAT);
		assertThat(reversal.paidOn()).as("the day it was paid, not the day it was bought").isEqualTo(paidOn);
		assertThat(stored(reversal.id()).payment()).isEqualTo(Payment.PAID);
		assertThat(stored(reversal.id()).paidOn()).isEqualTo(paidOn);

		ProcurementView stillOwed = buy(this.farmer, boughtOn, "20", "4.00", Payment.OWED, null);
		ProcurementView owedReversal = this.procurements.reverse(this.merchant, stillOwed.id(), "记错了");

		assertThat(owedReversal.payment()).isEqualTo(Payment.OWED);
		assertThat(owedReversal.paymentMethod()).isNull();
		assertThat(owedReversal.paidOn()).isNull();
		assertThat(stored(owedReversal.id()).payment()).isEqualTo(Payment.OWED);
		assertThat(stored(stillOwed.id()).payment()).as("the original is not edited").isEqualTo(Payment.OWED);
	}

	@Test
	void aReversalWaitingForThePaymentsRowLockCopiesThePaymentMadeMeanwhile() throws Exception {
		ProcurementView owed = buy(this.farmer, this.today, "50", "4.00", Payment.OWED, null);
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		CountDownLatch paidNotCommitted = new CountDownLatch(1);
		CountDownLatch reversalWaits = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> payment = threads.submit(() -> transaction.executeWithoutResult(status -> {
				// pays under the row lock and holds it until the reversal waits for it
				this.procurements.pay(this.merchant, owed.id(), this.today, PaymentMethod.ALIPAY);
				paidNotCommitted.countDown();
				try {
					assertThat(reversalWaits.await(30, TimeUnit.SECONDS)).isTrue();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}));
			assertThat(paidNotCommitted.await(30, TimeUnit.SECONDS)).isTrue();
			Future<ProcurementView> reversing = threads
				.submit(() -> this.procurements.reverse(this.merchant, owed.id(), "农户退货"));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (waitingForALock() == 0) {
				if (reversing.isDone()) {
					reversalWaits.countDown();
					fail("the reversal did not wait for the payment's row lock: " + reversing.get());
				}
				if (System.nanoTime() > deadline) {
					reversalWaits.countDown();
					fail("the reversal never waited for the payment's row lock");
				}
				Thread.sleep(20);
			}
			reversalWaits.countDown();
			payment.get(30, TimeUnit.SECONDS);
			ProcurementView reversal = reversing.get(30, TimeUnit.SECONDS);

			assertThat(reversal.payment()).as("the payment committed while the reversal waited")
				.isEqualTo(Payment.PAID);
			assertThat(reversal.paymentMethod()).isEqualTo(PaymentMethod.ALIPAY);
			assertThat(reversal.paidOn()).isEqualTo(this.today);
			assertThat(stored(owed.id()).payment()).isEqualTo(Payment.PAID);
		}
		finally {
			reversalWaits.countDown();
			threads.shutdownNow();
		}
	}

	// 5. a wage of 0.00

	@Test
	void wagesOfATenthOfADayAtFourFenAreRefusedAsAmountZeroAndNothingIsSaved() throws Exception {
		postWage("0.1", "0.04").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.wage-zero"))
			.andExpect(jsonPath("$.detail").isNotEmpty());

		assertThat(wageRows()).isZero();

		// 0.005 rounds to one fen: paid
		postWage("0.1", "0.05").andExpect(status().isCreated()).andExpect(jsonPath("$.amount").value(0.01));
		assertThat(wageRows()).isEqualTo(1);
	}

	// 6. years and pages out of range

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/api/v1/procurements?year=1, income.error.year-shown-list",
			"/api/v1/procurements?year=1999, income.error.year-shown-list",
			"/api/v1/procurements?year=2101, income.error.year-shown-list",
			"/api/v1/procurements?page=-1, income.error.page",
			"/api/v1/procurements?page=2000000000, income.error.page",
			"/api/v1/procurements?page=100001, income.error.page", "/api/v1/wages?year=1, income.error.year-shown-list",
			"/api/v1/wages?page=-1, income.error.page", "/api/v1/wages?page=2000000000, income.error.page" })
	void aListYearOrPageOutOfRangeIsA400NamingTheRuleNeverAConflictOrAServerError(String path, String code)
			throws Exception {
		this.mvc.perform(get(path).with(httpBasic("operator", OPERATOR_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.detail").isNotEmpty());
	}

	@Test
	void aListYearAndPageInRangeAreAnswered() throws Exception {
		buy(this.farmer, this.today, "10", "1.00", Payment.PAID, PaymentMethod.CASH);

		this.mvc
			.perform(get("/api/v1/procurements?year=" + this.year + "&page=0")
				.with(httpBasic(this.merchant.getUsername(), IncomeFixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1));
		this.mvc
			.perform(get("/api/v1/procurements?year=2100&page=100000")
				.with(httpBasic(this.merchant.getUsername(), IncomeFixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void theOverviewOfAYearBefore2000OrAfterTheCurrentOneIsA400YearShown() throws Exception {
		this.mvc.perform(get("/api/v1/income/overview?year=1999").with(httpBasic("operator", OPERATOR_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.year-shown"))
			.andExpect(jsonPath("$.detail", containsString(String.valueOf(this.year))));
		this.mvc
			.perform(get("/api/v1/income/overview?year=" + (this.year + 1))
				.with(httpBasic("operator", OPERATOR_PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("income.error.year-shown"));
		this.mvc
			.perform(get("/api/v1/income/overview?year=" + this.year).with(httpBasic("operator", OPERATOR_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(this.year));
	}

	// 7. the printed receipt

	@Test
	void theReceiptOfAReversedPurchaseSaysItIsVoidAndNoReceiptPrintsTheClerksLoginName() throws Exception {
		ProcurementView standing = buy(this.farmer, this.today, "10", "2.00", Payment.PAID, PaymentMethod.CASH);
		ProcurementView reversed = buy(this.farmer, this.today, "20", "2.00", Payment.PAID, PaymentMethod.CASH);
		ProcurementView reversal = this.procurements.reverse(this.merchant, reversed.id(), "称错了");
		assertThat(standing.recordedBy()).isEqualTo(this.merchant.getUsername());

		String standingReceipt = receiptPage(standing.id());
		String reversedReceipt = receiptPage(reversed.id());
		String reversalReceipt = receiptPage(reversal.id());

		assertThat(standingReceipt).contains(standing.receiptNo()).doesNotContain("receipt-flag");
		assertThat(reversedReceipt).contains(reversed.receiptNo())
			.contains("class=\"receipt-flag\"")
			.contains("本收据已作废");
		assertThat(reversalReceipt).contains("class=\"receipt-flag\"").contains("这是一笔冲销记录").doesNotContain("本收据已作废");
		for (String page : List.of(standingReceipt, reversedReceipt, reversalReceipt)) {
			assertThat(page).as("the clerk's login name").doesNotContain(this.merchant.getUsername());
		}
	}

	// helpers

	/** The purchase form posted as the merchant; the receipt it redirects to. */
	private String postPurchaseForm(UUID requestId, String quantity) throws Exception {
		MvcResult answer = this.mvc
			.perform(post("/income/procurements").with(user(this.merchant))
				.with(csrf())
				.param("requestId", requestId.toString())
				.param("householdId", this.farmer.id().toString())
				.param("occurredOn", this.today.toString())
				.param("produce", "鲜辣椒")
				.param("quantity", quantity)
				.param("unit", "KG")
				.param("unitPrice", "4.50")
				.param("grade", "FIRST")
				.param("payment", "PAID")
				.param("paymentMethod", "CASH"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return answer.getResponse().getRedirectedUrl();
	}

	private org.springframework.test.web.servlet.ResultActions postWage(String days, String dailyRate)
			throws Exception {
		return this.mvc.perform(post("/api/v1/wages").contentType(MediaType.APPLICATION_JSON)
			.content("{\"householdId\":\"" + this.farmer.id() + "\",\"workerName\":\"赵复核\",\"work\":\"PACKING\","
					+ "\"month\":\"" + YearMonth.from(this.today) + "\",\"days\":" + days + ",\"dailyRate\":"
					+ dailyRate + "}")
			.with(httpBasic(this.merchant.getUsername(), IncomeFixtures.PASSWORD)));
	}

	/** The receipt page as the operator sees it (not the merchant who recorded it). */
	private String receiptPage(UUID id) throws Exception {
		return this.mvc.perform(get("/income/procurements/" + id + "/receipt").with(user(this.operator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private ProcurementView buy(HouseholdView household, LocalDate on, String amount) {
		return buy(household, on, amount, "1.00", Payment.PAID, PaymentMethod.CASH);
	}

	private ProcurementView buy(HouseholdView household, LocalDate on, String quantity, String unitPrice,
			Payment payment, PaymentMethod method) {
		return this.procurements.record(this.merchant, purchase(household, on, quantity, unitPrice, payment, method));
	}

	private ProcurementInput purchase(HouseholdView household, LocalDate on, String quantity, String unitPrice,
			Payment payment, PaymentMethod method) {
		return new ProcurementInput(this.cooperative.id(), household.id(), on, null, "青菜", null,
				new BigDecimal(quantity), Unit.KG, new BigDecimal(unitPrice), Grade.UNGRADED, payment, method);
	}

	private DividendInput dividend(HouseholdView... shareholders) {
		List<DividendShare> shares = new ArrayList<>();
		for (HouseholdView household : shareholders) {
			shares.add(new DividendShare(household.id(), new BigDecimal("100.00")));
		}
		return new DividendInput(this.cooperative.id(), this.year, this.today, "年度分红", shares);
	}

	private Optional<HouseholdIncome> incomeRow(HouseholdView household, int year) {
		return this.queries.incomes(this.operator, year)
			.stream()
			.filter(income -> income.householdId().equals(household.id()))
			.findFirst();
	}

	private HouseholdIncome incomeOf(HouseholdView household, int year) {
		Optional<HouseholdIncome> found = incomeRow(household, year);
		assertThat(found).as("income of %s in %d", household.headName(), year).isPresent();
		return found.get();
	}

	private ProcurementView stored(UUID id) {
		return this.procurements.procurement(this.operator, id).orElseThrow();
	}

	private int waitingForALock() {
		return this.jdbc.queryForObject("""
				SELECT count(*) FROM pg_stat_activity
				WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'""",
				Integer.class);
	}

	private int rows() {
		return this.jdbc.queryForObject("SELECT count(*) FROM income_procurement WHERE organisation_id = ?",
				Integer.class, this.cooperative.id());
	}

	private int receiptNumbersTaken() {
		return this.jdbc.queryForObject(
				"SELECT coalesce(sum(last_serial), 0) FROM income_receipt_serial WHERE organisation_id = ?",
				Integer.class, this.cooperative.id());
	}

	private int dividendRows() {
		return this.jdbc.queryForObject("SELECT count(*) FROM income_dividend WHERE organisation_id = ?", Integer.class,
				this.cooperative.id());
	}

	private int wageRows() {
		return this.jdbc.queryForObject("SELECT count(*) FROM income_wage WHERE organisation_id = ?", Integer.class,
				this.cooperative.id());
	}

	private static String receipt(int year, int serial) {
		return String.format("SG-%d-%06d", year, serial);
	}

}

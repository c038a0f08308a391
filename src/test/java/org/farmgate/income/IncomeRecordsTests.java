package org.farmgate.income;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.Unit;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.geo.PlaceInput;
import org.farmgate.geo.TownshipView;
import org.farmgate.geo.VillageView;
import org.farmgate.registry.HouseholdEntry;
import org.farmgate.registry.HouseholdManagement;
import org.farmgate.registry.HouseholdView;
import org.farmgate.registry.OrganisationType;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.RegistryManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Income records on the real database, through the services: purchases are never edited
 * but reversed (and corrected in one transaction), an owed purchase is paid once, wages
 * and dividends add up as they should, receipts are numbered per organisation and year,
 * and a household's yearly income follows every record and reversal. Every test has
 * organisations and households of its own.
 */
@FarmgateTest
class IncomeRecordsTests {

	@Autowired
	ProcurementManagement procurements;

	@Autowired
	WageManagement wages;

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
	CountyGeographyManagement geography;

	private IncomeFixtures fixtures;

	private SignedInUser operator;

	private OrganisationView cooperative;

	private SignedInUser merchant;

	private HouseholdView farmer;

	private HouseholdView neighbour;

	private LocalDate today;

	private int year;

	@BeforeEach
	void aCooperativeWithAMerchantAndTwoMemberHouseholds() {
		this.fixtures = new IncomeFixtures(this.registry, this.households, this.accounts, this.users);
		this.operator = this.fixtures.operator;
		this.cooperative = this.fixtures.approved(OrganisationType.COOPERATIVE, "收入测试合作社", 'C');
		this.merchant = this.fixtures.merchant("coop", this.cooperative.id());
		this.farmer = this.fixtures.member("王大山", this.cooperative.id());
		this.neighbour = this.fixtures.member("李小河", this.cooperative.id());
		this.today = IncomeFixtures.today();
		this.year = this.today.getYear();
	}

	// reversal

	@Test
	void reversingAPurchaseRecordsANegatedPurchaseOnTheSameDateAndKeepsTheOriginal() {
		LocalDate on = this.today.minusDays(3);
		ProcurementView original = buy(this.merchant, this.farmer, on, "120.5", "3.20");
		assertThat(original.amount()).isEqualByComparingTo("385.60");

		ProcurementView reversal = this.procurements.reverse(this.merchant, original.id(), "称错了秤");

		assertThat(reversal.id()).isNotEqualTo(original.id());
		assertThat(reversal.reverses()).isEqualTo(original.id());
		assertThat(reversal.isReversal()).isTrue();
		assertThat(reversal.quantity()).isEqualByComparingTo("-120.5");
		assertThat(reversal.amount()).isEqualByComparingTo("-385.60");
		assertThat(reversal.unitPrice()).isEqualByComparingTo("3.20");
		assertThat(reversal.occurredOn()).isEqualTo(on);
		assertThat(reversal.householdId()).isEqualTo(this.farmer.id());
		assertThat(reversal.reason()).isEqualTo("称错了秤");
		assertThat(reversal.receiptNo()).isNotEqualTo(original.receiptNo());

		ProcurementView after = this.procurements.procurement(this.merchant, original.id()).orElseThrow();
		assertThat(after.reversedBy()).isEqualTo(reversal.id());
		assertThat(after.isReversed()).isTrue();
		assertThat(after.standing()).isFalse();
		assertThat(after.quantity()).as("the original is not edited").isEqualByComparingTo("120.5");
		assertThat(after.amount()).isEqualByComparingTo("385.60");
		assertThat(rowsOf(this.cooperative)).isEqualTo(2);
		assertThat(this.procurements.procurements(this.operator, this.farmer.id(), null, 0))
			.extracting(ProcurementView::id)
			.containsExactlyInAnyOrder(original.id(), reversal.id());
	}

	@Test
	void reversingThePurchaseTwiceIsRefusedAndLeavesOneReversal() {
		ProcurementView original = buy(this.merchant, this.farmer, this.today, "10", "5.00");
		this.procurements.reverse(this.merchant, original.id(), "重复登记");

		assertThatThrownBy(() -> this.procurements.reverse(this.operator, original.id(), "再冲一次"))
			.isInstanceOf(IncomeException.class)
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.reversed-already");

		assertThat(rowsOf(this.cooperative)).isEqualTo(2);
		assertThat(history(this.farmer, this.year).total()).isEqualByComparingTo("0");
	}

	@Test
	void reversingAReversalIsRefused() {
		ProcurementView original = buy(this.merchant, this.farmer, this.today, "10", "5.00");
		ProcurementView reversal = this.procurements.reverse(this.merchant, original.id(), "重复登记");

		assertThatThrownBy(() -> this.procurements.reverse(this.merchant, reversal.id(), "冲销冲销"))
			.isInstanceOf(IncomeException.class)
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.reverse-reversal");

		assertThat(rowsOf(this.cooperative)).isEqualTo(2);
		assertThat(this.procurements.procurement(this.merchant, reversal.id()).orElseThrow().reversedBy()).isNull();
	}

	@ParameterizedTest(name = "reason [{0}]")
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\t" })
	void aReversalWithoutAReasonIsRefusedAndThePurchaseStillStands(String reason) {
		ProcurementView original = buy(this.merchant, this.farmer, this.today, "10", "5.00");

		assertThatThrownBy(() -> this.procurements.reverse(this.merchant, original.id(), reason))
			.isInstanceOf(IncomeException.class)
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.reason");

		assertThat(this.procurements.procurement(this.merchant, original.id()).orElseThrow().standing()).isTrue();
		assertThat(rowsOf(this.cooperative)).isEqualTo(1);
	}

	@Test
	void aWageIsReversedWithItsAmountNegatedAndCannotBeReversedTwice() {
		WageView wage = this.wages.record(this.merchant,
				dailyWage(this.farmer, YearMonth.from(this.today), "10", "120"));

		WageView reversal = this.wages.reverse(this.merchant, wage.id(), "记错了人");

		assertThat(reversal.reverses()).isEqualTo(wage.id());
		assertThat(reversal.amount()).isEqualByComparingTo("-1200.00");
		assertThat(reversal.month()).isEqualTo(wage.month());
		assertThat(this.wages.wage(this.merchant, wage.id()).orElseThrow().reversedBy()).isEqualTo(reversal.id());
		assertThatThrownBy(() -> this.wages.reverse(this.merchant, wage.id(), "再冲"))
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.reversed-already");
		assertThat(history(this.farmer, this.year).wages()).isEqualByComparingTo("0");
	}

	// correction

	@Test
	void correctingAPurchaseReversesItAndRecordsTheRightOneTogether() {
		ProcurementView original = buy(this.merchant, this.farmer, this.today, "100", "2.00");

		ProcurementView corrected = this.procurements.correct(this.merchant, original.id(),
				input(null, this.farmer, this.today, "95", "2.10", Payment.PAID, PaymentMethod.CASH), "实际 95 斤");

		assertThat(corrected.corrects()).isEqualTo(original.id());
		assertThat(corrected.reverses()).isNull();
		assertThat(corrected.amount()).isEqualByComparingTo("199.50");
		assertThat(corrected.organisationId()).isEqualTo(this.cooperative.id());
		ProcurementView after = this.procurements.procurement(this.merchant, original.id()).orElseThrow();
		assertThat(after.isReversed()).isTrue();
		ProcurementView reversal = this.procurements.procurement(this.merchant, after.reversedBy()).orElseThrow();
		assertThat(reversal.amount()).isEqualByComparingTo("-200.00");
		assertThat(reversal.reason()).isEqualTo("实际 95 斤");
		assertThat(rowsOf(this.cooperative)).isEqualTo(3);
		assertThat(history(this.farmer, this.year).procurement()).isEqualByComparingTo("199.50");
	}

	@Test
	void aCorrectionWhoseNewPurchaseIsInvalidSavesNothingAndLeavesTheOriginalStanding() {
		ProcurementView original = buy(this.merchant, this.farmer, this.today, "100", "2.00");

		assertThatThrownBy(() -> this.procurements.correct(this.merchant, original.id(),
				input(null, this.farmer, this.today, "0", "2.10", Payment.PAID, PaymentMethod.CASH), "改数量"))
			.isInstanceOf(IncomeException.class)
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.quantity");

		ProcurementView after = this.procurements.procurement(this.merchant, original.id()).orElseThrow();
		assertThat(after.reversedBy()).as("the reversal was rolled back with the refused purchase").isNull();
		assertThat(after.standing()).isTrue();
		assertThat(rowsOf(this.cooperative)).isEqualTo(1);
		assertThat(history(this.farmer, this.year).procurement()).isEqualByComparingTo("200.00");
		// the receipt number the reversal took was given back as well
		assertThat(buy(this.merchant, this.farmer, this.today, "1", "1.00").receiptNo())
			.isEqualTo(receipt(this.year, 2));
	}

	@Test
	void aCorrectionOfAPurchaseReversedAlreadyIsRefusedAndSavesNothing() {
		ProcurementView original = buy(this.merchant, this.farmer, this.today, "100", "2.00");
		this.procurements.reverse(this.merchant, original.id(), "不要了");

		assertThatThrownBy(() -> this.procurements.correct(this.merchant, original.id(),
				input(null, this.farmer, this.today, "90", "2.00", Payment.PAID, PaymentMethod.CASH), "改数量"))
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.reversed-already");

		assertThat(rowsOf(this.cooperative)).isEqualTo(2);
	}

	// payment

	@Test
	void anOwedPurchaseIsPaidOnceAndPayingItAgainIsRefused() {
		ProcurementView owed = buy(this.merchant, this.farmer, this.today.minusDays(1), "50", "4.00", Payment.OWED,
				null);
		assertThat(owed.payment()).isEqualTo(Payment.OWED);
		assertThat(owed.paymentMethod()).isNull();
		assertThat(owed.paidOn()).isNull();

		ProcurementView paid = this.procurements.pay(this.merchant, owed.id(), this.today, PaymentMethod.WECHAT);

		assertThat(paid.payment()).isEqualTo(Payment.PAID);
		assertThat(paid.paymentMethod()).isEqualTo(PaymentMethod.WECHAT);
		assertThat(paid.paidOn()).isEqualTo(this.today);
		assertThat(paid.amount()).isEqualByComparingTo("200.00");
		assertThatThrownBy(() -> this.procurements.pay(this.merchant, owed.id(), this.today, PaymentMethod.CASH))
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.not-owed");
		ProcurementView stored = this.procurements.procurement(this.operator, owed.id()).orElseThrow();
		assertThat(stored.paymentMethod()).as("the first payment stands").isEqualTo(PaymentMethod.WECHAT);
		assertThat(rowsOf(this.cooperative)).isEqualTo(1);
	}

	@Test
	void aPurchasePaidWhenItWasBoughtCannotBePaidAgain() {
		ProcurementView paid = buy(this.merchant, this.farmer, this.today, "50", "4.00");
		assertThat(paid.paidOn()).as("paid on its own date").isEqualTo(this.today);

		assertThatThrownBy(() -> this.procurements.pay(this.merchant, paid.id(), this.today, PaymentMethod.CASH))
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.not-owed");
	}

	@Test
	void anOwedPurchaseThatWasReversedCannotBePaidNorCanItsReversal() {
		ProcurementView owed = buy(this.merchant, this.farmer, this.today, "50", "4.00", Payment.OWED, null);
		ProcurementView reversal = this.procurements.reverse(this.merchant, owed.id(), "农户拉回去了");

		assertThatThrownBy(() -> this.procurements.pay(this.merchant, owed.id(), this.today, PaymentMethod.CASH))
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.not-owed");
		assertThatThrownBy(() -> this.procurements.pay(this.merchant, reversal.id(), this.today, PaymentMethod.CASH))
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.not-owed");
		assertThat(this.procurements.procurement(this.merchant, owed.id()).orElseThrow().payment())
			.isEqualTo(Payment.OWED);
	}

	@Test
	void aPaymentBeforeThePurchaseOrWithoutAMethodIsRefused() {
		ProcurementView owed = buy(this.merchant, this.farmer, this.today.minusDays(2), "50", "4.00", Payment.OWED,
				null);

		assertThatThrownBy(
				() -> this.procurements.pay(this.merchant, owed.id(), this.today.minusDays(3), PaymentMethod.CASH))
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.paid-on");
		assertThatThrownBy(() -> this.procurements.pay(this.merchant, owed.id(), this.today, null))
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.payment-method");
		assertThatThrownBy(
				() -> this.procurements.pay(this.merchant, owed.id(), this.today.plusDays(1), PaymentMethod.CASH))
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.paid-on");
		assertThat(this.procurements.procurement(this.merchant, owed.id()).orElseThrow().payment())
			.isEqualTo(Payment.OWED);
	}

	// the household's yearly income

	@Test
	void afterAReversalTheHouseholdsIncomeOfTheYearDropsByItsAmount() {
		buy(this.merchant, this.farmer, this.today, "50", "2.00");
		ProcurementView second = buy(this.merchant, this.farmer, this.today, "25", "2.00");
		assertThat(history(this.farmer, this.year).procurement()).isEqualByComparingTo("150.00");
		assertThat(incomeOf(this.farmer, this.year).total()).isEqualByComparingTo("150.00");

		this.procurements.reverse(this.operator, second.id(), "退货");

		assertThat(history(this.farmer, this.year).procurement()).isEqualByComparingTo("100.00");
		assertThat(incomeOf(this.farmer, this.year).procurement()).isEqualByComparingTo("100.00");
		assertThat(incomeOf(this.farmer, this.year).linked()).isTrue();
	}

	@Test
	void aHouseholdWhosePurchasesWereAllReversedHasNoLinkedIncomeThatYear() {
		ProcurementView only = buy(this.merchant, this.farmer, this.today, "50", "2.00");
		assertThat(incomeOf(this.farmer, this.year).increased()).isTrue();

		this.procurements.reverse(this.merchant, only.id(), "登记错了户");

		HouseholdIncome income = incomeOf(this.farmer, this.year);
		assertThat(income.total()).isEqualByComparingTo("0");
		assertThat(income.linked()).isFalse();
		assertThat(income.increased()).isFalse();
	}

	@Test
	void theHistoryComparesEachYearWithTheYearBefore() {
		LocalDate lastYear = this.today.minusYears(1);
		buy(this.merchant, this.farmer, lastYear, "100", "3.00");
		buy(this.merchant, this.farmer, this.today, "50", "3.00");
		this.wages.record(this.merchant, monthlyWage(this.farmer, YearMonth.from(this.today), "200.00"));

		List<HouseholdIncome> history = this.queries.history(this.operator, this.farmer.id());

		assertThat(history).extracting(HouseholdIncome::year).containsExactly(this.year, this.year - 1);
		assertThat(history.get(0).total()).isEqualByComparingTo("350.00");
		assertThat(history.get(0).previousTotal()).isEqualByComparingTo("300.00");
		assertThat(history.get(0).increased()).isTrue();
		assertThat(history.get(1).previousTotal()).isEqualByComparingTo("0");
		HouseholdIncome income = incomeOf(this.farmer, this.year);
		assertThat(income.previousTotal()).isEqualByComparingTo("300.00");
		assertThat(income.increased()).isTrue();
	}

	@Test
	void aHouseholdPaidLessThanLastYearIsLinkedButNotIncreased() {
		buy(this.merchant, this.neighbour, this.today.minusYears(1), "100", "3.00");
		buy(this.merchant, this.neighbour, this.today, "99", "3.00");

		HouseholdIncome income = incomeOf(this.neighbour, this.year);

		assertThat(income.total()).isEqualByComparingTo("297.00");
		assertThat(income.previousTotal()).isEqualByComparingTo("300.00");
		assertThat(income.linked()).isTrue();
		assertThat(income.increased()).isFalse();
	}

	// the county's roll-up

	@Test
	void aVillageBeginsToBenefitWhenOneOfItsHouseholdsEarnsMoreThanLastYear() {
		VillageView village = newVillage();
		HouseholdView poorer = this.fixtures.member("孙减", this.cooperative.id(), village.id(), false);
		HouseholdView disadvantaged = this.fixtures.member("钱增", this.cooperative.id(), village.id(), true);
		buy(this.merchant, poorer, this.today.minusYears(1), "100", "3.00");
		buy(this.merchant, poorer, this.today, "50", "3.00");
		IncomeOverview before = this.queries.overview(this.operator, this.year);
		VillageIncome earnedLess = villageOf(before, village.id());
		assertThat(earnedLess.householdsLinked()).isEqualTo(1);
		assertThat(earnedLess.householdsIncreased()).isZero();
		assertThat(earnedLess.benefiting()).as("its only household earned less").isFalse();

		buy(this.merchant, disadvantaged, this.today, "10", "3.00");

		IncomeOverview after = this.queries.overview(this.operator, this.year);
		VillageIncome benefiting = villageOf(after, village.id());
		assertThat(benefiting.householdsLinked()).isEqualTo(2);
		assertThat(benefiting.disadvantagedLinked()).isEqualTo(1);
		assertThat(benefiting.householdsIncreased()).isEqualTo(1);
		assertThat(benefiting.disadvantagedIncreased()).isEqualTo(1);
		assertThat(benefiting.total()).isEqualByComparingTo("180.00");
		assertThat(benefiting.previousTotal()).isEqualByComparingTo("300.00");
		assertThat(benefiting.benefiting()).isTrue();
		assertThat(after.villagesBenefiting()).isEqualTo(before.villagesBenefiting() + 1);
		assertThat(after.householdsLinked()).isEqualTo(before.householdsLinked() + 1);
		assertThat(after.householdsIncreased()).isEqualTo(before.householdsIncreased() + 1);
		assertThat(after.disadvantagedLinked()).isEqualTo(before.disadvantagedLinked() + 1);
		assertThat(after.disadvantagedIncreased()).isEqualTo(before.disadvantagedIncreased() + 1);
		assertThat(after.total()).isEqualByComparingTo(before.total().add(new BigDecimal("30.00")));
	}

	@Test
	void aDisadvantagedHouseholdNeedsAttentionUntilItHasLinkedIncomeAndAgainOnceThatIsReversed() {
		HouseholdView disadvantaged = this.fixtures.member("吴需", this.cooperative.id(), null, true);
		assertThat(attention()).contains(disadvantaged.id()).doesNotContain(this.farmer.id());

		ProcurementView purchase = buy(this.merchant, disadvantaged, this.today, "10", "3.00");
		assertThat(attention()).doesNotContain(disadvantaged.id());

		this.procurements.reverse(this.merchant, purchase.id(), "登记错了户");
		assertThat(attention()).contains(disadvantaged.id());
	}

	// wages

	@Test
	void wagesAreDaysTimesTheDailyRateOrTheMonthlyPay() {
		YearMonth month = YearMonth.from(this.today);

		WageView daily = this.wages.record(this.merchant, dailyWage(this.farmer, month, "20.5", "130.00"));
		WageView monthly = this.wages.record(this.merchant, monthlyWage(this.farmer, month, "3000"));

		assertThat(daily.amount()).isEqualByComparingTo("2665.00");
		assertThat(daily.days()).isEqualByComparingTo("20.5");
		assertThat(daily.dailyRate()).isEqualByComparingTo("130.00");
		assertThat(daily.monthlyPay()).isNull();
		assertThat(monthly.amount()).isEqualByComparingTo("3000.00");
		assertThat(monthly.days()).isNull();
		assertThat(monthly.dailyRate()).isNull();
		assertThat(this.wages.wage(this.operator, daily.id()).orElseThrow().amount()).isEqualByComparingTo("2665.00");
		assertThat(history(this.farmer, this.year).wages()).isEqualByComparingTo("5665.00");
		assertThat(incomeOf(this.farmer, this.year).wages()).isEqualByComparingTo("5665.00");
	}

	@Test
	void halfADayIsPaidToTheFen() {
		WageView wage = this.wages.record(this.merchant,
				dailyWage(this.farmer, YearMonth.from(this.today), "0.5", "133.33"));

		assertThat(wage.amount()).isEqualByComparingTo("66.67");
	}

	// dividends

	@Test
	void aCooperativesDistributionSumsItsSharesIntoItsMembersIncome() {
		DividendView dividend = this.dividends.distribute(this.operator,
				new DividendInput(this.cooperative.id(), this.year, this.today, "年度盈余分配",
						List.of(new DividendShare(this.farmer.id(), new BigDecimal("1200.50")),
								new DividendShare(this.neighbour.id(), new BigDecimal("800.25")))));

		assertThat(dividend.total()).isEqualByComparingTo("2000.75");
		assertThat(dividend.shares()).hasSize(2);
		assertThat(dividend.organisationId()).isEqualTo(this.cooperative.id());
		assertThat(this.dividends.dividend(this.merchant, dividend.id()).orElseThrow().total())
			.isEqualByComparingTo("2000.75");
		assertThat(history(this.farmer, this.year).dividends()).isEqualByComparingTo("1200.50");
		assertThat(incomeOf(this.neighbour, this.year).dividends()).isEqualByComparingTo("800.25");
	}

	@Test
	void aReversedDistributionTakesEveryShareBack() {
		DividendView dividend = this.dividends.distribute(this.merchant,
				new DividendInput(null, this.year, this.today, null,
						List.of(new DividendShare(this.farmer.id(), new BigDecimal("300.00")),
								new DividendShare(this.neighbour.id(), new BigDecimal("100.00")))));

		DividendView reversal = this.dividends.reverse(this.merchant, dividend.id(), "金额算错");

		assertThat(reversal.total()).isEqualByComparingTo("-400.00");
		assertThat(reversal.shares()).extracting(DividendShare::amount)
			.usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.containsExactlyInAnyOrder(new BigDecimal("-300.00"), new BigDecimal("-100.00"));
		assertThat(this.dividends.dividend(this.merchant, dividend.id()).orElseThrow().reversedBy())
			.isEqualTo(reversal.id());
		assertThat(incomeOf(this.farmer, this.year).dividends()).isEqualByComparingTo("0");
		assertThatThrownBy(() -> this.dividends.reverse(this.merchant, dividend.id(), "再冲"))
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.reversed-already");
	}

	@Test
	void aCompanyCannotDistributeDividendsAndNothingIsSaved() {
		OrganisationView company = this.fixtures.approved(OrganisationType.COMPANY, "收入测试公司", 'K');
		HouseholdView worker = this.fixtures.member("赵田", company.id());

		assertThatThrownBy(() -> this.dividends.distribute(this.operator,
				new DividendInput(company.id(), this.year, this.today, null,
						List.of(new DividendShare(worker.id(), new BigDecimal("500.00"))))))
			.isInstanceOf(IncomeException.class)
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.not-cooperative");

		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM income_dividend WHERE organisation_id = ?",
				Integer.class, company.id()))
			.isZero();
		assertThat(history(worker, this.year).total()).isEqualByComparingTo("0");
	}

	// receipt numbers

	@Test
	void receiptNumbersRunPerOrganisationAndYearAndAreUnique() {
		OrganisationView other = this.fixtures.approved(OrganisationType.COOPERATIVE, "收入测试另一合作社", 'D');
		HouseholdView otherFarmer = this.fixtures.member("陈石", other.id());

		ProcurementView first = buy(this.merchant, this.farmer, this.today, "1", "1.00");
		ProcurementView second = buy(this.operator, this.neighbour, this.today, "2", "1.00");
		ProcurementView lastYear = buy(this.merchant, this.farmer, this.today.minusYears(1), "3", "1.00");
		ProcurementView elsewhere = buy(this.operator, otherFarmer, this.today, "4", "1.00", other.id());
		ProcurementView reversal = this.procurements.reverse(this.merchant, first.id(), "重复");
		ProcurementView third = buy(this.merchant, this.neighbour, this.today, "5", "1.00");

		assertThat(first.receiptNo()).isEqualTo(receipt(this.year, 1));
		assertThat(second.receiptNo()).isEqualTo(receipt(this.year, 2));
		assertThat(lastYear.receiptNo()).isEqualTo(receipt(this.year - 1, 1));
		assertThat(elsewhere.receiptNo()).as("another organisation starts its own run")
			.isEqualTo(receipt(this.year, 1));
		assertThat(reversal.receiptNo()).isEqualTo(receipt(this.year, 3));
		assertThat(third.receiptNo()).isEqualTo(receipt(this.year, 4));
		assertThat(this.jdbc.queryForList("SELECT receipt_no FROM income_procurement WHERE organisation_id = ?",
				String.class, this.cooperative.id()))
			.hasSize(5)
			.doesNotHaveDuplicates();
	}

	@Test
	void aReversalOfLastYearsPurchaseTakesLastYearsNextReceiptNumberAndLeavesLastYear() {
		ProcurementView lastYear = buy(this.merchant, this.farmer, this.today.minusYears(1), "10", "10.00");
		buy(this.merchant, this.farmer, this.today, "5", "10.00");

		ProcurementView reversal = this.procurements.reverse(this.merchant, lastYear.id(), "去年登记错了");

		assertThat(reversal.receiptNo()).isEqualTo(receipt(this.year - 1, 2));
		List<HouseholdIncome> history = this.queries.history(this.merchant, this.farmer.id());
		assertThat(history.get(0).year()).isEqualTo(this.year);
		assertThat(history.get(0).total()).isEqualByComparingTo("50.00");
		assertThat(history.get(0).previousTotal()).isEqualByComparingTo("0");
		assertThat(history.get(0).increased()).isTrue();
	}

	@Test
	void aMerchantSeesOnlyTheIncomeItsOwnOrganisationPaid() {
		OrganisationView other = this.fixtures.approved(OrganisationType.COOPERATIVE, "收入测试第三合作社", 'E');
		this.households.join(this.operator, this.farmer.id(), other.id());
		buy(this.merchant, this.farmer, this.today, "10", "1.00");
		ProcurementView elsewhere = buy(this.operator, this.farmer, this.today, "20", "1.00", other.id());

		assertThat(history(this.farmer, this.year).total()).as("the county sees both").isEqualByComparingTo("30.00");
		assertThat(this.queries.history(this.merchant, this.farmer.id()).get(0).total()).isEqualByComparingTo("10.00");
		assertThat(this.procurements.procurement(this.merchant, elsewhere.id())).isEmpty();
		assertThatThrownBy(() -> this.procurements.reverse(this.merchant, elsewhere.id(), "不是我们的"))
			.extracting(ex -> ((IncomeException) ex).messageKey())
			.isEqualTo("income.error.not-found");
	}

	// helpers

	private VillageView newVillage() {
		TownshipView township = this.geography.townships("520122").get(0);
		return this.geography.createVillage("520122", township.id(),
				new PlaceInput("收入测试村" + this.fixtures.suffix, "", "", "", "", ""));
	}

	private static VillageIncome villageOf(IncomeOverview overview, UUID villageId) {
		List<VillageIncome> found = overview.villages()
			.stream()
			.filter(village -> villageId.equals(village.villageId()))
			.toList();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private List<UUID> attention() {
		return this.queries.needingAttention(this.operator, this.year).stream().map(HouseholdEntry::id).toList();
	}

	private ProcurementView buy(SignedInUser user, HouseholdView household, LocalDate on, String quantity,
			String unitPrice) {
		return buy(user, household, on, quantity, unitPrice, Payment.PAID, PaymentMethod.CASH);
	}

	private ProcurementView buy(SignedInUser user, HouseholdView household, LocalDate on, String quantity,
			String unitPrice, Payment payment, PaymentMethod method) {
		return this.procurements.record(user,
				input(this.cooperative.id(), household, on, quantity, unitPrice, payment, method));
	}

	private ProcurementView buy(SignedInUser user, HouseholdView household, LocalDate on, String quantity,
			String unitPrice, UUID organisationId) {
		return this.procurements.record(user,
				input(organisationId, household, on, quantity, unitPrice, Payment.PAID, PaymentMethod.CASH));
	}

	private static ProcurementInput input(UUID organisationId, HouseholdView household, LocalDate on, String quantity,
			String unitPrice, Payment payment, PaymentMethod method) {
		return new ProcurementInput(organisationId, household.id(), on, null, "青菜（酸菜原料）", null,
				new BigDecimal(quantity), Unit.KG, new BigDecimal(unitPrice), Grade.UNGRADED, payment, method);
	}

	private WageInput dailyWage(HouseholdView household, YearMonth month, String days, String rate) {
		return new WageInput(this.cooperative.id(), household.id(), household.headName(), Work.PACKING, month,
				new BigDecimal(days), new BigDecimal(rate), null);
	}

	private WageInput monthlyWage(HouseholdView household, YearMonth month, String pay) {
		return new WageInput(this.cooperative.id(), household.id(), household.headName(), Work.WORKSHOP, month, null,
				null, new BigDecimal(pay));
	}

	/** The household's year in its history as the county's staff see it; zero if none. */
	private HouseholdIncome history(HouseholdView household, int year) {
		return this.queries.history(this.operator, household.id())
			.stream()
			.filter(income -> income.year() == year)
			.findFirst()
			.orElse(new HouseholdIncome(household.id(), year, null, null, null, null));
	}

	/** The household's row of the county's incomes of the year. */
	private HouseholdIncome incomeOf(HouseholdView household, int year) {
		Optional<HouseholdIncome> found = this.queries.incomes(this.operator, year)
			.stream()
			.filter(income -> income.householdId().equals(household.id()))
			.findFirst();
		assertThat(found).as("income of %s in %d", household.headName(), year).isPresent();
		return found.get();
	}

	private int rowsOf(OrganisationView organisation) {
		return this.jdbc.queryForObject("SELECT count(*) FROM income_procurement WHERE organisation_id = ?",
				Integer.class, organisation.id());
	}

	private static String receipt(int year, int serial) {
		return String.format("SG-%d-%06d", year, serial);
	}

}

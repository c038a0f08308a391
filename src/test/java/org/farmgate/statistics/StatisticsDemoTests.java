package org.farmgate.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.income.IncomeOverview;
import org.farmgate.income.IncomeQueries;
import org.farmgate.training.TrainingFigures;
import org.farmgate.training.TrainingQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo county's figures, learnt from events only, equal the same figures computed
 * straight from the order tables, before and after every module told its history again.
 */
@FarmgateTest
class StatisticsDemoTests {

	private static final String COUNTY = "520122";

	@Autowired
	StatisticsQueries queries;

	@Autowired
	StatisticsManagement statistics;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	IncomeQueries income;

	@Autowired
	TrainingQueries training;

	private LocalDate today;

	@BeforeEach
	void settle() {
		StatisticsSettle.settle(this.jdbc);
		this.today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	@Test
	void theDemoCountysSalesFromEventsEqualTheSalesInTheOrderTables() {
		// the demo's own orders (other tests add orders of their own making to the
		// county)
		Filter year = new Filter(COUNTY, null, null, null, null, this.today.minusYears(1), this.today);
		Map<String, Object> source = fromOrders(year);
		Map<String, Object> taken = fromSales(year,
				"AND order_id IN (SELECT order_id FROM orders_status_change " + "WHERE source_ref = 'demo')");
		assertThat(((Number) taken.get("orders")).longValue()).isPositive()
			.isEqualTo(((Number) source.get("orders")).longValue());
		assertThat((BigDecimal) taken.get("gross")).isEqualByComparingTo((BigDecimal) source.get("gross"));
		assertThat((BigDecimal) taken.get("net")).isEqualByComparingTo((BigDecimal) source.get("net"));
		assertThat(((Number) taken.get("provinces")).intValue())
			.isEqualTo(((Number) source.get("provinces")).intValue());
		assertThat(((Number) taken.get("counties")).intValue()).isEqualTo(((Number) source.get("counties")).intValue());
	}

	@Test
	void theSummaryThroughTheDailyAndMonthlyRollupsEqualsTheSalesItWasMadeOf() {
		for (Filter period : java.util.List.of(
				new Filter(COUNTY, null, null, null, null, this.today.minusYears(1), this.today),
				new Filter(COUNTY, null, null, null, null, this.today.minusMonths(5).withDayOfMonth(17),
						this.today.minusDays(3)),
				new Filter("520100", null, null, null, null, this.today.minusYears(2), this.today))) {
			Map<String, Object> sales = fromSales(period, "");
			Summary summary = this.queries.summary(period);
			assertThat(summary.orders()).isPositive().isEqualTo(((Number) sales.get("orders")).longValue());
			assertThat(summary.salesGross()).isEqualByComparingTo((BigDecimal) sales.get("gross"));
			assertThat(summary.salesNet()).isEqualByComparingTo((BigDecimal) sales.get("net"));
			assertThat(summary.provincesReached()).isEqualTo(((Number) sales.get("provinces")).intValue());
			assertThat(summary.countiesReached()).isEqualTo(((Number) sales.get("counties")).intValue());
		}
	}

	private Map<String, Object> fromSales(Filter filter, String narrower) {
		return this.jdbc.queryForMap(
				"""
						SELECT count(*) AS orders, coalesce(sum(paid), 0) AS gross,
						       coalesce(sum(paid - LEAST(paid, refunded)), 0) AS net,
						       count(DISTINCT province_code) FILTER (WHERE province_code NOT IN ('', '710000', '810000', '820000'))
						           AS provinces,
						       count(DISTINCT destination_code)
						           FILTER (WHERE destination_code <> '' AND province_code NOT IN ('710000', '810000', '820000'))
						           AS counties
						FROM statistics_sale
						WHERE county_code LIKE ? AND paid IS NOT NULL AND NOT cancelled AND day BETWEEN ? AND ?
						"""
						+ " " + narrower,
				filter.city() ? filter.area().substring(0, 4) + "%" : filter.area(), filter.from(), filter.to());
	}

	@Test
	void tellingEveryHistoryAgainTwiceChangesNoFigure() {
		Filter year = new Filter(COUNTY, null, null, null, null, this.today.minusYears(1), this.today);
		Summary before = this.queries.summary(year);
		this.statistics.restate();
		this.statistics.restate();
		StatisticsSettle.settle(this.jdbc);
		assertThat(this.queries.summary(year)).isEqualTo(before);
	}

	@Test
	void theDemoCountysIncomeFiguresEqualTheIncomeModulesOwnForTheYearToDate() {
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		IncomeOverview income = this.income.overview(operator, this.today.getYear());
		Summary summary = this.queries
			.summary(new Filter(COUNTY, null, null, null, null, this.today.withDayOfYear(1), this.today));
		assertThat(summary.farmersIncomeIncreased()).isPositive().isEqualTo(income.householdsIncreased());
		assertThat(summary.disadvantagedFarmersIncomeIncreased()).isEqualTo(income.disadvantagedIncreased());
		assertThat(summary.villagesBenefiting()).isEqualTo(income.villagesBenefiting());
	}

	@Test
	void theDemoCountysTrainingFiguresEqualTheTrainingCentresOwn() {
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		LocalDate from = this.today.minusYears(2);
		TrainingFigures training = this.training.figures(operator, from, this.today);
		Summary summary = this.queries.summary(new Filter(COUNTY, null, null, null, null, from, this.today));
		assertThat(summary.trainingPersonTimes()).isPositive().isEqualTo(training.personTimes());
		assertThat(summary.trainees()).isEqualTo(training.trainees());
		assertThat(summary.traineesConverted()).isPositive().isEqualTo(training.converted());
		assertThat(summary.trainingConversion().doubleValue()).isCloseTo(training.conversion(),
				org.assertj.core.data.Offset.offset(0.0001));
	}

	@Test
	void theDemoCountysShopsAndEntrepreneursAreTheRegistrys() {
		Summary summary = this.queries
			.summary(new Filter(COUNTY, null, null, null, null, this.today.withDayOfYear(1), this.today));
		java.util.List<String> open = this.jdbc.queryForList("SELECT CAST(id AS TEXT) FROM registry_shop "
				+ "WHERE county_code = ? AND (opened_on IS NULL OR opened_on <= ?) AND (closed_on IS NULL OR closed_on > ?)",
				String.class, COUNTY, this.today, this.today);
		java.util.List<String> counted = this.queries
			.shops(new Filter(COUNTY, null, null, null, null, this.today, this.today))
			.stream()
			.map(shop -> shop.shop().toString())
			.toList();
		assertThat(counted).isNotEmpty().containsExactlyInAnyOrderElementsOf(open);
		assertThat(summary.shops()).isEqualTo(open.size());
		assertThat(summary.entrepreneurs()).isPositive()
			.isEqualTo(this.jdbc.queryForObject("SELECT count(*) FROM registry_entrepreneur WHERE county_code = ?",
					Integer.class, COUNTY));
	}

	@Test
	void theDemoCountysSalesAreTheOrdersOfTheOrderTablesOneByOne() {
		LocalDate from = this.today.minusYears(1);
		java.util.List<String> sold = this.jdbc.queryForList("""
				SELECT CAST(id AS TEXT) FROM orders_order
				WHERE county_code = ? AND status NOT IN ('PENDING_PAYMENT', 'CANCELLED') AND id IN (SELECT order_id
				  FROM orders_status_change WHERE source_ref = 'demo')
				  AND CAST(coalesce(paid_at, created_at) AT TIME ZONE 'Asia/Shanghai' AS DATE) BETWEEN ? AND ?""",
				String.class, COUNTY, from, this.today);
		java.util.List<String> counted = this.jdbc.queryForList("""
				SELECT CAST(order_id AS TEXT) FROM statistics_sale
				WHERE county_code = ? AND paid IS NOT NULL AND NOT cancelled AND day BETWEEN ? AND ?
				  AND order_id IN (SELECT order_id FROM orders_status_change WHERE source_ref = 'demo')""",
				String.class, COUNTY, from, this.today);
		assertThat(counted).isNotEmpty().containsExactlyInAnyOrderElementsOf(sold);
	}

	private Map<String, Object> fromOrders(Filter filter) {
		return this.jdbc.queryForMap(
				"""
						SELECT count(*) AS orders, coalesce(sum(paid_amount), 0) AS gross,
						       coalesce(sum(paid_amount - LEAST(paid_amount, CASE WHEN after_sale IN ('REFUNDED', 'REFUNDED_PARTIAL')
						                THEN refunded_amount ELSE 0 END)), 0) AS net,
						       count(DISTINCT province_code) FILTER (WHERE province_code NOT IN ('710000', '810000', '820000'))
						           AS provinces,
						       count(DISTINCT destination_code) FILTER (WHERE province_code NOT IN ('710000', '810000', '820000'))
						           AS counties
						FROM orders_order
						WHERE county_code = ? AND status NOT IN ('PENDING_PAYMENT', 'CANCELLED') AND id IN (SELECT order_id
						FROM orders_status_change WHERE source_ref = 'demo')
						  AND CAST(coalesce(paid_at, created_at) AT TIME ZONE 'Asia/Shanghai' AS DATE) BETWEEN ? AND ?""",
				filter.area(), filter.from(), filter.to());
	}

}

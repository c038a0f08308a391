package org.farmgate.income;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.HouseholdEntry;
import org.farmgate.registry.HouseholdManagement;
import org.farmgate.registry.OrganisationType;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.RegistryManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode, two years of income for the county's farmer households (last year and
 * this year to date): purchases of their produce by the organisation they belong to (the
 * Libei enterprise for 立碑村 and the villages around it), wages for members working in
 * workshops, packing and live-streaming, and cooperatives' dividends. Most households
 * earn more this year than last, as the source reports (3,200 farmers, 280 of them
 * disadvantaged); a few earn less, a few nothing, and a few disadvantaged households have
 * no linked income this year. Written in batches straight into the tables, without
 * events: a demo history, not live trade. Fixed seed: the same figures at every start.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class DemoIncome implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoIncome.class);

	private static final String[] PRODUCE = { "青菜（酸菜原料）", "鲜辣椒", "黄豆", "糯米", "大米（米豆腐原料）", "土豆", "红薯", "茶青" };

	private static final String[] PRICES = { "1.60", "4.50", "6.20", "5.40", "3.20", "1.80", "1.50", "24.00" };

	private final HouseholdManagement households;

	private final RegistryManagement registry;

	private final UserDetailsService users;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean demo;

	DemoIncome(HouseholdManagement households, RegistryManagement registry, UserDetailsService users, JdbcTemplate jdbc,
			TransactionTemplate transactions, Clock clock, @Value("${farmgate.demo:false}") boolean demo) {
		this.households = households;
		this.registry = registry;
		this.users = users;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo) {
			return;
		}
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		UUID libei = merchant.scope().organisationId();
		if (libei == null || Boolean.TRUE
			.equals(this.jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM income_procurement WHERE county_code = ?)",
					Boolean.class, operator.scope().countyCode()))) {
			return;
		}
		long started = System.nanoTime();
		// each household sells to the organisation it is a member of
		Map<UUID, OrganisationView> byId = new HashMap<>();
		this.registry.organisations(operator).forEach(organisation -> byId.put(organisation.id(), organisation));
		Map<UUID, OrganisationView> memberOf = new HashMap<>();
		this.households.organisationOfMembers(operator).forEach((household, organisation) -> {
			if (byId.containsKey(organisation)) {
				memberOf.put(household, byId.get(organisation));
			}
		});
		List<HouseholdEntry> all = this.households.directory(operator)
			.stream()
			.filter(household -> memberOf.containsKey(household.id()))
			.toList();
		if (all.isEmpty()) {
			return;
		}
		this.transactions.executeWithoutResult(status -> write(operator.scope().countyCode(), libei, memberOf, all));
		logger.info("Demo mode: two years of income for {} farmer households in {} ms", all.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	private void write(String county, UUID libei, Map<UUID, OrganisationView> memberOf, List<HouseholdEntry> all) {
		LocalDate today = LocalDate.now(this.clock.withZone(IncomeScope.CHINA));
		int thisYear = today.getYear();
		Random random = new Random(20261130L);
		Timestamp now = Timestamp.from(this.clock.instant());
		List<Object[]> purchases = new ArrayList<>();
		List<Object[]> wages = new ArrayList<>();
		Map<UUID, Map<Integer, List<Object[]>>> dividendShares = new HashMap<>();
		Map<String, Integer> serials = new HashMap<>();
		int index = 0;
		for (HouseholdEntry household : all) {
			int h = index++;
			OrganisationView organisation = memberOf.get(household.id());
			UUID buyer = organisation.id();
			// 3 in 100 earn nothing through the platform; 8 in 100 less this year; a few
			// disadvantaged households nothing yet this year
			if (h % 100 < 3) {
				continue;
			}
			boolean less = h % 100 >= 92;
			boolean nothingThisYear = household.disadvantaged() && h % 17 == 0;
			double base = 2500 + random.nextInt(6000);
			double growth = less ? 0.7 + random.nextDouble() * 0.25 : 1.12 + random.nextDouble() * 0.5;
			for (int year = thisYear - 1; year <= thisYear; year++) {
				if (year == thisYear && nothingThisYear) {
					continue;
				}
				double target = (year == thisYear) ? base * growth : base;
				// this year is not over: what is earned by today
				int lastMonth = (year == thisYear) ? today.getMonthValue() : 12;
				boolean works = h % 6 == 0;
				double fromPurchases = works ? target * 0.5 : target;
				int count = 3 + random.nextInt(5);
				for (int p = 0; p < count; p++) {
					int kind = (buyer.equals(libei)) ? random.nextInt(3) * 2 % 5 : (h + p) % PRODUCE.length;
					BigDecimal price = new BigDecimal(PRICES[kind]);
					BigDecimal quantity = BigDecimal.valueOf(fromPurchases / count)
						.divide(price, 1, RoundingMode.HALF_UP)
						.max(BigDecimal.ONE);
					LocalDate on = LocalDate.of(year, 1 + random.nextInt(lastMonth), 1 + random.nextInt(28));
					if (on.isAfter(today)) {
						// early in this month: a day of it gone by, never last year
						on = LocalDate.of(year, today.getMonthValue(), 1 + random.nextInt(today.getDayOfMonth()));
					}
					boolean owed = year == thisYear && random.nextInt(10) == 0;
					String serialKey = buyer + ":" + year;
					int serial = serials.merge(serialKey, 1, Integer::sum);
					purchases.add(new Object[] { UUID.randomUUID(), county, buyer, household.id(),
							String.format("SG-%d-%06d", year, serial), Date.valueOf(on), PRODUCE[kind], quantity, "KG",
							price, quantity.multiply(price).setScale(2, RoundingMode.HALF_UP),
							(p % 3 == 0) ? "FIRST" : "UNGRADED", owed ? "OWED" : "PAID",
							owed ? null : ((p % 2 == 0) ? "WECHAT" : "CASH"), owed ? null : Date.valueOf(on), now });
				}
				if (works) {
					for (int month = 1; month <= lastMonth; month++) {
						if (random.nextInt(4) == 0) {
							continue;
						}
						BigDecimal days = BigDecimal.valueOf(8 + random.nextInt(15));
						BigDecimal rate = BigDecimal.valueOf((year == thisYear && !less) ? 130 : 110);
						BigDecimal amount = days.multiply(rate)
							.multiply(BigDecimal.valueOf(target * 0.5 / 12 / 1800))
							.setScale(2, RoundingMode.HALF_UP)
							.max(BigDecimal.TEN);
						wages.add(new Object[] { UUID.randomUUID(), county, buyer, household.id(), household.headName(),
								new String[] { "WORKSHOP", "PACKING", "LIVE_STREAMING" }[h % 3],
								Date.valueOf(LocalDate.of(year, month, 1)), null, null, amount, amount, now });
					}
				}
				// a cooperative shares its surplus among its members
				if (organisation.type() == OrganisationType.COOPERATIVE && h % 2 == 1) {
					UUID cooperative = buyer;
					BigDecimal share = BigDecimal.valueOf(target * 0.08).setScale(2, RoundingMode.HALF_UP);
					dividendShares.computeIfAbsent(cooperative, key -> new HashMap<>())
						.computeIfAbsent(year, key -> new ArrayList<>())
						.add(new Object[] { household.id(), share });
				}
			}
		}
		this.jdbc.batchUpdate(
				"""
						INSERT INTO income_procurement (id, county_code, organisation_id, household_id, receipt_no, occurred_on,
						                                produce, quantity, unit, unit_price, amount, grade, payment, payment_method,
						                                paid_on, recorded_by, recorded_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?)""",
				purchases);
		// wages: days are not kept for these made-up amounts, a monthly pay is
		List<Object[]> monthly = wages.stream()
			.map(row -> new Object[] { row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[9], row[10],
					row[11] })
			.toList();
		this.jdbc.batchUpdate("""
				INSERT INTO income_wage (id, county_code, organisation_id, household_id, worker_name, work, month,
				                         monthly_pay, amount, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?)""", monthly);
		for (Map.Entry<String, Integer> serial : serials.entrySet()) {
			String[] key = serial.getKey().split(":");
			this.jdbc.update("INSERT INTO income_receipt_serial (organisation_id, year, last_serial) VALUES (?, ?, ?)",
					UUID.fromString(key[0]), Integer.parseInt(key[1]), serial.getValue());
		}
		for (Map.Entry<UUID, Map<Integer, List<Object[]>>> cooperative : dividendShares.entrySet()) {
			for (Map.Entry<Integer, List<Object[]>> year : cooperative.getValue().entrySet()) {
				UUID id = UUID.randomUUID();
				BigDecimal total = year.getValue()
					.stream()
					.map(share -> (BigDecimal) share[1])
					.reduce(BigDecimal.ZERO, BigDecimal::add);
				LocalDate declared = (year.getKey() == thisYear)
						? LocalDate.of(thisYear, today.getMonthValue(), 1 + (today.getDayOfMonth() - 1) / 2)
						: LocalDate.of(year.getKey(), 12, 28);
				this.jdbc.update("""
						INSERT INTO income_dividend (id, county_code, organisation_id, year, declared_on, total, note,
						                             recorded_by, recorded_at)
						VALUES (?, ?, ?, ?, ?, ?, '年度盈余分配（示例）', 'demo', ?)""", id, county, cooperative.getKey(),
						year.getKey(), Date.valueOf(declared), total, now);
				this.jdbc.batchUpdate(
						"INSERT INTO income_dividend_share (dividend_id, household_id, amount, county_code) VALUES (?, ?, ?, ?)",
						year.getValue()
							.stream()
							.map(share -> new Object[] { id, share[0], share[1], county })
							.toList());
			}
		}
	}

}

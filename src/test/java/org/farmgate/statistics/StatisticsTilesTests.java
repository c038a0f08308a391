package org.farmgate.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.farmgate.FarmgateTest;
import org.farmgate.orders.OrderPaid;
import org.farmgate.registry.OrganisationRecorded;
import org.farmgate.registry.Platform;
import org.farmgate.registry.ShopClosed;
import org.farmgate.registry.ShopOpened;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tile and chart of the statistics, fed a hand-built world through the recorder,
 * equals the same figure recomputed in plain Java from that world's events; and stays so
 * when every event is told again, in any order, or from several threads at once.
 */
@FarmgateTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsTilesTests {

	@Autowired
	StatisticsRecorder recorder;

	@Autowired
	StatisticsQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	private StatisticsFixture world;

	private StatisticsRecount recount;

	@BeforeAll
	void feed() {
		// counties of Zunyi (5203), which neither the demo nor other tests use
		this.world = new StatisticsFixture("520302", "520381", 20251111L);
		this.recount = new StatisticsRecount(this.world.events());
		this.world.events().forEach(this.recorder::record);
	}

	@Test
	void everyTileOfEveryFilterEqualsItsRecomputation() {
		for (Filter filter : filters(this.world)) {
			assertSummary(filter, this.queries.summary(filter), this.recount.summary(filter));
		}
	}

	@Test
	void theFixtureExercisesEveryRule() {
		Summary year = this.recount.summary(year(this.world, this.world.countyA, 2025));
		assertThat(year.orders()).isGreaterThan(30);
		assertThat(year.refunds()).isPositive();
		assertThat(year.yoyGrowth()).isNotNull();
		assertThat(year.shops()).isGreaterThan(year.activeShops()).isGreaterThan(0);
		assertThat(year.ordersUnresolved()).isPositive();
		assertThat(year.hongKongMacaoTaiwanReached()).isEqualTo(1);
		assertThat(year.farmersIncomeIncreased()).isGreaterThan(year.disadvantagedFarmersIncomeIncreased())
			.isGreaterThan(0);
		assertThat(year.trainingPersonTimes()).isGreaterThan(year.trainees()).isGreaterThan(0);
		Summary nothing = this.recount.summary(new Filter(this.world.countyA, null, null, null, null,
				LocalDate.of(2022, 1, 1), LocalDate.of(2022, 3, 31)));
		assertThat(nothing.orders()).isZero();
		assertThat(nothing.yoyGrowth()).isNull();
	}

	@Test
	void cancelledSalesNeverCountAndRefundsCountUpToWhatWasPaid() {
		Filter june = new Filter(this.world.countyA, null, null, null, null, LocalDate.of(2025, 6, 15),
				LocalDate.of(2025, 6, 16));
		Summary summary = this.queries.summary(june);
		assertSummary(june, summary, this.recount.summary(june));
		// both orders of those days were cancelled after payment (one after a refund)
		assertThat(summary.orders()).isEqualTo(this.recount.summary(june).orders());
		Filter excessive = new Filter(this.world.countyB, null, null, null, null, LocalDate.of(2025, 3, 3),
				LocalDate.of(2025, 3, 3));
		Summary refundedTooMuch = this.queries.summary(excessive);
		assertThat(refundedTooMuch.salesNet()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
		assertSummary(excessive, refundedTooMuch, this.recount.summary(excessive));
	}

	@Test
	void aRefundToldBeforeItsPaymentStillCountsOnce() {
		Map<String, Object> sale = this.jdbc.queryForMap(
				"SELECT paid, refunded, cancelled FROM statistics_sale WHERE order_id = ?", this.world.refundedFirst);
		assertThat((BigDecimal) sale.get("paid")).isEqualByComparingTo("90.00");
		assertThat((BigDecimal) sale.get("refunded")).isEqualByComparingTo("40.00");
		Filter day = new Filter(this.world.countyA, null, null, this.world.shopA1.shopId(), null,
				LocalDate.of(2025, 6, 18), LocalDate.of(2025, 6, 18));
		Summary summary = this.queries.summary(day);
		assertThat(summary.salesGross()).isEqualByComparingTo("90.00");
		assertThat(summary.salesNet()).isEqualByComparingTo("50.00");
		assertThat(summary.hongKongMacaoTaiwanReached()).isEqualTo(1);
		assertSummary(day, summary, this.recount.summary(day));
	}

	@Test
	void aCancellationToldBeforeItsPaymentLeavesTheSaleUncounted() {
		Filter day = new Filter(this.world.countyB, null, null, null, null, LocalDate.of(2025, 6, 19),
				LocalDate.of(2025, 6, 19));
		Summary summary = this.queries.summary(day);
		assertThat(this.jdbc.queryForObject("SELECT cancelled FROM statistics_sale WHERE order_id = ?", Boolean.class,
				this.world.cancelledFirst))
			.isTrue();
		assertSummary(day, summary, this.recount.summary(day));
	}

	@Test
	void aPaymentToldAgainCountsAsItWasToldLastEvenWhenTheOlderTellingArrivesAfter() {
		// two listeners may take an order's two tellings in either order
		this.recorder.record(this.world.amendedFrom);
		// told as it stands once more, later; then a telling from between the two arrives
		this.recorder.record(told(this.world.amendedTo, this.world.amendedTo.occurredAt().plusSeconds(3600)));
		this.recorder.record(told(this.world.amendedFrom, this.world.amendedTo.occurredAt().plusSeconds(1800)));
		Map<String, Object> sale = this.jdbc.queryForMap(
				"SELECT paid, destination_code, lines FROM statistics_sale WHERE order_id = ?",
				this.world.amendedTo.orderId());
		assertThat((BigDecimal) sale.get("paid")).isEqualByComparingTo("79.80");
		SalesRollup.Lines lines = SalesRollup.Lines.of((byte[]) sale.get("lines"));
		assertThat(lines.quantities()).containsExactly(1);
		assertThat(lines.shares()).containsExactly(new BigDecimal("79.80"));
		assertThat(sale.get("destination_code")).isEqualTo(this.world.amendedTo.destinationCode());
		Filter day = new Filter(this.world.countyA, null, null, this.world.shopA1.shopId(), null,
				LocalDate.of(2025, 6, 21), LocalDate.of(2025, 6, 21));
		assertSummary(day, this.queries.summary(day), this.recount.summary(day));
		assertCharts(day);
	}

	@Test
	void twoTellingsOfAKnownSaleInOnePublicationCountAsTheLastOfThem() {
		java.time.Instant later = this.world.amendedTo.occurredAt().plus(java.time.Duration.ofDays(10));
		this.recorder.record(new org.farmgate.orders.OrdersRestated(java.util.UUID.randomUUID(),
				java.util.List.of(told(this.world.amendedFrom, later), told(this.world.amendedTo, later)),
				java.util.List.of(), java.util.List.of()));
		Map<String, Object> sale = this.jdbc.queryForMap(
				"SELECT paid, destination_code FROM statistics_sale WHERE order_id = ?",
				this.world.amendedTo.orderId());
		assertThat((BigDecimal) sale.get("paid")).isEqualByComparingTo(this.world.amendedTo.paidAmount());
		assertThat(sale.get("destination_code")).isEqualTo(this.world.amendedTo.destinationCode());
		Filter day = new Filter(this.world.countyA, null, null, this.world.shopA1.shopId(), null,
				LocalDate.of(2025, 6, 21), LocalDate.of(2025, 6, 21));
		assertSummary(day, this.queries.summary(day), this.recount.summary(day));
	}

	@Test
	void aSaleCountsOnItsDayInShanghaiSoDouble11StartsAtMidnightThere() {
		Filter double11 = new Filter(this.world.countyA, null, null, this.world.shopA2.shopId(), null,
				LocalDate.of(2025, 11, 11), LocalDate.of(2025, 11, 11));
		Summary summary = this.queries.summary(double11);
		assertThat(summary.salesGross()).isGreaterThanOrEqualTo(new BigDecimal("88.00"));
		assertSummary(double11, summary, this.recount.summary(double11));
	}

	@Test
	void anOrderWithTwoSkusOfOneProductIsOneOrderOfThatProduct() {
		Filter product = new Filter(this.world.countyA, null, null, null, this.world.productA1.productId(),
				LocalDate.of(2025, 6, 12), LocalDate.of(2025, 6, 12));
		Summary summary = this.queries.summary(product);
		assertSummary(product, summary, this.recount.summary(product));
		assertThat(this.queries.topProducts(product, 10)).isEqualTo(this.recount.topProducts(product, 10));
	}

	@Test
	void aShopIsActiveFromItsThirtiethDayWithThreeOrdersInTheLastThreeMonths() {
		Filter end = new Filter(this.world.countyA, null, null, null, null, LocalDate.of(2025, 12, 1),
				LocalDate.of(2025, 12, 31));
		Map<UUID, StatisticsQueries.ShopActivity> shops = new HashMap<>();
		this.queries.shops(end).forEach(shop -> shops.put(shop.shop(), shop));
		assertThat(shops.get(this.world.shopA6.shopId()).active()).isTrue();
		// four orders, but open 21 days only
		assertThat(shops.get(this.world.shopA3.shopId()).ordersLastThreeMonths()).isEqualTo(4);
		assertThat(shops.get(this.world.shopA3.shopId()).active()).isFalse();
		// 2025-09-30 is not in the three months up to 2025-12-31: two orders only
		assertThat(shops.get(this.world.shopA5.shopId()).ordersLastThreeMonths()).isEqualTo(2);
		assertThat(shops.get(this.world.shopA5.shopId()).active()).isFalse();
		// closed on 2025-09-30
		assertThat(shops).doesNotContainKey(this.world.shopA4.shopId());
		assertSummary(end, this.queries.summary(end), this.recount.summary(end));
	}

	@Test
	void theChartsEqualTheirRecomputations() {
		for (Filter filter : filters(this.world)) {
			assertCharts(filter);
		}
	}

	@Test
	void tellingEveryEventAgainTwiceAndShuffledAndAsRestatementsChangesNothing() {
		List<Filter> filters = filters(this.world);
		List<Summary> before = filters.stream().map(this.queries::summary).toList();
		for (int time = 0; time < 2; time++) {
			for (Object event : this.world.events()) {
				// facts without a ledger key are written again (the newest telling wins)
				boolean fact = "".equals(StatisticsRecorder.key(event));
				assertThat(this.recorder.record(event)).as("told again: %s", event).isEqualTo(fact);
			}
		}
		List<Object> shuffled = new ArrayList<>(this.world.events());
		Collections.shuffle(shuffled, new Random(7));
		shuffled.forEach(this.recorder::record);
		for (int time = 0; time < 2; time++) {
			for (Object restatement : this.world.restatements()) {
				assertThat(this.recorder.record(restatement)).as("a new publication").isTrue();
			}
		}
		assertThat(filters.stream().map(this.queries::summary).toList()).isEqualTo(before);
		for (Filter filter : filters) {
			assertSummary(filter, this.queries.summary(filter), this.recount.summary(filter));
			assertCharts(filter);
		}
	}

	@Test
	void aShopClosedBeforeItWasToldOpenedStaysClosed() {
		StatisticsFixture fresh = new StatisticsFixture("520502", "520521", 11L);
		List<Object> closingsFirst = new ArrayList<>();
		fresh.events().stream().filter(ShopClosed.class::isInstance).forEach(closingsFirst::add);
		assertThat(closingsFirst).as("the fixture closes a shop").isNotEmpty();
		fresh.events().stream().filter(event -> !(event instanceof ShopClosed)).forEach(closingsFirst::add);

		closingsFirst.forEach(this.recorder::record);

		StatisticsRecount expected = new StatisticsRecount(fresh.events());
		for (Filter filter : filters(fresh)) {
			assertSummary(filter, this.queries.summary(filter), expected.summary(filter));
		}
	}

	@Test
	void aShopToldClosedBeforeItWasToldOpenedShowsItsSalesUnderItsPlatformAtOnce() {
		String county = "520603";
		UUID organisation = UUID.randomUUID();
		UUID shop = UUID.randomUUID();
		java.time.Instant paidAt = java.time.Instant.parse("2026-03-01T04:00:00Z");
		this.recorder.record(new OrganisationRecorded(organisation, county, UUID.randomUUID(), null, null, true));
		this.recorder.record(new OrderPaid(UUID.randomUUID(), "closed-first-1", shop, organisation, county, Platform.JD,
				new BigDecimal("59.90"), "440000", "440100", "440106", paidAt, List.of(), paidAt));

		// the closing is told, its opening not yet (the listeners run on two threads)
		this.recorder.record(new ShopClosed(shop, organisation, county, Platform.JD, LocalDate.of(2026, 4, 1)));

		Filter county2026 = new Filter(county, null, null, null, null, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31));
		Filter organisation2026 = new Filter(county, null, organisation, null, null, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31));
		assertThat(this.queries.byPlatform(county2026)).as("the county's view (the cube)")
			.extracting(StatisticsQueries.Share::key)
			.containsExactly("JD");
		assertThat(this.queries.byPlatform(organisation2026)).as("a view narrowed to the organisation (the tables)")
			.extracting(StatisticsQueries.Share::key)
			.containsExactly("JD");
	}

	@Test
	void anOrganisationMovedToAnotherVillageTakesItsShopsEarlierSalesWithIt() {
		String county = "520602";
		UUID organisation = UUID.randomUUID();
		UUID shop = UUID.randomUUID();
		UUID before = UUID.randomUUID();
		UUID after = UUID.randomUUID();
		java.time.Instant paidAt = java.time.Instant.parse("2026-03-01T04:00:00Z");
		this.recorder.record(new OrganisationRecorded(organisation, county, before, null, null, true));
		this.recorder.record(new ShopOpened(shop, organisation, county, Platform.JD, LocalDate.of(2025, 1, 1)));
		this.recorder.record(new OrderPaid(UUID.randomUUID(), "village-move-1", shop, organisation, county, Platform.JD,
				new BigDecimal("59.90"), "440000", "440100", "440106", paidAt, List.of(), paidAt));
		Filter county2026 = new Filter(county, null, null, null, null, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31));
		Filter organisation2026 = new Filter(county, null, organisation, null, null, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 12, 31));
		assertThat(this.queries.villages(county2026)).extracting(StatisticsQueries.Share::key)
			.containsExactly(before.toString());

		this.recorder.record(new OrganisationRecorded(organisation, county, after, null, null, true));

		assertThat(this.queries.villages(county2026)).as("the county's view (the cube)")
			.extracting(StatisticsQueries.Share::key)
			.containsExactly(after.toString());
		assertThat(this.queries.villages(organisation2026)).as("a view narrowed to the organisation (the tables)")
			.extracting(StatisticsQueries.Share::key)
			.containsExactly(after.toString());
		assertThat(this.queries
			.summary(new Filter(county, after, null, null, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
			.orders()).as("the village's own view").isEqualTo(1);
	}

	@Test
	void fourThreadsTellingEverythingAtOnceCountItOnce() throws Exception {
		StatisticsFixture fresh = new StatisticsFixture("520402", "520422", 42L);
		StatisticsRecount expected = new StatisticsRecount(fresh.events());
		List<Object> events = fresh.events();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> done = new ArrayList<>();
			for (int thread = 0; thread < 4; thread++) {
				Callable<Integer> telling = () -> {
					start.await();
					int taken = 0;
					for (Object event : events) {
						if (this.recorder.record(event)) {
							taken++;
						}
					}
					return taken;
				};
				done.add(threads.submit(telling));
			}
			start.countDown();
			int taken = 0;
			for (Future<Integer> future : done) {
				taken += future.get(5, TimeUnit.MINUTES);
			}
			// facts without a ledger key are taken by every thread; the rest once
			long facts = events.stream().filter(event -> "".equals(StatisticsRecorder.key(event))).count();
			long keyed = events.stream()
				.map(StatisticsRecorder::key)
				.filter(key -> key != null && !key.isEmpty())
				.distinct()
				.count();
			assertThat(taken).isEqualTo(keyed + 4 * facts);
		}
		finally {
			threads.shutdownNow();
		}
		for (Filter filter : filters(fresh)) {
			assertSummary(filter, this.queries.summary(filter), expected.summary(filter));
		}
	}

	private void assertCharts(Filter filter) {
		assertThat(this.queries.monthly(filter)).as("monthly of %s", filter)
			.usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(this.recount.monthly(filter));
		List<StatisticsQueries.Share> platforms = this.queries.byPlatform(filter);
		assertThat(byKey(platforms)).as("platforms of %s", filter)
			.usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(this.recount.byPlatform(filter));
		assertThat(platforms).as("platforms by net sales").isSortedAccordingTo((a, b) -> b.net().compareTo(a.net()));
		assertThat(this.queries.topProducts(filter, 100)).as("top products of %s", filter)
			.usingRecursiveFieldByFieldElementComparator()
			.usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(this.recount.topProducts(filter, 100));
		assertThat(this.queries.topProducts(filter, 2)).as("top 2 products of %s", filter)
			.usingRecursiveFieldByFieldElementComparator()
			.usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(this.recount.topProducts(filter, 2));
		List<StatisticsQueries.Share> villages = this.queries.villages(filter);
		assertThat(byKey(villages)).as("villages of %s", filter)
			.usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(this.recount.villages(filter));
		Map<List<String>, StatisticsQueries.Destination> destinations = new HashMap<>();
		this.queries.destinations(filter)
			.forEach(d -> assertThat(destinations.put(List.of(d.province(), d.city(), d.county()), d)).isNull());
		assertThat(destinations).as("destinations of %s", filter)
			.usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(this.recount.destinations(filter));
		Map<UUID, TaobaoVillage> taobao = new HashMap<>();
		this.queries.taobaoVillages(filter).forEach(v -> assertThat(taobao.put(v.village(), v)).isNull());
		assertThat(taobao).as("Taobao villages of %s", filter)
			.usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(this.recount.taobaoVillages(filter));
	}

	private static Map<String, StatisticsQueries.Share> byKey(List<StatisticsQueries.Share> shares) {
		Map<String, StatisticsQueries.Share> map = new java.util.TreeMap<>();
		shares.forEach(share -> assertThat(map.put(share.key(), share)).as("key %s once", share.key()).isNull());
		return map;
	}

	private static void assertSummary(Filter filter, Summary actual, Summary expected) {
		assertThat(actual).as("summary of %s", filter)
			.usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(expected);
	}

	private static Filter year(StatisticsFixture world, String area, int year) {
		return new Filter(area, null, null, null, null, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	/**
	 * Both counties, their city, a village, an organisation, a shop, a product, a month,
	 * a year, a period spanning Double 11, a period with nothing.
	 */
	static List<Filter> filters(StatisticsFixture world) {
		List<Filter> filters = new ArrayList<>();
		LocalDate from = LocalDate.of(2025, 1, 1);
		LocalDate to = LocalDate.of(2025, 12, 31);
		for (String area : List.of(world.countyA, world.countyB, world.city)) {
			filters.add(year(world, area, 2025));
			filters.add(year(world, area, 2024));
			filters.add(new Filter(area, null, null, null, null, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)));
			filters
				.add(new Filter(area, null, null, null, null, LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30)));
			filters
				.add(new Filter(area, null, null, null, null, LocalDate.of(2025, 11, 11), LocalDate.of(2025, 11, 11)));
			filters.add(new Filter(area, null, null, null, null, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 3, 31)));
			filters.add(new Filter(area, null, null, null, null, LocalDate.of(2024, 7, 1), LocalDate.of(2025, 6, 30)));
		}
		filters.add(new Filter(world.countyA, world.villageA1, null, null, null, from, to));
		filters.add(new Filter(world.city, world.villageA2, null, null, null, from, to));
		filters.add(new Filter(world.countyB, world.villageB1, null, null, null, LocalDate.of(2025, 6, 1),
				LocalDate.of(2025, 6, 30)));
		filters.add(new Filter(world.countyA, null, world.orgA1.organisationId(), null, null, from, to));
		filters.add(new Filter(world.countyA, null, world.orgA3.organisationId(), null, null, from,
				LocalDate.of(2025, 9, 29)));
		filters.add(new Filter(world.city, null, world.orgB1.organisationId(), null, null, from, to));
		filters.add(new Filter(world.countyA, null, null, world.shopA1.shopId(), null, from, to));
		filters.add(new Filter(world.countyA, null, null, world.shopA2.shopId(), null, LocalDate.of(2025, 11, 1),
				LocalDate.of(2025, 11, 30)));
		filters.add(new Filter(world.countyA, null, null, null, world.productA1.productId(), from, to));
		filters.add(new Filter(world.city, null, null, null, world.productA2.productId(), from, to));
		filters.add(new Filter(world.countyA, null, null, null, world.productA3.productId(), from, to));
		filters.add(new Filter(world.countyB, null, null, null, world.productB1.productId(), LocalDate.of(2025, 6, 1),
				LocalDate.of(2025, 6, 30)));
		// an organisation whose only sale of the month was cancelled
		filters.add(new Filter(world.countyA, null, world.orgA4.organisationId(), null, null, LocalDate.of(2024, 8, 1),
				LocalDate.of(2024, 8, 31)));
		// a filter of the other county's village finds nothing
		filters.add(new Filter(world.countyB, world.villageA1, null, null, null, from, to));
		return filters;
	}

	/** The same payment, told at another time. */
	@Test
	void aPublicationOfNewSalesAndOneKnownTakesTheNewOnesAndLeavesTheKnownAsItWas() {
		// new sales go in with COPY; one known among them sends the whole publication
		// through the insert that skips known orders. The new ones are sold by a shop of
		// a
		// county outside the fixture's world, so that the other tests' figures stay as
		// they
		// were
		UUID shop = UUID.randomUUID();
		java.time.Instant paidAt = LocalDate.of(2025, 12, 3).atTime(10, 0).atZone(SalesRollup.CHINA).toInstant();
		OrderPaid first = newSaleLike(this.world.amendedTo, shop, paidAt);
		OrderPaid second = newSaleLike(this.world.amendedTo, shop, paidAt);
		BigDecimal knownBefore = this.jdbc.queryForObject("SELECT paid FROM statistics_sale WHERE order_id = ?",
				BigDecimal.class, this.world.amendedTo.orderId());
		assertThat(this.recorder.record(new org.farmgate.orders.OrdersRestated(java.util.UUID.randomUUID(),
				java.util.List.of(first, this.world.amendedTo, second), java.util.List.of(), java.util.List.of())))
			.isTrue();
		// and a publication of new sales only
		OrderPaid third = newSaleLike(this.world.amendedTo, shop, paidAt);
		assertThat(this.recorder.record(new org.farmgate.orders.OrdersRestated(java.util.UUID.randomUUID(),
				java.util.List.of(third), java.util.List.of(), java.util.List.of())))
			.isTrue();
		assertThat(this.jdbc.queryForObject("SELECT paid FROM statistics_sale WHERE order_id = ?", BigDecimal.class,
				this.world.amendedTo.orderId()))
			.isEqualByComparingTo(knownBefore);
		for (OrderPaid sale : java.util.List.of(first, second, third)) {
			Map<String, Object> row = this.jdbc.queryForMap(
					"SELECT paid, day, destination_code, lines FROM statistics_sale WHERE order_id = ?",
					sale.orderId());
			assertThat((BigDecimal) row.get("paid")).isEqualByComparingTo(sale.paidAmount());
			assertThat(row.get("day").toString()).isEqualTo("2025-12-03");
			assertThat(row.get("destination_code")).isEqualTo(sale.destinationCode());
			assertThat(SalesRollup.Lines.of((byte[]) row.get("lines")).skuIds())
				.containsExactlyElementsOf(sale.lines().stream().map(OrderPaid.Line::skuId).toList());
		}
		Filter day = new Filter(ELSEWHERE, null, null, shop, null, LocalDate.of(2025, 12, 3),
				LocalDate.of(2025, 12, 3));
		Summary summary = this.queries.summary(day);
		assertThat(summary.orders()).isEqualTo(3);
		assertThat(summary.salesGross())
			.isEqualByComparingTo(this.world.amendedTo.paidAmount().multiply(BigDecimal.valueOf(3)));
	}

	/** A county no other test's world sells from (Beijing's Dongcheng district). */
	private static final String ELSEWHERE = "110101";

	/** A payment of a new order of the shop in {@link #ELSEWHERE}, like the one given. */
	private static OrderPaid newSaleLike(OrderPaid like, UUID shop, java.time.Instant paidAt) {
		return new OrderPaid(UUID.randomUUID(), "NEW-" + UUID.randomUUID(), shop, UUID.randomUUID(), ELSEWHERE,
				like.platform(), like.paidAmount(), like.provinceCode(), like.cityCode(), like.destinationCode(),
				paidAt, like.lines(), paidAt);
	}

	private static OrderPaid told(OrderPaid paid, java.time.Instant at) {
		return new OrderPaid(paid.orderId(), paid.platformOrderNo(), paid.shopId(), paid.organisationId(),
				paid.countyCode(), paid.platform(), paid.paidAmount(), paid.provinceCode(), paid.cityCode(),
				paid.destinationCode(), paid.paidAt(), paid.lines(), at);
	}

}

package org.farmgate.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.farmgate.catalog.CatalogRestated;
import org.farmgate.catalog.ProductAdded;
import org.farmgate.catalog.SkuAdded;
import org.farmgate.income.DividendDistributed;
import org.farmgate.income.DividendShare;
import org.farmgate.income.IncomeRestated;
import org.farmgate.income.ProcurementRecorded;
import org.farmgate.income.WageRecorded;
import org.farmgate.orders.OrderCancelled;
import org.farmgate.orders.OrderPaid;
import org.farmgate.orders.OrderRefunded;
import org.farmgate.orders.OrdersImported;
import org.farmgate.orders.OrdersRestated;
import org.farmgate.registry.EntrepreneurRecorded;
import org.farmgate.registry.HouseholdRecorded;
import org.farmgate.registry.OrganisationRecorded;
import org.farmgate.registry.ParkRelation;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryRestated;
import org.farmgate.registry.ShopClosed;
import org.farmgate.registry.ShopOpened;
import org.farmgate.training.SessionAttended;
import org.farmgate.training.TraineeLinked;
import org.farmgate.training.TrainingRestated;

/**
 * A hand-built world in two counties of one city that the demo does not use: villages,
 * organisations (one without a village, one not approved, three in parks), shops on
 * several platforms (one opened less than 30 days before the end of 2025, one opened
 * exactly 30 days before it, one closed), products and SKUs in categories, entrepreneurs,
 * households (some disadvantaged, one never recorded), two years of paid orders with
 * several lines, unmatched lines, destinations in several provinces, a municipality, a
 * province-directly administered county-level unit, Hong Kong and an unresolved address,
 * cancellations after payment, partial, full and excessive refunds, a refund and a
 * cancellation told before their payment, an import chunk, income with reversals and
 * training. Everything is plain events, in the order a real system publishes them; the
 * ids are new for each fixture.
 */
final class StatisticsFixture {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** Destinations: province, city-level and county-level code. */
	static final String[][] DESTINATIONS = { { "520000", "520100", "520102" }, { "310000", "310100", "310101" },
			{ "310000", "310100", "310115" }, { "420000", "429004", "429004" }, { "420000", "420100", "420106" },
			{ "440000", "440300", "440305" }, { "440000", "440100", "440106" }, { "110000", "110100", "110105" },
			{ "810000", null, null }, { null, null, null }, { "330000", null, null } };

	final String countyA;

	final String countyB;

	final String city;

	final UUID villageA1 = UUID.randomUUID();

	final UUID villageA2 = UUID.randomUUID();

	final UUID villageB1 = UUID.randomUUID();

	final UUID parkA = UUID.randomUUID();

	final UUID parkB = UUID.randomUUID();

	final OrganisationRecorded orgA1;

	final OrganisationRecorded orgA2;

	/** No village, in a park but not approved. */
	final OrganisationRecorded orgA3;

	final OrganisationRecorded orgA4;

	final OrganisationRecorded orgB1;

	final ShopOpened shopA1;

	final ShopOpened shopA2;

	/** Opened 2025-12-10: less than 30 days before 2025-12-31. */
	final ShopOpened shopA3;

	/** Closed on 2025-09-30. */
	final ShopOpened shopA4;

	/** Two orders only in the last quarter of 2025. */
	final ShopOpened shopA5;

	/** Opened 2025-12-01: exactly 30 days before 2025-12-31. */
	final ShopOpened shopA6;

	final ShopOpened shopB1;

	final ShopOpened shopB2;

	final ProductAdded productA1;

	final ProductAdded productA2;

	final ProductAdded productA3;

	final ProductAdded productB1;

	final UUID skuA1a = UUID.randomUUID();

	final UUID skuA1b = UUID.randomUUID();

	final UUID skuA2 = UUID.randomUUID();

	final UUID skuA3 = UUID.randomUUID();

	final UUID skuB1 = UUID.randomUUID();

	final UUID householdA1 = UUID.randomUUID();

	final UUID householdA2 = UUID.randomUUID();

	final UUID householdA3 = UUID.randomUUID();

	final UUID householdA4 = UUID.randomUUID();

	/** Has income but was never recorded by the registry. */
	final UUID householdA5 = UUID.randomUUID();

	final UUID householdB1 = UUID.randomUUID();

	final UUID householdB2 = UUID.randomUUID();

	/** Refunded (partly) before its payment was told. */
	UUID refundedFirst;

	/** Cancelled after payment, the cancellation told before the payment. */
	UUID cancelledFirst;

	/**
	 * Paid, then told again an hour later with a smaller amount, one line and elsewhere.
	 */
	OrderPaid amendedFrom;

	/** The later telling of {@link #amendedFrom}. */
	OrderPaid amendedTo;

	private final List<Timed> timed = new ArrayList<>();

	private final Random random;

	private final List<OrderPaid> payments = new ArrayList<>();

	private final List<OrderCancelled> cancellations = new ArrayList<>();

	private final List<OrderRefunded> refunds = new ArrayList<>();

	private final List<ShopOpened> shops = new ArrayList<>();

	private final List<ShopClosed> closed = new ArrayList<>();

	private final List<OrganisationRecorded> organisations = new ArrayList<>();

	private final List<EntrepreneurRecorded> entrepreneurs = new ArrayList<>();

	private final List<HouseholdRecorded> households = new ArrayList<>();

	private final List<ProductAdded> products = new ArrayList<>();

	private final List<SkuAdded> skus = new ArrayList<>();

	private final List<ProcurementRecorded> procurements = new ArrayList<>();

	private final List<WageRecorded> wages = new ArrayList<>();

	private final List<DividendDistributed> dividends = new ArrayList<>();

	private final List<TraineeLinked> links = new ArrayList<>();

	private final List<SessionAttended> attendances = new ArrayList<>();

	StatisticsFixture(String countyA, String countyB, long seed) {
		this.countyA = countyA;
		this.countyB = countyB;
		this.city = countyA.substring(0, 4) + "00";
		this.random = new Random(seed);
		Instant registered = Instant.parse("2022-12-01T00:00:00Z");
		this.orgA1 = organisation(registered, countyA, this.villageA1, this.parkA, ParkRelation.HOSTED, true);
		this.orgA2 = organisation(registered, countyA, this.villageA2, this.parkA, ParkRelation.AFFILIATED, true);
		this.orgA3 = organisation(registered, countyA, null, this.parkB, ParkRelation.HOSTED, false);
		this.orgA4 = organisation(registered, countyA, this.villageA1, null, null, true);
		this.orgB1 = organisation(registered, countyB, this.villageB1, this.parkB, ParkRelation.AFFILIATED, true);
		this.shopA1 = shop(this.orgA1, Platform.TAOBAO, LocalDate.of(2023, 5, 1));
		this.shopA2 = shop(this.orgA1, Platform.JD, LocalDate.of(2024, 3, 10));
		this.shopA3 = shop(this.orgA2, Platform.PINDUODUO, LocalDate.of(2025, 12, 10));
		this.shopA4 = shop(this.orgA3, Platform.DOUYIN, LocalDate.of(2024, 1, 5));
		this.shopA5 = shop(this.orgA4, Platform.TAOBAO, LocalDate.of(2024, 2, 1));
		this.shopA6 = shop(this.orgA2, Platform.TAOBAO, LocalDate.of(2025, 12, 1));
		this.shopB1 = shop(this.orgB1, Platform.TMALL, LocalDate.of(2023, 1, 1));
		this.shopB2 = shop(this.orgB1, Platform.TAOBAO, LocalDate.of(2025, 12, 15));
		ShopClosed closing = new ShopClosed(this.shopA4.shopId(), this.shopA4.organisationId(), countyA,
				this.shopA4.platform(), LocalDate.of(2025, 9, 30));
		this.closed.add(closing);
		add(at(LocalDate.of(2025, 9, 30), 18), closing);
		this.productA1 = product(this.orgA1, "fruit", this.skuA1a, this.skuA1b);
		this.productA2 = product(this.orgA1, "tea", this.skuA2);
		this.productA3 = product(this.orgA2, "fruit", this.skuA3);
		this.productB1 = product(this.orgB1, "meat", this.skuB1);
		entrepreneur(countyA, this.villageA1, this.orgA1.organisationId());
		entrepreneur(countyA, this.villageA2, null);
		entrepreneur(countyA, null, this.orgA3.organisationId());
		entrepreneur(countyA, this.villageA1, this.orgA4.organisationId());
		entrepreneur(countyB, this.villageB1, this.orgB1.organisationId());
		household(countyA, this.householdA1, this.villageA1, true);
		household(countyA, this.householdA2, this.villageA1, false);
		household(countyA, this.householdA3, this.villageA2, true);
		household(countyA, this.householdA4, this.villageA2, false);
		household(countyB, this.householdB1, this.villageB1, true);
		household(countyB, this.householdB2, this.villageB1, false);
		orders();
		income();
		training();
		this.timed.sort(Comparator.comparing(Timed::at));
	}

	/** Every event, in the order they were published. */
	List<Object> events() {
		return this.timed.stream().map(Timed::event).toList();
	}

	/**
	 * What every module tells when asked for its history again (new publication ids): the
	 * same facts, the payments, cancellations after payment and the refunds as they stand
	 * now.
	 */
	List<Object> restatements() {
		List<OrderRefunded> lastRefunds = new ArrayList<>();
		for (OrderRefunded refund : this.refunds) {
			lastRefunds.removeIf(r -> r.orderId().equals(refund.orderId()));
			lastRefunds.add(refund);
		}
		// an order's history tells its payment as it stands now
		Map<UUID, OrderPaid> last = new java.util.LinkedHashMap<>();
		this.payments.forEach(payment -> last.put(payment.orderId(), payment));
		List<OrderPaid> lastPayments = List.copyOf(last.values());
		return List.of(
				new RegistryRestated(UUID.randomUUID(), this.organisations, this.shops, this.closed, this.entrepreneurs,
						this.households),
				new CatalogRestated(UUID.randomUUID(), this.products, this.skus),
				new IncomeRestated(UUID.randomUUID(), this.procurements, this.wages, this.dividends),
				new TrainingRestated(UUID.randomUUID(), this.attendances, this.links),
				new OrdersRestated(UUID.randomUUID(), lastPayments, this.cancellations, lastRefunds));
	}

	private OrganisationRecorded organisation(Instant at, String county, UUID village, UUID park, ParkRelation relation,
			boolean approved) {
		OrganisationRecorded organisation = new OrganisationRecorded(UUID.randomUUID(), county, village, park, relation,
				approved);
		this.organisations.add(organisation);
		add(at, organisation);
		return organisation;
	}

	private ShopOpened shop(OrganisationRecorded organisation, Platform platform, LocalDate opened) {
		ShopOpened shop = new ShopOpened(UUID.randomUUID(), organisation.organisationId(), organisation.countyCode(),
				platform, opened);
		this.shops.add(shop);
		add(at(opened, 0).minusSeconds(3600), shop);
		return shop;
	}

	private ProductAdded product(OrganisationRecorded organisation, String category, UUID... skuIds) {
		ProductAdded product = new ProductAdded(UUID.randomUUID(), organisation.organisationId(),
				organisation.countyCode(), category);
		Instant at = Instant.parse("2022-12-02T00:00:00Z");
		this.products.add(product);
		add(at, product);
		for (UUID skuId : skuIds) {
			SkuAdded sku = new SkuAdded(skuId, product.productId(), organisation.organisationId(),
					organisation.countyCode());
			this.skus.add(sku);
			add(at.plusSeconds(1), sku);
		}
		return product;
	}

	private UUID entrepreneur(String county, UUID village, UUID organisation) {
		EntrepreneurRecorded entrepreneur = new EntrepreneurRecorded(UUID.randomUUID(), county, village, organisation);
		this.entrepreneurs.add(entrepreneur);
		add(Instant.parse("2022-12-03T00:00:00Z"), entrepreneur);
		return entrepreneur.entrepreneurId();
	}

	private void household(String county, UUID id, UUID village, boolean disadvantaged) {
		HouseholdRecorded household = new HouseholdRecorded(id, county, village, disadvantaged);
		this.households.add(household);
		add(Instant.parse("2022-12-03T00:00:00Z"), household);
	}

	private void orders() {
		// random orders on every shop with a catalog, each month it was open
		List<ShopOpened> busy = List.of(this.shopA1, this.shopA2, this.shopA4, this.shopB1);
		for (YearMonth month = YearMonth.of(2024, 1); !month.isAfter(YearMonth.of(2025, 12)); month = month
			.plusMonths(1)) {
			for (ShopOpened shop : busy) {
				int count = this.random.nextInt(4);
				for (int i = 0; i < count; i++) {
					LocalDate day = month.atDay(1 + this.random.nextInt(month.lengthOfMonth()));
					if (day.isBefore(shop.openedOn())
							|| (shop == this.shopA4 && !day.isBefore(LocalDate.of(2025, 9, 30)))) {
						continue;
					}
					randomOrder(shop, day);
				}
			}
		}
		// Double 11: many orders on the day, one paid at 00:30 in Shanghai (16:30 UTC the
		// day before)
		for (int i = 0; i < 12; i++) {
			randomOrder((i % 2 == 0) ? this.shopA1 : this.shopB1, LocalDate.of(2025, 11, 11));
		}
		OrderPaid midnight = paid(this.shopA2, Instant.parse("2025-11-10T16:30:00Z"), new BigDecimal("88.00"),
				DESTINATIONS[1], line(this.skuA2, 2, "88.00"));
		publish(midnight);
		OrderPaid lastBefore = paid(this.shopA2, Instant.parse("2025-11-10T15:59:59Z"), new BigDecimal("77.00"),
				DESTINATIONS[2], line(this.skuA2, 1, "77.00"));
		publish(lastBefore);
		// two SKUs of one product, the same SKU twice and an unmatched line in one order
		// (paid less than the lines: a discount shared by their amounts)
		publish(paid(this.shopA1, LocalDate.of(2025, 6, 12), new BigDecimal("100.00"), DESTINATIONS[3],
				line(this.skuA1a, 1, "33.33"), line(this.skuA1b, 2, "33.33"), line(this.skuA1a, 1, "10.00"),
				line(null, 1, "23.35")));
		// partly refunded twice (totals 10, then 25), then a smaller total told late
		OrderPaid partial = paid(this.shopA1, LocalDate.of(2025, 6, 14), new BigDecimal("120.50"), DESTINATIONS[5],
				line(this.skuA1a, 3, "60.25"), line(this.skuA2, 1, "60.25"));
		publish(partial);
		refund(partial, "10.00", Duration.days(2));
		refund(partial, "25.00", Duration.days(5));
		refund(partial, "10.00", Duration.days(6));
		// fully refunded
		OrderPaid full = paid(this.shopB1, LocalDate.of(2025, 6, 20), new BigDecimal("45.00"), DESTINATIONS[7],
				line(this.skuB1, 1, "45.00"));
		publish(full);
		refund(full, "45.00", Duration.days(3));
		// refunded more than paid (shipping refunded too): the refunds count up to what
		// was
		// paid
		OrderPaid excessive = paid(this.shopB1, LocalDate.of(2025, 3, 3), new BigDecimal("30.00"), DESTINATIONS[6],
				line(this.skuB1, 1, "30.00"));
		publish(excessive);
		refund(excessive, "36.00", Duration.days(4));
		// cancelled after payment, and after a partial refund
		OrderPaid cancelled = paid(this.shopA1, LocalDate.of(2025, 6, 15), new BigDecimal("66.00"), DESTINATIONS[0],
				line(this.skuA1a, 2, "66.00"));
		publish(cancelled);
		cancel(cancelled, Duration.days(1));
		OrderPaid refundedThenCancelled = paid(this.shopA2, LocalDate.of(2025, 6, 16), new BigDecimal("50.00"),
				DESTINATIONS[4], line(this.skuA2, 1, "50.00"));
		publish(refundedThenCancelled);
		refund(refundedThenCancelled, "20.00", Duration.days(1));
		cancel(refundedThenCancelled, Duration.days(2));
		// the only sale of its organisation in August 2024, cancelled: no slice shows it
		OrderPaid alone = paid(this.shopA5, LocalDate.of(2024, 8, 8), new BigDecimal("33.00"), DESTINATIONS[0],
				line(null, 1, "33.00"));
		publish(alone);
		cancel(alone, Duration.days(2));
		// cancelled before payment: never told as paid, counts nowhere
		OrderCancelled unpaid = new OrderCancelled(UUID.randomUUID(), this.shopA1.shopId(),
				this.shopA1.organisationId(), this.countyA, false, at(LocalDate.of(2025, 6, 17), 12));
		add(unpaid.occurredAt(), unpaid);
		// a refund told before its payment (the payment's publication was retried)
		OrderPaid late = paid(this.shopA1, LocalDate.of(2025, 6, 18), new BigDecimal("90.00"), DESTINATIONS[8],
				line(this.skuA1b, 1, "90.00"));
		this.refundedFirst = late.orderId();
		OrderRefunded early = new OrderRefunded(late.orderId(), late.shopId(), late.organisationId(), late.countyCode(),
				new BigDecimal("40.00"), late.paidAt().plusSeconds(60));
		this.refunds.add(early);
		add(late.paidAt().minusSeconds(1), early);
		this.payments.add(late);
		add(late.paidAt().plusSeconds(120), late);
		// a cancellation told before its payment
		OrderPaid lateCancelled = paid(this.shopB1, LocalDate.of(2025, 6, 19), new BigDecimal("55.00"), DESTINATIONS[9],
				line(this.skuB1, 1, "55.00"));
		this.cancelledFirst = lateCancelled.orderId();
		OrderCancelled earlyCancel = new OrderCancelled(lateCancelled.orderId(), lateCancelled.shopId(),
				lateCancelled.organisationId(), lateCancelled.countyCode(), true,
				lateCancelled.paidAt().plusSeconds(60));
		this.cancellations.add(earlyCancel);
		add(lateCancelled.paidAt().minusSeconds(1), earlyCancel);
		this.payments.add(lateCancelled);
		add(lateCancelled.paidAt().plusSeconds(120), lateCancelled);
		// a payment told again an hour later: half the goods, another destination
		this.amendedFrom = paid(this.shopA1, LocalDate.of(2025, 6, 21), new BigDecimal("159.60"), DESTINATIONS[4],
				line(this.skuA1a, 2, "159.60"));
		publish(this.amendedFrom);
		this.amendedTo = new OrderPaid(this.amendedFrom.orderId(), this.amendedFrom.platformOrderNo(),
				this.shopA1.shopId(), this.shopA1.organisationId(), this.countyA, this.shopA1.platform(),
				new BigDecimal("79.80"), DESTINATIONS[5][0], DESTINATIONS[5][1], DESTINATIONS[5][2],
				this.amendedFrom.paidAt(), List.of(line(this.skuA1a, 1, "79.80")),
				this.amendedFrom.occurredAt().plusSeconds(3600));
		publish(this.amendedTo);
		// a channel import: several payments and a refund in one publication
		List<OrderPaid> imported = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			imported
				.add(paid(this.shopA2, LocalDate.of(2025, 7, 1 + i), new BigDecimal("12.30").add(BigDecimal.valueOf(i)),
						DESTINATIONS[i % DESTINATIONS.length], line(this.skuA2, 1, "9.00"), line(null, 1, "3.30")));
		}
		OrderRefunded importedRefund = new OrderRefunded(imported.get(0).orderId(), this.shopA2.shopId(),
				this.shopA2.organisationId(), this.countyA, new BigDecimal("5.00"), at(LocalDate.of(2025, 7, 5), 12));
		this.payments.addAll(imported);
		this.refunds.add(importedRefund);
		add(at(LocalDate.of(2025, 7, 5), 12),
				new OrdersImported(UUID.randomUUID(), UUID.randomUUID(), this.shopA2.shopId(),
						this.shopA2.organisationId(), this.countyA, imported, List.of(), List.of(), List.of(),
						List.of(importedRefund)));
		// the shop opened exactly 30 days before the end of 2025 (active on 2025-12-31),
		// the one opened less than 30 days before (not active), the one with two orders
		for (int day : new int[] { 2, 9, 20 }) {
			publish(paid(this.shopA6, LocalDate.of(2025, 12, day), new BigDecimal("20.00"), DESTINATIONS[0],
					line(null, 1, "20.00")));
			publish(paid(this.shopA3, LocalDate.of(2025, 12, day + 8), new BigDecimal("21.00"), DESTINATIONS[0],
					line(null, 1, "21.00")));
		}
		publish(paid(this.shopA3, LocalDate.of(2025, 12, 30), new BigDecimal("21.00"), DESTINATIONS[0],
				line(null, 1, "21.00")));
		// a shop of a village-less organisation is not in any village; shopA5: 2 orders
		// in
		// the last three months of 2025 and one exactly three months before its end
		publish(paid(this.shopA5, LocalDate.of(2025, 9, 30), new BigDecimal("15.00"), DESTINATIONS[0],
				line(null, 1, "15.00")));
		publish(paid(this.shopA5, LocalDate.of(2025, 10, 1), new BigDecimal("15.00"), DESTINATIONS[0],
				line(null, 1, "15.00")));
		publish(paid(this.shopA5, LocalDate.of(2025, 12, 31), new BigDecimal("15.00"), DESTINATIONS[0],
				line(null, 1, "15.00")));
	}

	private void randomOrder(ShopOpened shop, LocalDate day) {
		List<UUID> catalog = (shop == this.shopB1) ? List.of(this.skuB1)
				: (shop == this.shopA4) ? List.of(this.skuA2) : List.of(this.skuA1a, this.skuA1b, this.skuA2);
		int count = 1 + this.random.nextInt(3);
		List<OrderPaid.Line> lines = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < count; i++) {
			UUID sku = (this.random.nextInt(6) == 0) ? null : catalog.get(this.random.nextInt(catalog.size()));
			BigDecimal amount = BigDecimal.valueOf(500 + this.random.nextInt(20000), 2);
			lines.add(new OrderPaid.Line(sku, 1 + this.random.nextInt(5), amount));
			total = total.add(amount);
		}
		BigDecimal paid = (this.random.nextInt(4) == 0)
				? total.multiply(new BigDecimal("0.93")).setScale(2, RoundingMode.HALF_UP) : total;
		Instant at = at(day, 8 + this.random.nextInt(15)).plusSeconds(this.random.nextInt(3600));
		OrderPaid payment = paid(shop, at, paid, DESTINATIONS[this.random.nextInt(DESTINATIONS.length)],
				lines.toArray(new OrderPaid.Line[0]));
		publish(payment);
		int fate = this.random.nextInt(20);
		if (fate == 0) {
			cancel(payment, Duration.days(1));
		}
		else if (fate == 1) {
			refund(payment, paid.toPlainString(), Duration.days(7));
		}
		else if (fate == 2) {
			refund(payment, paid.divide(BigDecimal.valueOf(3), 2, RoundingMode.DOWN).toPlainString(), Duration.days(3));
		}
	}

	private void income() {
		procurement(this.countyA, this.orgA1, this.householdA1, LocalDate.of(2024, 6, 10), "100.00", null);
		procurement(this.countyA, this.orgA1, this.householdA1, LocalDate.of(2025, 6, 10), "150.00", null);
		procurement(this.countyA, this.orgA1, this.householdA2, LocalDate.of(2024, 5, 2), "200.00", null);
		ProcurementRecorded reversed = procurement(this.countyA, this.orgA1, this.householdA2, LocalDate.of(2025, 5, 2),
				"300.00", null);
		procurement(this.countyA, this.orgA1, this.householdA2, LocalDate.of(2025, 5, 2), "-300.00", reversed.id());
		procurement(this.countyA, this.orgA4, this.householdA5, LocalDate.of(2025, 8, 1), "10.00", null);
		procurement(this.countyB, this.orgB1, this.householdB1, LocalDate.of(2024, 9, 1), "50.00", null);
		procurement(this.countyB, this.orgB1, this.householdB1, LocalDate.of(2025, 9, 1), "60.00", null);
		procurement(this.countyB, this.orgB1, this.householdB2, LocalDate.of(2024, 9, 1), "70.00", null);
		wage(this.countyA, this.orgA2, this.householdA3, YearMonth.of(2025, 3), "500.00", null);
		WageRecorded wage = wage(this.countyA, this.orgA2, this.householdA4, YearMonth.of(2025, 4), "80.00", null);
		wage(this.countyA, this.orgA2, this.householdA4, YearMonth.of(2025, 4), "-80.00", wage.id());
		DividendDistributed dividend = dividend(this.orgA1, LocalDate.of(2025, 1, 20), null,
				new DividendShare(this.householdA1, new BigDecimal("50.00")),
				new DividendShare(this.householdA4, new BigDecimal("80.00")));
		dividend(this.orgA1, LocalDate.of(2025, 1, 20), dividend.id(),
				new DividendShare(this.householdA1, new BigDecimal("-50.00")),
				new DividendShare(this.householdA4, new BigDecimal("-80.00")));
		dividend(this.orgA2, LocalDate.of(2025, 2, 1), null,
				new DividendShare(this.householdA3, new BigDecimal("12.00")));
	}

	private ProcurementRecorded procurement(String county, OrganisationRecorded organisation, UUID household,
			LocalDate day, String amount, UUID reverses) {
		ProcurementRecorded procurement = new ProcurementRecorded(UUID.randomUUID(), county,
				organisation.organisationId(), household, null, day, this.productA1.productId(), BigDecimal.ONE, "kg",
				new BigDecimal(amount), reverses);
		this.procurements.add(procurement);
		add(at(day, 10), procurement);
		return procurement;
	}

	private WageRecorded wage(String county, OrganisationRecorded organisation, UUID household, YearMonth month,
			String amount, UUID reverses) {
		WageRecorded wage = new WageRecorded(UUID.randomUUID(), county, organisation.organisationId(), household, null,
				month, "picking", new BigDecimal(amount), reverses);
		this.wages.add(wage);
		add(at(month.atEndOfMonth(), 10), wage);
		return wage;
	}

	private DividendDistributed dividend(OrganisationRecorded organisation, LocalDate day, UUID reverses,
			DividendShare... shares) {
		BigDecimal total = List.of(shares).stream().map(DividendShare::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		DividendDistributed dividend = new DividendDistributed(UUID.randomUUID(), organisation.countyCode(),
				organisation.organisationId(), day.getYear(), day, total, List.of(shares), reverses);
		this.dividends.add(dividend);
		add(at(day, (reverses != null) ? 11 : 10), dividend);
		return dividend;
	}

	private void training() {
		UUID t1 = UUID.randomUUID();
		UUID t2 = UUID.randomUUID();
		UUID t3 = UUID.randomUUID();
		UUID morning = UUID.randomUUID();
		attend(this.countyA, morning, t1, LocalDate.of(2025, 3, 5));
		attend(this.countyA, morning, t2, LocalDate.of(2025, 3, 5));
		attend(this.countyA, UUID.randomUUID(), t1, LocalDate.of(2025, 4, 10));
		attend(this.countyB, UUID.randomUUID(), t3, LocalDate.of(2025, 5, 1));
		attend(this.countyA, UUID.randomUUID(), t1, LocalDate.of(2024, 4, 10));
		// t4 opened a shop (A6, 2025-12-01) within six months of a first session on
		// 2025-06-01; t1's organisation's shops opened before its first session
		UUID t4 = UUID.randomUUID();
		attend(this.countyA, UUID.randomUUID(), t4, LocalDate.of(2025, 6, 1));
		link(this.countyA, t4, entrepreneur(this.countyA, this.villageA2, this.orgA2.organisationId()));
		link(this.countyA, t1, this.entrepreneurs.get(0).entrepreneurId());
	}

	private void link(String county, UUID trainee, UUID entrepreneur) {
		TraineeLinked link = new TraineeLinked(trainee, county, entrepreneur);
		this.links.add(link);
		add(Instant.parse("2025-12-20T00:00:00Z"), link);
	}

	private void attend(String county, UUID session, UUID trainee, LocalDate day) {
		SessionAttended attended = new SessionAttended(UUID.randomUUID(), session, trainee, county, "live streaming",
				day, "ON_SITE");
		this.attendances.add(attended);
		add(at(day, 18), attended);
	}

	private OrderPaid paid(ShopOpened shop, LocalDate day, BigDecimal amount, String[] destination,
			OrderPaid.Line... lines) {
		return paid(shop, at(day, 10 + this.random.nextInt(10)), amount, destination, lines);
	}

	private OrderPaid paid(ShopOpened shop, Instant at, BigDecimal amount, String[] destination,
			OrderPaid.Line... lines) {
		return new OrderPaid(UUID.randomUUID(), "P" + this.random.nextInt(1_000_000_000), shop.shopId(),
				shop.organisationId(), shop.countyCode(), shop.platform(), amount, destination[0], destination[1],
				destination[2], at, List.of(lines), at);
	}

	private void publish(OrderPaid payment) {
		this.payments.add(payment);
		add(payment.occurredAt(), payment);
	}

	private void refund(OrderPaid payment, String total, Duration later) {
		OrderRefunded refund = new OrderRefunded(payment.orderId(), payment.shopId(), payment.organisationId(),
				payment.countyCode(), new BigDecimal(total), payment.paidAt().plusSeconds(later.seconds()));
		this.refunds.add(refund);
		add(refund.occurredAt(), refund);
	}

	private void cancel(OrderPaid payment, Duration later) {
		OrderCancelled cancelled = new OrderCancelled(payment.orderId(), payment.shopId(), payment.organisationId(),
				payment.countyCode(), true, payment.paidAt().plusSeconds(later.seconds()));
		this.cancellations.add(cancelled);
		add(cancelled.occurredAt(), cancelled);
	}

	private static OrderPaid.Line line(UUID sku, int quantity, String amount) {
		return new OrderPaid.Line(sku, quantity, new BigDecimal(amount));
	}

	private void add(Instant at, Object event) {
		this.timed.add(new Timed(at, this.timed.size(), event));
	}

	static Instant at(LocalDate day, int hour) {
		return LocalDateTime.of(day, java.time.LocalTime.of(hour, 0)).atZone(CHINA).toInstant();
	}

	private record Timed(Instant at, int sequence, Object event) {
	}

	private record Duration(long seconds) {

		static Duration days(int days) {
			return new Duration(days * 86_400L);
		}

	}

}

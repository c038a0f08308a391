package org.farmgate.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.farmgate.catalog.ProductAdded;
import org.farmgate.catalog.SkuAdded;
import org.farmgate.income.DividendDistributed;
import org.farmgate.income.ProcurementRecorded;
import org.farmgate.income.WageRecorded;
import org.farmgate.orders.OrderCancelled;
import org.farmgate.orders.OrderPaid;
import org.farmgate.orders.OrderRefunded;
import org.farmgate.orders.OrdersImported;
import org.farmgate.registry.EntrepreneurRecorded;
import org.farmgate.registry.HouseholdRecorded;
import org.farmgate.registry.OrganisationRecorded;
import org.farmgate.registry.ShopClosed;
import org.farmgate.registry.ShopOpened;
import org.farmgate.training.SessionAttended;
import org.farmgate.training.TraineeLinked;

/**
 * Every figure of the statistics computed again, in plain Java over the events themselves
 * (never SQL, never {@link StatisticsQueries}), by the definitions of DOMAIN.md.
 */
final class StatisticsRecount {

	private static final Set<String> APART = Set.of("810000", "820000", "710000");

	private final Map<UUID, OrganisationRecorded> organisations = new HashMap<>();

	private final Map<UUID, ShopOpened> shops = new HashMap<>();

	private final Map<UUID, LocalDate> closedOn = new HashMap<>();

	private final Map<UUID, UUID> productOfSku = new HashMap<>();

	private final List<EntrepreneurRecorded> entrepreneurs = new ArrayList<>();

	private final Map<UUID, HouseholdRecorded> households = new HashMap<>();

	private final List<Income> income = new ArrayList<>();

	private final Map<UUID, UUID> links = new HashMap<>();

	private final List<SessionAttended> attendances = new ArrayList<>();

	/** The orders that count: paid and not cancelled, with their refunds. */
	private final List<Order> orders;

	StatisticsRecount(List<Object> events) {
		Map<UUID, OrderPaid> paid = new LinkedHashMap<>();
		Set<UUID> cancelled = new HashSet<>();
		Map<UUID, BigDecimal> refunded = new HashMap<>();
		List<Object> flat = events.stream()
			.flatMap(event -> (event instanceof OrdersImported chunk)
					? Stream.of(chunk.paid(), chunk.cancelled(), chunk.refunded()).flatMap(List::stream)
					: Stream.of(event))
			.toList();
		for (Object event : flat) {
			if (event instanceof OrderPaid payment) {
				paid.put(payment.orderId(), payment);
			}
			else if (event instanceof OrderCancelled cancellation && cancellation.wasPaid()) {
				cancelled.add(cancellation.orderId());
			}
			else if (event instanceof OrderRefunded refund) {
				refunded.merge(refund.orderId(), refund.refundedAmount(), BigDecimal::max);
			}
			else if (event instanceof OrganisationRecorded organisation) {
				this.organisations.put(organisation.organisationId(), organisation);
			}
			else if (event instanceof ShopOpened shop) {
				this.shops.put(shop.shopId(), shop);
			}
			else if (event instanceof ShopClosed shop) {
				this.closedOn.put(shop.shopId(), shop.closedOn());
			}
			else if (event instanceof SkuAdded sku) {
				this.productOfSku.put(sku.skuId(), sku.productId());
			}
			else if (event instanceof EntrepreneurRecorded entrepreneur) {
				this.entrepreneurs.add(entrepreneur);
			}
			else if (event instanceof HouseholdRecorded household) {
				this.households.put(household.householdId(), household);
			}
			else if (event instanceof ProcurementRecorded procurement) {
				this.income.add(new Income(procurement.countyCode(), procurement.householdId(),
						procurement.organisationId(), procurement.occurredOn(), procurement.amount()));
			}
			else if (event instanceof WageRecorded wage) {
				this.income.add(new Income(wage.countyCode(), wage.householdId(), wage.organisationId(),
						wage.month().atDay(1), wage.amount()));
			}
			else if (event instanceof DividendDistributed dividend) {
				dividend.shares()
					.forEach(share -> this.income.add(new Income(dividend.countyCode(), share.householdId(),
							dividend.organisationId(), dividend.day(), share.amount())));
			}
			else if (event instanceof SessionAttended attended) {
				this.attendances.add(attended);
			}
			else if (event instanceof TraineeLinked link) {
				this.links.put(link.traineeId(), link.entrepreneurId());
			}
			else if (event instanceof ProductAdded) {
				// the category is looked up through the SKU's product when needed
			}
		}
		this.orders = paid.values()
			.stream()
			.filter(payment -> !cancelled.contains(payment.orderId()))
			.map(payment -> new Order(payment, payment.paidAt().atZone(StatisticsFixture.CHINA).toLocalDate(),
					refunded.getOrDefault(payment.orderId(), BigDecimal.ZERO).min(payment.paidAmount())))
			.toList();
	}

	/**
	 * The period's trainees who opened a shop that is open, was opened within six months
	 * of their first session in the area and 30 days or more before today: converted, and
	 * those not converted whose six months are not over.
	 */
	private int[] conversion(Filter filter, List<SessionAttended> attended) {
		LocalDate today = LocalDate.now(StatisticsFixture.CHINA);
		int converted = 0;
		int within = 0;
		Set<UUID> trainees = new HashSet<>();
		attended.forEach(a -> trainees.add(a.traineeId()));
		for (UUID trainee : trainees) {
			LocalDate first = this.attendances.stream()
				.filter(a -> a.traineeId().equals(trainee) && inArea(filter, a.countyCode()))
				.map(SessionAttended::date)
				.min(LocalDate::compareTo)
				.orElseThrow();
			UUID entrepreneur = this.links.get(trainee);
			UUID organisation = this.entrepreneurs.stream()
				.filter(e -> e.entrepreneurId().equals(entrepreneur))
				.map(EntrepreneurRecorded::organisationId)
				.findFirst()
				.orElse(null);
			boolean opened = organisation != null && this.shops.values()
				.stream()
				.filter(shop -> shop.organisationId().equals(organisation) && !this.closedOn.containsKey(shop.shopId()))
				.anyMatch(shop -> !shop.openedOn().isBefore(first) && !shop.openedOn().isAfter(first.plusMonths(6))
						&& !shop.openedOn().isAfter(today.minusDays(30)));
			if (opened) {
				converted++;
			}
			else if (first.plusMonths(6).isAfter(today)) {
				within++;
			}
		}
		return new int[] { converted, trainees.size() - within };
	}

	private static BigDecimal share(int[] conversion) {
		return (conversion[1] > 0) ? BigDecimal.valueOf(conversion[0])
			.divide(BigDecimal.valueOf(conversion[1]), 4, java.math.RoundingMode.HALF_EVEN) : null;
	}

	/** The headline figures of a filter. */
	Summary summary(Filter filter) {
		Money period = money(filter);
		Money yearToDate = money(days(filter, filter.to().withDayOfYear(1), filter.to()));
		Money toDate = money(days(filter, LocalDate.of(1990, 1, 1), filter.to()));
		Money yearBefore = money(days(filter, filter.from().minusYears(1), filter.to().minusYears(1)));
		BigDecimal growth = (yearBefore.net().signum() > 0)
				? period.net().subtract(yearBefore.net()).divide(yearBefore.net(), 4, RoundingMode.HALF_EVEN) : null;
		List<Order> sold = orders(filter).toList();
		List<String[]> reached = (filter.product() != null) ? List.of()
				: sold.stream()
					.map(order -> new String[] { order.payment().provinceCode(), order.payment().cityCode(),
							order.payment().destinationCode() })
					.toList();
		Set<String> provinces = new HashSet<>();
		Set<String> cities = new HashSet<>();
		Set<String> counties = new HashSet<>();
		Set<String> apart = new HashSet<>();
		long unresolved = 0;
		for (String[] destination : reached) {
			if (destination[0] == null) {
				unresolved++;
			}
			else if (APART.contains(destination[0])) {
				apart.add(destination[0]);
			}
			else {
				provinces.add(destination[0]);
				if (destination[1] != null) {
					cities.add(destination[1]);
				}
				if (destination[2] != null) {
					counties.add(destination[2]);
				}
			}
		}
		List<ShopOpened> open = openShops(filter);
		boolean byFacts = filter.shop() == null && filter.product() == null;
		List<Change> changes = byFacts ? incomeChanges(filter) : List.of();
		List<Change> increased = changes.stream().filter(Change::increased).toList();
		boolean training = byFacts && filter.organisation() == null && filter.village() == null;
		List<SessionAttended> attended = training ? this.attendances.stream()
			.filter(a -> inArea(filter, a.countyCode()) && within(filter, a.date()))
			.toList() : List.of();
		List<OrganisationRecorded> inParks = this.organisations.values()
			.stream()
			.filter(o -> inArea(filter, o.countyCode()) && o.parkId() != null && o.approved())
			.filter(o -> filter.organisation() == null || o.organisationId().equals(filter.organisation()))
			.filter(o -> filter.village() == null || filter.village().equals(o.villageId()))
			.toList();
		return new Summary(filter.area(), filter.from(), filter.to(), period.net(), period.gross(), period.refunds(),
				period.orders(), yearToDate.net(), yearToDate.gross(), toDate.net(), toDate.gross(), yearBefore.net(),
				growth, open.size(), (int) open.stream().filter(shop -> active(shop, filter.to())).count(),
				(int) sold.stream()
					.flatMap(order -> order.payment().lines().stream())
					.map(line -> this.productOfSku.get(line.skuId()))
					.filter(Objects::nonNull)
					.filter(product -> filter.product() == null || product.equals(filter.product()))
					.distinct()
					.count(),
				byFacts ? (int) this.entrepreneurs.stream()
					.filter(e -> inArea(filter, e.countyCode()))
					.filter(e -> filter.organisation() == null || filter.organisation().equals(e.organisationId()))
					.filter(e -> filter.village() == null || filter.village().equals(e.villageId()))
					.count() : 0,
				provinces.size(), cities.size(), counties.size(), apart.size(), unresolved,
				(int) sold.stream().map(this::village).filter(Objects::nonNull).distinct().count(), increased.size(),
				(int) increased.stream().filter(Change::disadvantaged).count(),
				(int) increased.stream().map(Change::village).filter(Objects::nonNull).distinct().count(),
				attended.size(), (int) attended.stream().map(SessionAttended::traineeId).distinct().count(),
				conversion(filter, attended)[0], share(conversion(filter, attended)),
				(int) inParks.stream().map(OrganisationRecorded::parkId).distinct().count(),
				(int) inParks.stream().filter(o -> o.parkRelation().name().equals("HOSTED")).count(),
				(int) inParks.stream().filter(o -> o.parkRelation().name().equals("AFFILIATED")).count());
	}

	/** Net sales per month of the year of {@code to} and the year before. */
	StatisticsQueries.Monthly monthly(Filter filter) {
		int year = filter.to().getYear();
		List<BigDecimal> thisYear = new ArrayList<>();
		List<BigDecimal> lastYear = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			LocalDate first = LocalDate.of(year, month, 1);
			thisYear.add(money(days(filter, first, first.plusMonths(1).minusDays(1))).net());
			lastYear
				.add(money(days(filter, first.minusYears(1), first.minusYears(1).plusMonths(1).minusDays(1))).net());
		}
		return new StatisticsQueries.Monthly(year, thisYear, lastYear);
	}

	/** Orders and net sales by platform. */
	Map<String, StatisticsQueries.Share> byPlatform(Filter filter) {
		return grouped(filter, order -> order.payment().platform().name());
	}

	/** Orders and net sales by the village of each shop's organisation ('' when none). */
	Map<String, StatisticsQueries.Share> villages(Filter filter) {
		return grouped(filter, order -> Objects.toString(village(order), ""));
	}

	/** Orders and net sales by category ('' for unmatched lines). */
	List<StatisticsQueries.Share> topProducts(Filter filter, int limit) {
		Map<String, List<Part>> byProduct = parts(filter)
			.collect(Collectors.groupingBy(part -> Objects.toString(this.productOfSku.get(part.sku()), "")));
		return byProduct.entrySet()
			.stream()
			.map(entry -> new StatisticsQueries.Share(entry.getKey(),
					entry.getValue().stream().map(Part::orderId).distinct().count(),
					entry.getValue().stream().map(Part::net).reduce(BigDecimal.ZERO, BigDecimal::add),
					entry.getValue().stream().mapToLong(Part::quantity).sum(),
					(int) entry.getValue().stream().map(Part::organisation).distinct().count()))
			.sorted(Comparator.comparing(StatisticsQueries.Share::net)
				.reversed()
				.thenComparing(StatisticsQueries.Share::key))
			.limit(limit)
			.toList();
	}

	/** Orders and net sales by destination (province, city-level, county-level). */
	Map<List<String>, StatisticsQueries.Destination> destinations(Filter filter) {
		if (filter.product() != null) {
			return Map.of();
		}
		Map<List<String>, List<Order>> by = orders(filter)
			.collect(Collectors.groupingBy(order -> List.of(Objects.toString(order.payment().provinceCode(), ""),
					Objects.toString(order.payment().cityCode(), ""),
					Objects.toString(order.payment().destinationCode(), ""))));
		Map<List<String>, StatisticsQueries.Destination> destinations = new HashMap<>();
		by.forEach((key, list) -> destinations.put(key, new StatisticsQueries.Destination(key.get(0), key.get(1),
				key.get(2), list.size(), list.stream().map(Order::net).reduce(BigDecimal.ZERO, BigDecimal::add))));
		return destinations;
	}

	/**
	 * The Taobao-village assessment of every village of the area over the year ending on
	 * to.
	 */
	Map<UUID, TaobaoVillage> taobaoVillages(Filter filter) {
		Filter year = new Filter(filter.area(), null, null, null, null, filter.to().minusYears(1).plusDays(1),
				filter.to());
		Map<UUID, BigDecimal> sales = new HashMap<>();
		orders(year).filter(order -> village(order) != null)
			.forEach(order -> sales.merge(village(order), order.net(), BigDecimal::add));
		List<ShopOpened> open = openShops(year);
		Map<UUID, Long> households = this.households.values()
			.stream()
			.filter(h -> inArea(filter, h.countyCode()) && h.villageId() != null)
			.collect(Collectors.groupingBy(HouseholdRecorded::villageId, Collectors.counting()));
		Set<UUID> villages = new HashSet<>(sales.keySet());
		open.stream()
			.map(shop -> this.organisations.get(shop.organisationId()).villageId())
			.filter(Objects::nonNull)
			.forEach(villages::add);
		villages.addAll(households.keySet());
		Map<UUID, TaobaoVillage> assessed = new HashMap<>();
		for (UUID village : villages) {
			if (filter.village() != null && !filter.village().equals(village)) {
				continue;
			}
			List<ShopOpened> its = open.stream()
				.filter(shop -> village.equals(this.organisations.get(shop.organisationId()).villageId()))
				.toList();
			BigDecimal sold = sales.getOrDefault(village, BigDecimal.ZERO);
			int active = (int) its.stream().filter(shop -> active(shop, filter.to())).count();
			int homes = households.getOrDefault(village, 0L).intValue();
			// DOMAIN.md: >= 10 M yuan and (>= 100 active shops or active shops >= 10 % of
			// households)
			boolean enoughShops = active >= 100 || (homes > 0 && active * 10 >= homes);
			boolean qualifies = sold.compareTo(new BigDecimal("10000000")) >= 0 && enoughShops;
			int needed = (homes > 0) ? Math.min(100, (int) Math.ceil(homes / 10.0)) : 100;
			assessed.put(village, new TaobaoVillage(village, sold, its.size(), active, homes, qualifies,
					new BigDecimal("10000000").subtract(sold).max(BigDecimal.ZERO), Math.max(0, needed - active)));
		}
		return assessed;
	}

	/** The orders of a filter (all of them when it names a product: those with it). */
	private Stream<Order> orders(Filter filter) {
		return this.orders.stream()
			.filter(order -> inArea(filter, order.payment().countyCode()) && within(filter, order.day()))
			.filter(order -> filter.shop() == null || filter.shop().equals(order.payment().shopId()))
			.filter(order -> filter.organisation() == null
					|| filter.organisation().equals(this.shops.get(order.payment().shopId()).organisationId()))
			.filter(order -> filter.village() == null || filter.village().equals(village(order)))
			.filter(order -> filter.product() == null || order.payment()
				.lines()
				.stream()
				.anyMatch(line -> filter.product().equals(this.productOfSku.get(line.skuId()))));
	}

	/**
	 * The part of each order's lines in a filter, with their share of paid and refunds.
	 */
	private Stream<Part> parts(Filter filter) {
		return orders(filter).flatMap(order -> order.parts().stream())
			.filter(part -> filter.product() == null || filter.product().equals(this.productOfSku.get(part.sku())));
	}

	private Money money(Filter filter) {
		if (filter.product() != null) {
			List<Part> parts = parts(filter).toList();
			return new Money(parts.stream().map(Part::orderId).distinct().count(),
					parts.stream().map(Part::gross).reduce(BigDecimal.ZERO, BigDecimal::add),
					parts.stream().map(Part::refunds).reduce(BigDecimal.ZERO, BigDecimal::add));
		}
		List<Order> list = orders(filter).toList();
		return new Money(list.size(),
				list.stream().map(o -> o.payment().paidAmount()).reduce(BigDecimal.ZERO, BigDecimal::add),
				list.stream().map(Order::refunds).reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	private Map<String, StatisticsQueries.Share> grouped(Filter filter, Function<Order, String> key) {
		Map<String, StatisticsQueries.Share> shares = new TreeMap<>();
		if (filter.product() != null) {
			Map<String, List<Part>> by = new HashMap<>();
			orders(filter).forEach(order -> order.parts()
				.stream()
				.filter(part -> filter.product().equals(this.productOfSku.get(part.sku())))
				.forEach(part -> by.computeIfAbsent(key.apply(order), k -> new ArrayList<>()).add(part)));
			by.forEach((k, parts) -> shares.put(k,
					new StatisticsQueries.Share(k, parts.stream().map(Part::orderId).distinct().count(),
							parts.stream().map(Part::net).reduce(BigDecimal.ZERO, BigDecimal::add), 0,
							(int) parts.stream().map(Part::organisation).distinct().count())));
			return shares;
		}
		orders(filter).collect(Collectors.groupingBy(key))
			.forEach((k, list) -> shares.put(k,
					new StatisticsQueries.Share(k, list.size(),
							list.stream().map(Order::net).reduce(BigDecimal.ZERO, BigDecimal::add), 0,
							(int) list.stream().map(order -> order.payment().organisationId()).distinct().count())));
		return shares;
	}

	private List<ShopOpened> openShops(Filter filter) {
		LocalDate to = filter.to();
		return this.shops.values()
			.stream()
			.filter(shop -> inArea(filter, shop.countyCode()))
			.filter(shop -> shop.openedOn() == null || !shop.openedOn().isAfter(to))
			.filter(shop -> !this.closedOn.containsKey(shop.shopId()) || this.closedOn.get(shop.shopId()).isAfter(to))
			.filter(shop -> filter.organisation() == null || filter.organisation().equals(shop.organisationId()))
			.filter(shop -> filter.village() == null
					|| filter.village().equals(this.organisations.get(shop.organisationId()).villageId()))
			.filter(shop -> filter.shop() == null || filter.shop().equals(shop.shopId()))
			.toList();
	}

	/**
	 * Open 30 days or more, and at least one order a month on average over the three
	 * months up to {@code to} (the days after the same day three months before).
	 */
	private boolean active(ShopOpened shop, LocalDate to) {
		boolean old = shop.openedOn() == null || java.time.temporal.ChronoUnit.DAYS.between(shop.openedOn(), to) >= 30;
		LocalDate first = to.minusMonths(3).plusDays(1);
		long recent = this.orders.stream()
			.filter(order -> order.payment().shopId().equals(shop.shopId()))
			.filter(order -> !order.day().isBefore(first) && !order.day().isAfter(to))
			.count();
		return old && recent >= 3;
	}

	private List<Change> incomeChanges(Filter filter) {
		LocalDate beforeFrom = filter.from().minusYears(1);
		LocalDate beforeTo = filter.to().minusYears(1);
		Map<UUID, BigDecimal[]> by = new HashMap<>();
		for (Income row : this.income) {
			if (!inArea(filter, row.county())
					|| (filter.organisation() != null && !filter.organisation().equals(row.organisation()))) {
				continue;
			}
			HouseholdRecorded household = this.households.get(row.household());
			UUID village = (household != null) ? household.villageId() : null;
			if (filter.village() != null && !filter.village().equals(village)) {
				continue;
			}
			BigDecimal[] sums = by.computeIfAbsent(row.household(),
					k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			if (within(filter, row.day())) {
				sums[0] = sums[0].add(row.amount());
			}
			if (!row.day().isBefore(beforeFrom) && !row.day().isAfter(beforeTo)) {
				sums[1] = sums[1].add(row.amount());
			}
		}
		return by.entrySet().stream().map(entry -> {
			HouseholdRecorded household = this.households.get(entry.getKey());
			return new Change((household != null) ? household.villageId() : null,
					household != null && household.disadvantaged(),
					entry.getValue()[0].compareTo(entry.getValue()[1]) > 0);
		}).toList();
	}

	private UUID village(Order order) {
		return this.organisations.get(this.shops.get(order.payment().shopId()).organisationId()).villageId();
	}

	private static boolean inArea(Filter filter, String county) {
		return filter.area().endsWith("00") ? county.startsWith(filter.area().substring(0, 4))
				: county.equals(filter.area());
	}

	private static boolean within(Filter filter, LocalDate day) {
		return !day.isBefore(filter.from()) && !day.isAfter(filter.to());
	}

	private static Filter days(Filter filter, LocalDate from, LocalDate to) {
		return new Filter(filter.area(), filter.village(), filter.organisation(), filter.shop(), filter.product(), from,
				to);
	}

	private record Income(String county, UUID household, UUID organisation, LocalDate day, BigDecimal amount) {
	}

	private record Change(UUID village, boolean disadvantaged, boolean increased) {
	}

	private record Money(long orders, BigDecimal gross, BigDecimal refunds) {

		BigDecimal net() {
			return this.gross.subtract(this.refunds);
		}

	}

	/** A line's part of an order: its share of the paid amount and of the refunds. */
	private record Part(UUID orderId, UUID organisation, UUID sku, int quantity, BigDecimal gross, BigDecimal refunds) {

		BigDecimal net() {
			return this.gross.subtract(this.refunds);
		}

	}

	/** An order that counts. */
	private record Order(OrderPaid payment, LocalDate day, BigDecimal refunds) {

		BigDecimal net() {
			return this.payment.paidAmount().subtract(this.refunds);
		}

		/**
		 * The lines' shares: the paid amount split by line amounts to the cent, the last
		 * line taking what rounding leaves; the refunds split the same way by those
		 * shares.
		 */
		List<Part> parts() {
			List<OrderPaid.Line> lines = this.payment.lines();
			BigDecimal paid = this.payment.paidAmount();
			BigDecimal total = lines.stream().map(OrderPaid.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			List<Part> parts = new ArrayList<>();
			BigDecimal paidLeft = paid;
			BigDecimal refundLeft = this.refunds;
			for (int i = 0; i < lines.size(); i++) {
				OrderPaid.Line line = lines.get(i);
				boolean last = i == lines.size() - 1;
				BigDecimal share = last ? paidLeft
						: paid.multiply(line.amount()).divide(total, 2, RoundingMode.HALF_EVEN);
				BigDecimal refund = last ? refundLeft
						: this.refunds.multiply(share).divide(paid, 2, RoundingMode.HALF_EVEN);
				paidLeft = paidLeft.subtract(share);
				refundLeft = refundLeft.subtract(refund);
				parts.add(new Part(this.payment.orderId(), this.payment.organisationId(),
						(line.skuId() != null) ? line.skuId() : SalesRollup.UNMATCHED, line.quantity(), share, refund));
			}
			return parts;
		}

	}

}

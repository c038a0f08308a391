package org.farmgate.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.farmgate.statistics.SalesCube.ShopDimensions;
import org.farmgate.statistics.SalesCube.SkuDimensions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side of the statistics: every figure from the statistics' own tables (the
 * rollups and the facts events told), never from another module's. A sale counts on the
 * day it was paid (Asia/Shanghai); its refunds count on that day too, so a period's net
 * is what its sales finally brought.
 * <p>
 * Views of a whole county or city add up the blocks of the {@link SalesCube}; views
 * narrowed below the area read the rollup tables. No method runs in a transaction of its
 * own: a caller holding table locks while the cube looks for changes could close a circle
 * of waits with a rebuild that PostgreSQL cannot see (decision 0014).
 */
@Component
public class StatisticsQueries {

	private static final LocalDate BEGINNING = LocalDate.of(2000, 1, 1);

	/** Province-level codes reported apart from the 31 mainland units. */
	static final Set<String> HONG_KONG_MACAO_TAIWAN = Set.of("810000", "820000", "710000");

	/**
	 * The shops of the rollup rows {@code d}, as {@code s}, that name their organisation:
	 * all but one told only closed, before its opening, by a closing published before
	 * closings named the organisation (the cube leaves it out too).
	 */
	private static final String KNOWN_SHOPS = " JOIN statistics_shop s ON s.shop_id = d.shop_id"
			+ " AND s.organisation_id IS NOT NULL ";

	private final JdbcClient jdbc;

	private final SalesCube cube;

	StatisticsQueries(JdbcClient jdbc, SalesCube cube) {
		this.jdbc = jdbc;
		this.cube = cube;
	}

	/** The headline figures of DOMAIN.md for the filter's area and period. */
	public Summary summary(Filter filter) {
		return summary(filter, destinations(filter), villages(filter));
	}

	/**
	 * The headline figures, from the filter's destinations and villages as a caller
	 * already read them for its own tables (a dashboard view reads them once).
	 */
	public Summary summary(Filter filter, List<Destination> reach, List<Share> villages) {
		// one look at the cube for every figure of the summary
		SalesCube.State state = this.cube.current();
		Totals period = totals(state, filter);
		Totals yearToDate = totals(state, filter.days(filter.to().withDayOfYear(1), filter.to()));
		Totals toDate = totals(state, filter.days(BEGINNING, filter.to()));
		Totals yearBefore = totals(state, filter.yearBefore());
		List<ShopActivity> shops = shops(state, filter);
		Set<String> provinces = new HashSet<>();
		Set<String> cities = new HashSet<>();
		Set<String> counties = new HashSet<>();
		Set<String> apart = new HashSet<>();
		long unresolved = 0;
		for (Destination destination : reach) {
			if (destination.province().isEmpty()) {
				unresolved += destination.orders();
			}
			else if (HONG_KONG_MACAO_TAIWAN.contains(destination.province())) {
				apart.add(destination.province());
			}
			else {
				provinces.add(destination.province());
				if (!destination.city().isEmpty()) {
					cities.add(destination.city());
				}
				if (!destination.county().isEmpty()) {
					counties.add(destination.county());
				}
			}
		}
		Income income = income(filter);
		Map<String, Object> params = new HashMap<>();
		String attendance = "county_code LIKE :counties AND day BETWEEN :from AND :to";
		params.put("counties", filter.counties());
		params.put("from", filter.from());
		params.put("to", filter.to());
		// attendance is known by county only: no drill-down below the area has training
		int[] training = (filter.narrowed()) ? new int[] { 0, 0 }
				: this.jdbc
					.sql("SELECT count(*), count(DISTINCT trainee_id) FROM statistics_attendance WHERE " + attendance)
					.params(params)
					.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
					.single();
		Conversion conversion = filter.narrowed() ? new Conversion(0, null) : conversion(filter);
		int[] parks = this.jdbc.sql("""
				SELECT count(DISTINCT park_id), count(*) FILTER (WHERE park_relation = 'HOSTED'),
				       count(*) FILTER (WHERE park_relation = 'AFFILIATED')
				FROM statistics_organisation
				WHERE county_code LIKE :counties AND park_id IS NOT NULL AND approved
				  AND (CAST(:organisation AS UUID) IS NULL OR organisation_id = :organisation)
				  AND (CAST(:village AS UUID) IS NULL OR village_id = :village)""")
			.param("counties", filter.counties())
			.param("organisation", filter.organisation())
			.param("village", filter.village())
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3) })
			.single();
		BigDecimal growth = (yearBefore.net().signum() > 0)
				? period.net().subtract(yearBefore.net()).divide(yearBefore.net(), 4, RoundingMode.HALF_EVEN) : null;
		return new Summary(filter.area(), filter.from(), filter.to(), period.net(), period.gross(), period.refunds(),
				period.orders(), yearToDate.net(), yearToDate.gross(), toDate.net(), toDate.gross(), yearBefore.net(),
				growth, shops.size(), (int) shops.stream().filter(ShopActivity::active).count(),
				productTypes(state, filter), entrepreneurs(filter), provinces.size(), cities.size(), counties.size(),
				apart.size(), unresolved,
				(int) villages.stream().filter(row -> row.orders() > 0 && !row.key().isEmpty()).count(),
				income.increased(), income.disadvantagedIncreased(), income.villagesBenefiting(), training[0],
				training[1], conversion.converted(), conversion.share(), parks[0], parks[1], parks[2]);
	}

	/** Orders, gross and refunds of the filter. */
	Totals totals(Filter filter) {
		return totals(this.cube.current(), filter);
	}

	private Totals totals(SalesCube.State state, Filter filter) {
		if (!filter.narrowed()) {
			List<SalesCube.Block> blocks = state.blocks(filter.counties(), filter.from(), filter.to());
			long orders = 0;
			long gross = 0;
			long refunds = 0;
			for (SalesCube.Block block : blocks) {
				orders += block.orders();
				gross += block.gross();
				refunds += block.refunds();
			}
			return new Totals(orders, money(gross, !blocks.isEmpty()), money(refunds, !blocks.isEmpty()));
		}
		Map<String, Object> params = new HashMap<>();
		return this.jdbc
			.sql("SELECT coalesce(sum(d.orders), 0), coalesce(sum(d.gross), 0), coalesce(sum(d.refunds), 0) FROM "
					+ source(filter, params) + " WHERE " + where(filter, params))
			.params(params)
			.query((rs, n) -> new Totals(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
			.single();
	}

	/**
	 * Net sales per month of the year of {@code to} and of the year before (index 0–11).
	 */
	public Monthly monthly(Filter filter) {
		int year = filter.to().getYear();
		Filter twoYears = filter.days(LocalDate.of(year - 1, 1, 1), LocalDate.of(year, 12, 31));
		Map<String, Object> params = new HashMap<>();
		BigDecimal[] thisYear = zeros(12);
		BigDecimal[] lastYear = zeros(12);
		if (!filter.narrowed()) {
			this.cube.current().months(filter.counties(), twoYears.from(), twoYears.to()).forEach((month, blocks) -> {
				long net = 0;
				for (SalesCube.Block block : blocks) {
					net += block.gross() - block.refunds();
				}
				BigDecimal[] into = (month.getYear() == year) ? thisYear : lastYear;
				into[month.getMonthValue() - 1] = BigDecimal.valueOf(net, 2);
			});
			return new Monthly(year, List.of(thisYear), List.of(lastYear));
		}
		this.jdbc
			.sql("SELECT EXTRACT(YEAR FROM d.month)::INTEGER, EXTRACT(MONTH FROM d.month)::INTEGER, "
					+ "sum(d.gross - d.refunds) FROM " + source(twoYears, params) + " WHERE " + where(twoYears, params)
					+ " GROUP BY 1, 2")
			.params(params)
			.query(rs -> {
				BigDecimal[] into = (rs.getInt(1) == year) ? thisYear : lastYear;
				into[rs.getInt(2) - 1] = rs.getBigDecimal(3);
			});
		return new Monthly(year, List.of(thisYear), List.of(lastYear));
	}

	/** Net sales and orders per platform. */
	public List<Share> byPlatform(Filter filter) {
		if (!filter.narrowed()) {
			return byShop(filter, ShopDimensions::platform);
		}
		Map<String, Object> params = new HashMap<>();
		return this.jdbc
			.sql("SELECT s.platform, sum(d.orders), sum(d.gross - d.refunds), 0, "
					+ "count(DISTINCT s.organisation_id) FILTER (WHERE d.orders > 0) FROM " + source(filter, params)
					+ KNOWN_SHOPS + "WHERE " + where(filter, params)
					+ " GROUP BY s.platform HAVING sum(d.orders) > 0 ORDER BY 3 DESC")
			.params(params)
			.query(StatisticsQueries::share)
			.list();
	}

	/** Net sales per catalog category. */
	public List<Share> byCategory(Filter filter) {
		if (!filter.narrowed()) {
			return byProduct(filter, sku -> (sku != null && sku.category() != null) ? sku.category() : "");
		}
		Map<String, Object> params = new HashMap<>();
		return this.jdbc.sql("""
				SELECT coalesce(p.category_code, ''), sum(d.orders), sum(d.gross - d.refunds), sum(d.quantity),
				       count(DISTINCT s.organisation_id) FILTER (WHERE d.orders > 0)
				FROM""" + " " + products(filter, params) + KNOWN_SHOPS + """
				LEFT JOIN statistics_sku k ON k.sku_id = d.sku_id
				LEFT JOIN statistics_product p ON p.product_id = k.product_id
				WHERE """ + " " + where(filter, params) + " " + """
				GROUP BY 1 HAVING sum(d.orders) > 0 ORDER BY 3 DESC""")
			.params(params)
			.query(StatisticsQueries::share)
			.list();
	}

	/**
	 * The best-selling products by net sales ({@code key}: the product id, '' unmatched).
	 */
	public List<Share> topProducts(Filter filter, int limit) {
		if (!filter.narrowed()) {
			List<Share> products = byProduct(filter, sku -> (sku != null) ? sku.product().toString() : "");
			return List.copyOf(products.subList(0, Math.min(limit, products.size())));
		}
		Map<String, Object> params = new HashMap<>();
		params.put("limit", limit);
		return this.jdbc.sql("""
				SELECT coalesce(CAST(k.product_id AS TEXT), ''), sum(d.orders), sum(d.gross - d.refunds),
				       sum(d.quantity), count(DISTINCT s.organisation_id) FILTER (WHERE d.orders > 0)
				FROM""" + " " + products(filter, params) + KNOWN_SHOPS + """
				LEFT JOIN statistics_sku k ON k.sku_id = d.sku_id
				WHERE """ + " " + where(filter, params) + " " + """
				GROUP BY 1 HAVING sum(d.orders) > 0 ORDER BY 3 DESC, 1 LIMIT :limit""")
			.params(params)
			.query(StatisticsQueries::share)
			.list();
	}

	/** Net sales by the village of each shop's organisation ('' when it has none). */
	public List<Share> villages(Filter filter) {
		if (!filter.narrowed()) {
			return byShop(filter, shop -> (shop.village() != null) ? shop.village().toString() : "");
		}
		return grouped(filter, "coalesce(CAST(o.village_id AS TEXT), '')");
	}

	/** Net sales by organisation. */
	public List<Share> organisations(Filter filter) {
		if (!filter.narrowed()) {
			return byShop(filter, shop -> shop.organisation().toString());
		}
		return grouped(filter, "CAST(s.organisation_id AS TEXT)");
	}

	/** Net sales by shop. */
	public List<Share> shopSales(Filter filter) {
		if (!filter.narrowed()) {
			return byShop(filter, shop -> shop.shop().toString());
		}
		return grouped(filter, "CAST(s.shop_id AS TEXT)");
	}

	/**
	 * The area's sales per shop grouped by what {@code group} makes of each shop told
	 * (shops the registry has not told are left out, as the tables' join leaves them).
	 */
	private List<Share> byShop(Filter filter, Function<ShopDimensions, String> group) {
		SalesCube.State state = this.cube.current();
		SalesCube.Sums sums = state.sum(filter.counties(), filter.from(), filter.to(), SalesCube.Block::shops);
		int[] keys = sums.keys();
		Map<UUID, ShopDimensions> shops = state.dimensions().shops();
		Slices slices = new Slices();
		for (int key : keys) {
			ShopDimensions shop = shops.get(this.cube.shops.value(key));
			if (shop != null) {
				slices.add(group.apply(shop), shop.organisation(), sums.orders(key), 0, sums.gross(key),
						sums.refunds(key));
			}
		}
		return slices.shares();
	}

	/**
	 * The area's sales per shop × SKU grouped by what {@code group} makes of each SKU
	 * told (null: a SKU the catalog has not told, or the lines no listing matched).
	 */
	private List<Share> byProduct(Filter filter, Function<SkuDimensions, String> group) {
		SalesCube.State state = this.cube.current();
		SalesCube.Sums sums = state.sum(filter.counties(), filter.from(), filter.to(), SalesCube.Block::pairs);
		int[] keys = sums.keys();
		List<UUID> shopIds = new ArrayList<>();
		List<UUID> skuIds = new ArrayList<>();
		for (int key : keys) {
			long pair = this.cube.pairs.value(key);
			shopIds.add(this.cube.shops.value((int) (pair >>> 32)));
			skuIds.add(this.cube.skus.value((int) pair));
		}
		Map<UUID, ShopDimensions> shops = state.dimensions().shops();
		Map<UUID, SkuDimensions> skus = state.dimensions().skus();
		Slices slices = new Slices();
		for (int i = 0; i < keys.length; i++) {
			ShopDimensions shop = shops.get(shopIds.get(i));
			if (shop != null) {
				slices.add(group.apply(skus.get(skuIds.get(i))), shop.organisation(), sums.orders(keys[i]),
						sums.quantity(keys[i]), sums.gross(keys[i]), sums.refunds(keys[i]));
			}
		}
		return slices.shares();
	}

	/**
	 * Slices summed in memory as the tables' GROUP BY would: orders, quantity, net, the
	 * organisations that sold in each; slices without orders left out; by net sales, then
	 * key.
	 */
	private static final class Slices {

		private final Map<String, long[]> sums = new HashMap<>();

		private final Map<String, Set<UUID>> organisations = new HashMap<>();

		void add(String key, UUID organisation, long orders, long quantity, long gross, long refunds) {
			long[] sum = this.sums.computeIfAbsent(key, k -> new long[3]);
			sum[0] += orders;
			sum[1] += quantity;
			sum[2] += gross - refunds;
			Set<UUID> sold = this.organisations.computeIfAbsent(key, k -> new HashSet<>());
			if (orders > 0) {
				sold.add(organisation);
			}
		}

		List<Share> shares() {
			List<Share> shares = new ArrayList<>();
			this.sums.forEach((key, sum) -> {
				if (sum[0] > 0) {
					shares.add(new Share(key, sum[0], BigDecimal.valueOf(sum[2], 2), sum[1],
							this.organisations.get(key).size()));
				}
			});
			shares.sort(Comparator.comparing(Share::net).reversed().thenComparing(Share::key));
			return shares;
		}

	}

	private List<Share> grouped(Filter filter, String key) {
		Map<String, Object> params = new HashMap<>();
		return this.jdbc.sql("SELECT " + key + ", sum(d.orders), sum(d.gross - d.refunds), 0, "
				+ "count(DISTINCT s.organisation_id) FILTER (WHERE d.orders > 0) FROM " + source(filter, params)
				+ KNOWN_SHOPS + "LEFT JOIN statistics_organisation o ON o.organisation_id = s.organisation_id WHERE "
				+ where(filter, params) + " GROUP BY 1 HAVING sum(d.orders) > 0 ORDER BY 3 DESC, 1")
			.params(params)
			.query(StatisticsQueries::share)
			.list();
	}

	/**
	 * Paid orders and net sales per destination (province, city-level and county-level
	 * code).
	 */
	public List<Destination> destinations(Filter filter) {
		Map<String, Object> params = new HashMap<>();
		if (filter.product() != null) {
			// destinations are kept per order, not per product
			return List.of();
		}
		if (!filter.narrowed()) {
			SalesCube.Sums sums = this.cube.current()
				.sum(filter.counties(), filter.from(), filter.to(), SalesCube.Block::destinations);
			List<Destination> destinations = new ArrayList<>();
			for (int key : sums.keys()) {
				if (sums.orders(key) > 0) {
					String[] codes = this.cube.destinations.value(key).split("\\|", -1);
					destinations.add(new Destination(codes[0], codes[1], codes[2], sums.orders(key),
							BigDecimal.valueOf(sums.gross(key) - sums.refunds(key), 2)));
				}
			}
			return destinations;
		}
		return this.jdbc
			.sql("SELECT d.province_code, d.city_code, d.destination_code, sum(d.orders), "
					+ "sum(d.gross - d.refunds) FROM " + reach(filter, params) + " WHERE " + where(filter, params)
					+ " GROUP BY 1, 2, 3 HAVING sum(d.orders) > 0")
			.params(params)
			.query((rs, n) -> new Destination(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getBigDecimal(5)))
			.list();
	}

	/**
	 * The shops open on the last day of the filter, with whether each is active (open 30
	 * days or more, and at least three orders over the last three months).
	 */
	public List<ShopActivity> shops(Filter filter) {
		return shops(this.cube.current(), filter);
	}

	private List<ShopActivity> shops(SalesCube.State state, Filter filter) {
		LocalDate to = filter.to();
		// orders of the area's shops over the three months up to the last day
		Filter recent = new Filter(filter.area(), null, null, null, null, to.minusMonths(3).plusDays(1), to);
		SalesCube.Sums sums = state.sum(recent.counties(), recent.from(), recent.to(), SalesCube.Block::shops);
		Map<UUID, Long> orders = new HashMap<>();
		for (int key : sums.keys()) {
			orders.put(this.cube.shops.value(key), sums.orders(key));
		}
		String area = filter.counties();
		List<ShopActivity> shops = new ArrayList<>();
		for (ShopDimensions shop : state.dimensions().shops().values()) {
			boolean inArea = SalesCube.covers(area, shop.county());
			boolean open = (shop.openedOn() == null || !shop.openedOn().isAfter(to))
					&& (shop.closedOn() == null || shop.closedOn().isAfter(to));
			if (inArea && open && (filter.organisation() == null || filter.organisation().equals(shop.organisation()))
					&& (filter.village() == null || filter.village().equals(shop.village()))
					&& (filter.shop() == null || filter.shop().equals(shop.shop()))) {
				boolean old = shop.openedOn() == null || !shop.openedOn().isAfter(to.minusDays(30));
				long count = orders.getOrDefault(shop.shop(), 0L);
				shops.add(new ShopActivity(shop.shop(), shop.organisation(), shop.village(), shop.platform(),
						shop.openedOn(), count, old && count >= 3));
			}
		}
		return shops;
	}

	/**
	 * The period's trainees who opened an active shop (open now, for 30 days or more)
	 * within six months of their first session ever, through the entrepreneur each is
	 * linked to and that entrepreneur's organisation; the same rule as the training
	 * centre's figures.
	 */
	Conversion conversion(Filter filter) {
		LocalDate today = LocalDate.now(SalesRollup.CHINA);
		List<Object[]> trainees = this.jdbc
			.sql("""
					WITH firsts AS (
					  SELECT trainee_id, min(day) AS first FROM statistics_attendance
					  WHERE county_code LIKE :counties GROUP BY trainee_id),
					shown AS (
					  SELECT DISTINCT trainee_id FROM statistics_attendance
					  WHERE county_code LIKE :counties AND day BETWEEN :from AND :to)
					SELECT f.first,
					       EXISTS (SELECT 1 FROM statistics_trainee t
					               JOIN statistics_entrepreneur e ON e.entrepreneur_id = t.entrepreneur_id
					               JOIN statistics_shop s ON s.organisation_id = e.organisation_id
					               WHERE t.trainee_id = w.trainee_id AND s.closed_on IS NULL
					                 AND s.opened_on >= f.first AND s.opened_on <= CAST(f.first + INTERVAL '6 months' AS DATE)
					                 AND s.opened_on <= :settled)
					FROM shown w JOIN firsts f ON f.trainee_id = w.trainee_id""")
			.param("counties", filter.counties())
			.param("from", filter.from())
			.param("to", filter.to())
			.param("settled", today.minusDays(30))
			.query((rs, n) -> new Object[] { rs.getObject(1, LocalDate.class), rs.getBoolean(2) })
			.list();
		int converted = 0;
		int within = 0;
		for (Object[] trainee : trainees) {
			if ((Boolean) trainee[1]) {
				converted++;
			}
			else if (((LocalDate) trainee[0]).plusMonths(6).isAfter(today)) {
				within++;
			}
		}
		int decided = trainees.size() - within;
		return new Conversion(converted, (decided > 0)
				? BigDecimal.valueOf(converted).divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_EVEN) : null);
	}

	/** Trainees who opened an active shop, and their share of those whose time is up. */
	record Conversion(int converted, BigDecimal share) {
	}

	private int productTypes(SalesCube.State state, Filter filter) {
		if (!filter.narrowed()) {
			SalesCube.Sums sums = state.sum(filter.counties(), filter.from(), filter.to(), SalesCube.Block::pairs);
			Map<UUID, Long> skuOrders = new HashMap<>();
			for (int key : sums.keys()) {
				skuOrders.merge(this.cube.skus.value((int) this.cube.pairs.value(key).longValue()), sums.orders(key),
						Long::sum);
			}
			Map<UUID, Long> productOrders = new HashMap<>();
			Map<UUID, SkuDimensions> skus = state.dimensions().skus();
			skuOrders.forEach((sku, orders) -> {
				SkuDimensions dimensions = skus.get(sku);
				if (dimensions != null) {
					productOrders.merge(dimensions.product(), orders, Long::sum);
				}
			});
			return (int) productOrders.values().stream().filter(count -> count > 0).count();
		}
		Map<String, Object> params = new HashMap<>();
		return this.jdbc.sql("""
				SELECT count(*) FROM (
				  SELECT k.product_id FROM""" + " " + products(filter, params) + " " + """
				JOIN statistics_sku k ON k.sku_id = d.sku_id
				WHERE """ + " " + where(filter, params) + " " + """
				GROUP BY k.product_id HAVING sum(d.orders) > 0) sold""").params(params).query(Integer.class).single();
	}

	private int entrepreneurs(Filter filter) {
		if (filter.shop() != null || filter.product() != null) {
			return 0;
		}
		return this.jdbc.sql("""
				SELECT count(*) FROM statistics_entrepreneur
				WHERE county_code LIKE :counties
				  AND (CAST(:organisation AS UUID) IS NULL OR organisation_id = :organisation)
				  AND (CAST(:village AS UUID) IS NULL OR village_id = :village)""")
			.param("counties", filter.counties())
			.param("organisation", filter.organisation())
			.param("village", filter.village())
			.query(Integer.class)
			.single();
	}

	/**
	 * Households whose income linked to the platform in the period exceeds that of the
	 * same days a year before (DOMAIN.md), the disadvantaged among them, their villages.
	 */
	public Income income(Filter filter) {
		if (filter.shop() != null || filter.product() != null) {
			return new Income(0, 0, 0, List.of());
		}
		Filter before = filter.yearBefore();
		List<HouseholdChange> households = this.jdbc.sql("""
				SELECT i.household_id, h.village_id, coalesce(h.disadvantaged, FALSE),
				       coalesce(sum(i.amount) FILTER (WHERE i.day BETWEEN :from AND :to), 0),
				       coalesce(sum(i.amount) FILTER (WHERE i.day BETWEEN :beforeFrom AND :beforeTo), 0)
				FROM statistics_income i
				LEFT JOIN statistics_household h ON h.household_id = i.household_id
				WHERE i.county_code LIKE :counties
				  AND (i.day BETWEEN :from AND :to OR i.day BETWEEN :beforeFrom AND :beforeTo)
				  AND (CAST(:organisation AS UUID) IS NULL OR i.organisation_id = :organisation)
				  AND (CAST(:village AS UUID) IS NULL OR h.village_id = :village)
				GROUP BY 1, 2, 3""")
			.param("from", filter.from())
			.param("to", filter.to())
			.param("beforeFrom", before.from())
			.param("beforeTo", before.to())
			.param("counties", filter.counties())
			.param("organisation", filter.organisation())
			.param("village", filter.village())
			.query((rs, n) -> new HouseholdChange(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getBoolean(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
			.list();
		List<HouseholdChange> increased = households.stream().filter(HouseholdChange::increased).toList();
		return new Income(increased.size(), (int) increased.stream().filter(HouseholdChange::disadvantaged).count(),
				(int) increased.stream().map(HouseholdChange::village).filter(v -> v != null).distinct().count(),
				increased);
	}

	/**
	 * The Taobao-village assessment (DOMAIN.md) of every village with shops or households
	 * in the area, over the year that ends on the filter's last day.
	 */
	public List<TaobaoVillage> taobaoVillages(Filter filter) {
		Filter area = new Filter(filter.area(), null, null, null, null, filter.to().minusYears(1).plusDays(1),
				filter.to());
		Map<String, BigDecimal> sales = new HashMap<>();
		villages(area).forEach(row -> sales.put(row.key(), row.net()));
		Map<String, int[]> shops = new HashMap<>();
		for (ShopActivity shop : shops(area)) {
			String village = (shop.village() != null) ? shop.village().toString() : "";
			int[] counts = shops.computeIfAbsent(village, key -> new int[2]);
			counts[0]++;
			if (shop.active()) {
				counts[1]++;
			}
		}
		Map<String, Integer> households = new HashMap<>();
		this.jdbc.sql("""
				SELECT CAST(village_id AS TEXT), count(*) FROM statistics_household
				WHERE county_code LIKE ? AND village_id IS NOT NULL GROUP BY 1""")
			.param(filter.counties())
			.query(rs -> {
				households.put(rs.getString(1), rs.getInt(2));
			});
		Set<String> villages = new HashSet<>(sales.keySet());
		villages.addAll(shops.keySet());
		villages.addAll(households.keySet());
		villages.remove("");
		List<TaobaoVillage> assessed = new ArrayList<>();
		for (String village : villages) {
			if (filter.village() != null && !filter.village().toString().equals(village)) {
				continue;
			}
			int[] counts = shops.getOrDefault(village, new int[2]);
			assessed.add(TaobaoVillage.assess(UUID.fromString(village), sales.getOrDefault(village, BigDecimal.ZERO),
					counts[0], counts[1], households.getOrDefault(village, 0)));
		}
		assessed.sort(Comparator.comparing(TaobaoVillage::sales).reversed());
		return assessed;
	}

	/**
	 * The sales rows of a filter's area and days, as {@code d} (county_code, month,
	 * shop_id, orders, gross, refunds; with sku_id and quantity under a product filter):
	 * its whole months from the monthly rollup, the days of its partial months at the
	 * edges from the daily one.
	 */
	private static String source(Filter filter, Map<String, Object> params) {
		if (filter.product() != null) {
			return products(filter, params);
		}
		return union(filter, params, "county_code, month, shop_id, orders, gross, refunds",
				"county_code, CAST(date_trunc('month', day) AS DATE) AS month, shop_id, orders, gross, refunds",
				"statistics_sales_month", "statistics_sales_day");
	}

	/** The product rows of a filter's area and days, as {@code d}. */
	private static String products(Filter filter, Map<String, Object> params) {
		return union(filter, params, "county_code, month, shop_id, sku_id, orders, quantity, gross, refunds",
				"county_code, CAST(date_trunc('month', day) AS DATE) AS month, shop_id, sku_id, orders, quantity, gross, "
						+ "refunds",
				"statistics_product_month", "statistics_product_day");
	}

	/**
	 * The destination rows of a filter's area and days, as {@code d}: the area's reach by
	 * month (whatever the shop) when the view is not narrowed, else the daily rows of its
	 * shops.
	 */
	private static String reach(Filter filter, Map<String, Object> params) {
		if (filter.narrowed()) {
			params.put("sourceFrom", filter.from());
			params.put("sourceTo", filter.to());
			return "(SELECT county_code, shop_id, province_code, city_code, destination_code, orders, gross, refunds "
					+ "FROM statistics_sales_day WHERE county_code LIKE :counties "
					+ "AND day BETWEEN :sourceFrom AND :sourceTo) d";
		}
		return union(filter, params,
				"county_code, month, province_code, city_code, destination_code, orders, gross, refunds",
				"county_code, CAST(date_trunc('month', day) AS DATE) AS month, province_code, city_code, "
						+ "destination_code, orders, gross, refunds",
				"statistics_reach_month", "statistics_sales_day");
	}

	private static String union(Filter filter, Map<String, Object> params, String monthColumns, String dayColumns,
			String monthTable, String dayTable) {
		params.put("counties", filter.counties());
		LocalDate from = filter.from();
		LocalDate to = filter.to();
		LocalDate firstWhole = (from.getDayOfMonth() == 1) ? from : from.withDayOfMonth(1).plusMonths(1);
		LocalDate lastWhole = to.equals(to.withDayOfMonth(to.lengthOfMonth())) ? to.withDayOfMonth(1)
				: to.withDayOfMonth(1).minusMonths(1);
		if (firstWhole.isAfter(lastWhole)) {
			params.put("sourceFrom", from);
			params.put("sourceTo", to);
			return "(SELECT " + dayColumns + " FROM " + dayTable + " WHERE county_code LIKE :counties"
					+ " AND day BETWEEN :sourceFrom AND :sourceTo) d";
		}
		params.put("sourceFirstMonth", firstWhole);
		params.put("sourceLastMonth", lastWhole);
		params.put("sourceFrom", from);
		params.put("sourceBefore", firstWhole.minusDays(1));
		params.put("sourceAfter", lastWhole.plusMonths(1));
		params.put("sourceTo", to);
		return "(SELECT " + monthColumns + " FROM " + monthTable + " WHERE county_code LIKE :counties"
				+ " AND month BETWEEN :sourceFirstMonth AND :sourceLastMonth" + " UNION ALL SELECT " + dayColumns
				+ " FROM " + dayTable + " WHERE county_code LIKE :counties"
				+ " AND (day BETWEEN :sourceFrom AND :sourceBefore OR day BETWEEN :sourceAfter AND :sourceTo)) d";
	}

	/**
	 * The SQL condition (on rollup alias {@code d}) of a filter: the area's counties, the
	 * days, and the shop, organisation, village or product it is narrowed to.
	 */
	private static String where(Filter filter, Map<String, Object> params) {
		params.put("counties", filter.counties());
		StringBuilder sql = new StringBuilder("d.county_code LIKE :counties");
		if (filter.shop() != null) {
			sql.append(" AND d.shop_id = :shop");
			params.put("shop", filter.shop());
		}
		if (filter.organisation() != null || filter.village() != null) {
			sql.append(
					" AND d.shop_id IN (SELECT fs.shop_id FROM statistics_shop fs LEFT JOIN statistics_organisation fo"
							+ " ON fo.organisation_id = fs.organisation_id WHERE fs.county_code LIKE :counties");
			if (filter.organisation() != null) {
				sql.append(" AND fs.organisation_id = :organisation");
				params.put("organisation", filter.organisation());
			}
			if (filter.village() != null) {
				sql.append(" AND fo.village_id = :village");
				params.put("village", filter.village());
			}
			sql.append(")");
		}
		if (filter.product() != null) {
			sql.append(" AND d.sku_id IN (SELECT fk.sku_id FROM statistics_sku fk WHERE fk.product_id = :product)");
			params.put("product", filter.product());
		}
		return sql.toString();
	}

	/**
	 * Fen as yuan; zero without scale when no rollup row was read (as SQL's coalesce).
	 */
	private static BigDecimal money(long fen, boolean rows) {
		return rows ? BigDecimal.valueOf(fen, 2) : BigDecimal.ZERO;
	}

	private static BigDecimal[] zeros(int n) {
		BigDecimal[] values = new BigDecimal[n];
		java.util.Arrays.fill(values, BigDecimal.ZERO);
		return values;
	}

	/** Orders, gross and refunds. */
	public record Totals(long orders, BigDecimal gross, BigDecimal refunds) {

		public BigDecimal net() {
			return this.gross.subtract(this.refunds);
		}

	}

	/** Net sales per month of a year and of the year before. */
	public record Monthly(int year, List<BigDecimal> thisYear, List<BigDecimal> lastYear) {
	}

	/**
	 * A slice of sales: its key (a code or id), orders, net sales, quantity (of products)
	 * and how many organisations sold in it (the open data shows no slice of fewer).
	 */
	public record Share(String key, long orders, BigDecimal net, long quantity, int organisations) {
	}

	private static Share share(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Share(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4), rs.getInt(5));
	}

	/** Orders and net sales to one destination. */
	public record Destination(String province, String city, String county, long orders, BigDecimal net) {
	}

	/** A shop on a day, and whether it is active by DOMAIN.md's rule. */
	public record ShopActivity(UUID shop, UUID organisation, UUID village, String platform, LocalDate openedOn,
			long ordersLastThreeMonths, boolean active) {
	}

	/** A household's linked income in a period and the same days a year before. */
	public record HouseholdChange(UUID household, UUID village, boolean disadvantaged, BigDecimal now,
			BigDecimal before) {

		boolean increased() {
			return this.now.compareTo(this.before) > 0;
		}

	}

	/** The farmers whose income increased. */
	public record Income(int increased, int disadvantagedIncreased, int villagesBenefiting,
			List<HouseholdChange> households) {
	}

}

package org.farmgate.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.farmgate.BinaryCopy;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.SkuManagement;
import org.farmgate.catalog.SkuView;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode, two years of orders for the Libei enterprise's four shops (the last year
 * 56.74 % above the one before, as in the source), and fewer for the county's other
 * sellers: seasonal (busier around the Spring Festival and in November), to buyers in
 * every province, most completed, some cancelled or refunded, Libei's latest still to
 * ship. Written with COPY straight into the tables (no events: a demo history, not live
 * trade). The number per year is {@code farmgate.demo.orders-per-year} (a county like
 * Xifeng's would have about a million; the default keeps the first start quick), times
 * the registry scale.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class DemoOrders implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoOrders.class);

	/** Destinations across the provinces: address, province, city and county codes. */
	private static final String[][] DESTINATIONS = { { "北京市朝阳区建国路88号", "110000", "110000", "110105" },
			{ "上海市浦东新区世纪大道100号", "310000", "310000", "310115" }, { "广东省广州市天河区体育西路2号", "440000", "440100", "440106" },
			{ "广东省深圳市南山区科技园1号", "440000", "440300", "440305" }, { "江苏省南京市鼓楼区中山路1号", "320000", "320100", "320106" },
			{ "浙江省杭州市西湖区文三路1号", "330000", "330100", "330106" }, { "四川省成都市武侯区人民南路四段1号", "510000", "510100", "510107" },
			{ "湖北省武汉市洪山区珞喻路1号", "420000", "420100", "420111" }, { "重庆市渝中区解放碑1号", "500000", "500000", "500103" },
			{ "贵州省贵阳市南明区中华南路1号", "520000", "520100", "520102" }, { "云南省昆明市五华区青年路1号", "530000", "530100", "530102" },
			{ "湖南省长沙市岳麓区麓山路1号", "430000", "430100", "430104" }, { "山东省济南市历下区泉城路1号", "370000", "370100", "370102" },
			{ "河南省郑州市金水区花园路1号", "410000", "410100", "410105" }, { "陕西省西安市雁塔区长安南路1号", "610000", "610100", "610113" },
			{ "福建省福州市鼓楼区五四路1号", "350000", "350100", "350102" }, { "天津市和平区南京路1号", "120000", "120000", "120101" },
			{ "河北省石家庄市长安区中山东路1号", "130000", "130100", "130102" }, { "辽宁省沈阳市和平区太原北街1号", "210000", "210100", "210102" },
			{ "广西壮族自治区南宁市青秀区民族大道1号", "450000", "450100", "450103" },
			{ "安徽省合肥市蜀山区长江西路1号", "340000", "340100", "340104" }, { "江西省南昌市东湖区八一大道1号", "360000", "360100", "360102" },
			{ "黑龙江省哈尔滨市南岗区西大直街1号", "230000", "230100", "230103" },
			{ "新疆维吾尔自治区乌鲁木齐市天山区解放南路1号", "650000", "650100", "650102" } };

	private final RegistryManagement registry;

	private final SkuManagement skus;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final UserDetailsService users;

	private final Clock clock;

	private final boolean demo;

	private final int perYear;

	DemoOrders(RegistryManagement registry, SkuManagement skus, JdbcTemplate jdbc, TransactionTemplate transactions,
			UserDetailsService users, Clock clock, @Value("${farmgate.demo:false}") boolean demo,
			@Value("${farmgate.demo.orders-per-year:20000}") int perYear,
			@Value("${farmgate.demo.registry-scale:1.0}") double scale) {
		this.registry = registry;
		this.skus = skus;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.users = users;
		this.clock = clock;
		this.demo = demo;
		this.perYear = (int) Math.round(perYear * scale);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo) {
			return;
		}
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		UUID organisation = merchant.scope().organisationId();
		if (organisation == null || Boolean.TRUE.equals(this.jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM orders_order WHERE organisation_id = ?)", Boolean.class, organisation))) {
			return;
		}
		List<ShopView> shops = this.registry.shopsOf(merchant, organisation);
		List<SkuView> offered = this.skus.skus(merchant);
		if (shops.isEmpty() || offered.isEmpty()) {
			return;
		}
		String county = this.registry.organisation(merchant, organisation).orElseThrow().countyCode();
		Random random = new Random(520122);
		LocalDate today = LocalDate.now(this.clock);
		List<Object[]> orders = new ArrayList<>();
		List<Object[]> lines = new ArrayList<>();
		List<Object[]> history = new ArrayList<>();
		Instant now = this.clock.instant();
		Sales sales = new Sales(county, random, today, now, orders, lines, history);
		// Libei's year, and the year before it with the source's growth (+56.74 %)
		for (int n = 0; n < this.perYear; n++) {
			sales.add(organisation, shops, offered, seasonalDay(random, today));
		}
		int yearBefore = (int) Math.round(this.perYear / 1.5674);
		for (int n = 0; n < yearBefore; n++) {
			sales.add(organisation, shops, offered, seasonalDay(random, today.minusYears(1)));
		}
		// the county's other sellers: fewer orders each, the first ones busiest, all
		// delivered long ago (nobody signs in as them to ship)
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		java.util.Map<UUID, List<ShopView>> otherShops = new java.util.LinkedHashMap<>();
		for (ShopView shop : this.registry.shops(operator)) {
			if (!shop.organisationId().equals(organisation) && shop.closedOn() == null) {
				otherShops.computeIfAbsent(shop.organisationId(), key -> new ArrayList<>()).add(shop);
			}
		}
		java.util.Map<UUID, List<SkuView>> otherSkus = new java.util.HashMap<>();
		for (SkuView sku : this.skus.skus(operator)) {
			otherSkus.computeIfAbsent(sku.organisationId(), key -> new ArrayList<>()).add(sku);
		}
		List<UUID> sellers = otherShops.keySet().stream().filter(otherSkus::containsKey).toList();
		for (int rank = 0; rank < sellers.size(); rank++) {
			UUID seller = sellers.get(rank);
			int perYear = (int) Math.round(this.perYear * 0.1 / (rank + 1));
			for (int n = 0; n < perYear; n++) {
				sales.add(seller, otherShops.get(seller), otherSkus.get(seller),
						seasonalDay(random, today.minusDays(7)));
			}
			for (int n = 0; n < perYear * 4 / 5; n++) {
				sales.add(seller, otherShops.get(seller), otherSkus.get(seller),
						seasonalDay(random, today.minusYears(1)));
			}
		}
		long writing = System.nanoTime();
		this.transactions.executeWithoutResult(status -> this.jdbc.execute((ConnectionCallback<Void>) connection -> {
			copy(connection, "orders_order (id, county_code, organisation_id, shop_id, platform, platform_order_no,"
					+ " buyer_nickname, created_at, paid_at, status, after_sale, goods_amount, paid_amount,"
					+ " refunded_amount, recipient_name, recipient_phone, raw_address, province_code, city_code,"
					+ " destination_code, first_seen_at, destination_status, updated_at)", orders);
			copy(connection, "orders_order_line (order_id, line_key, merchant_code, title, sku_id, quantity,"
					+ " unit_price, amount)", lines);
			copy(connection,
					"orders_status_change (order_id, position, to_status, after_sale, occurred_at, source, source_ref)",
					history);
			return null;
		}));
		logger.info(
				"Demo mode: {} orders of the past year and {} of the year before for the Libei enterprise's shops, "
						+ "and {} of {} other sellers, written in {} ms",
				this.perYear, yearBefore, orders.size() - this.perYear - yearBefore, sellers.size(),
				(System.nanoTime() - writing) / 1_000_000);
	}

	/** A day of the past year, busier before the Spring Festival and in November. */
	private static LocalDate seasonalDay(Random random, LocalDate today) {
		while (true) {
			LocalDate day = today.minusDays(random.nextInt(365));
			int month = day.getMonthValue();
			double weight = (month == 1 || month == 2) ? 1.0 : (month == 11) ? 0.9 : (month == 12) ? 0.7 : 0.45;
			if (random.nextDouble() < weight) {
				return day;
			}
		}
	}

	/** Writes the rows of demo orders, numbered in turn. */
	private record Sales(String county, Random random, LocalDate today, Instant now, List<Object[]> orders,
			List<Object[]> lines, List<Object[]> history) {

		void add(UUID organisation, List<ShopView> shops, List<SkuView> offered, LocalDate day) {
			int n = this.orders.size();
			Instant placed = day.atTime(8 + this.random.nextInt(15), this.random.nextInt(60))
				.atZone(OrderTimes.CHINA)
				.toInstant();
			// today's later hours are still to come: those orders were placed a day
			// before
			Instant created = placed.isAfter(this.now) ? placed.minus(java.time.Duration.ofDays(1)) : placed;
			ShopView shop = shops.get(this.random.nextInt(shops.size()));
			SkuView sku = offered.get(Math.min(offered.size() - 1, (int) Math.abs(this.random.nextGaussian() * 6)));
			int quantity = 1 + ((this.random.nextInt(10) == 0) ? this.random.nextInt(4) : 0);
			BigDecimal amount = sku.price().multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
			String[] to = DESTINATIONS[this.random.nextInt(DESTINATIONS.length)];
			int roll = this.random.nextInt(100);
			long ageDays = java.time.temporal.ChronoUnit.DAYS.between(day, this.today);
			OrderStatus status = (roll < 5) ? OrderStatus.CANCELLED
					: (ageDays < 2) ? OrderStatus.PAID : (ageDays < 7) ? OrderStatus.SHIPPED : OrderStatus.COMPLETED;
			AfterSaleStatus afterSale = (roll >= 5 && roll < 8 && status == OrderStatus.COMPLETED)
					? AfterSaleStatus.REFUNDED : AfterSaleStatus.NONE;
			UUID id = UUID.randomUUID();
			String number = shop.platform().name().substring(0, 2) + (2_600_000_000L + n);
			this.orders.add(new Object[] { id, this.county, organisation, shop.id(), shop.platform().name(), number,
					"buyer" + this.random.nextInt(100_000), created,
					(status == OrderStatus.CANCELLED && roll < 3) ? null : created.plusSeconds(60), status.name(),
					afterSale.name(), amount, amount, (afterSale == AfterSaleStatus.REFUNDED) ? amount : null,
					"顾客" + (n % 97), "1" + (3_000_000_000L + this.random.nextInt(999_999_999)), to[0], to[1], to[2],
					to[3], this.now, "OK", this.now });
			this.lines.add(new Object[] { id, "1", sku.merchantCode(), sku.specification(), sku.id(), quantity,
					sku.price(), amount });
			this.history.add(new Object[] { id, 0, status.name(), afterSale.name(), created, "IMPORT", "demo" });
		}

	}

	/** The rows into the table's columns, with COPY in binary. */
	private static void copy(Connection connection, String tableAndColumns, List<Object[]> rows) throws SQLException {
		try (BinaryCopy copy = BinaryCopy.into(connection, tableAndColumns)) {
			for (Object[] row : rows) {
				copy.row(row);
			}
		}
	}

}

package org.farmgate.orders;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.SkuManagement;
import org.farmgate.catalog.StockManagement;
import org.farmgate.orders.channels.ExportFile;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How reports of the same order are merged, and what never gets through: the order
 * report's stand-in line gives way to the item report's lines (stock reserved once), an
 * order with a bad row is left out whole, an older file neither locks nor unlocks, masked
 * data never replaces real data, analysts never see recipients, and odd input gets a 4xx.
 */
@FarmgateTest
class OrderMergeRulesTests {

	private static final Charset GBK = Charset.forName("GB18030");

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	OrderImports imports;

	@Autowired
	OrderManagement orders;

	@Autowired
	RegistryManagement registry;

	@Autowired
	SkuManagement skus;

	@Autowired
	StockManagement stock;

	@Autowired
	UserDetailsService users;

	private SignedInUser signedIn(String username) {
		return (SignedInUser) this.users.loadUserByUsername(username);
	}

	@Test
	void theItemReportsLinesReplaceTheOrderReportsStandInAndStockIsReservedOnce() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		ShopView taobao = shop(merchant, Platform.TAOBAO);
		String run = run();
		UUID cabbage = this.skus.merchantCodeOf(merchant.scope().organisationId(), "XF-SC-1500").orElseThrow().id();
		int reservedBefore = this.stock.stockOf(merchant, cabbage).get(0).reserved();

		take(merchant, taobao, "orders.csv", OrderSamples.taobaoOrders(run, "买家已付款，等待卖家发货").getBytes(GBK));
		take(merchant, taobao, "items.csv", OrderSamples.taobaoItems(run).getBytes(GBK));

		OrderView order = order(merchant, taobao, "25431" + run + "1");
		assertThat(order.lines()).singleElement().satisfies(line -> {
			assertThat(line.merchantCode()).isEqualTo("XF-SC-1500");
			assertThat(line.reserved()).isTrue();
		});
		assertThat(this.stock.stockOf(merchant, cabbage).get(0).reserved()).isEqualTo(reservedBefore + 2);
	}

	@Test
	void anOrderWithABadRowIsLeftOutWholeAndAnOlderFileNeitherLocksNorUnlocks() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		ShopView jd = shop(merchant, Platform.JD);
		String run = run();
		String header = "订单号,商品ID,商品名称,订购数量,下单时间,京东价,订单金额,应付金额,订单状态,客户姓名,客户地址,联系电话,货号\n";
		String twoLines = header + "5" + run
				+ "1,1,立碑酸菜,1,2026-11-20 10:00:00,39.90,56.70,56.70,等待出库,赵六,四川成都市武侯区人民南路四段1号,13700001234,XF-SC-1500\n"
				+ "5" + run
				+ "1,2,立碑酸菜小袋,1,2026-11-20 10:00:00,abc,56.70,56.70,等待出库,赵六,四川成都市武侯区人民南路四段1号,13700001234,XF-SC-0500\n";
		ImportJobView job = take(merchant, jd, "jd.csv", twoLines.getBytes(StandardCharsets.UTF_8));
		assertThat(job.ordersCreated()).isZero();
		assertThat(job.rejected()).extracting(ImportJobView.Rejected::reason)
			.contains("orders.row.unreadable", "orders.row.order-left-out");

		String shipped = header + "5" + run
				+ "2,1,立碑酸菜,1,2026-11-20 10:00:00,39.90,39.90,39.90,等待确认收货,钱七,湖北武汉市洪山区珞喻路1号,13700005678,XF-SC-1500\n";
		String lockedEarlier = shipped.replace("等待确认收货", "已锁定").replace("13700005678", "137****5678");
		take(merchant, jd, "jd-later.csv", shipped.getBytes(StandardCharsets.UTF_8));
		take(merchant, jd, "jd-earlier.csv", lockedEarlier.getBytes(StandardCharsets.UTF_8));
		OrderView order = order(merchant, jd, "5" + run + "2");
		assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(order.holds()).as("an older file does not lock a shipped order").isEmpty();
		// the view always masks; what is stored must still be the real number
		assertThat(this.jdbc.sql("SELECT recipient_phone FROM orders_order WHERE id = ?")
			.param(order.id())
			.query(String.class)
			.single()).as("a masked phone never replaces the real one").isEqualTo("13700005678");
		this.mvc.perform(get("/api/v1/orders/" + order.id()).with(httpBasic("merchant", "farmgate")))
			.andExpect(jsonPath("$.recipientName").value("钱七"));
		this.mvc.perform(get("/api/v1/orders/" + order.id()).with(httpBasic("analyst", "farmgate")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.recipientName").doesNotExist())
			.andExpect(jsonPath("$.rawAddress").doesNotExist())
			.andExpect(jsonPath("$.destination.countyCode").value("420111"));
	}

	@Test
	void anOrderFirstSeenShippedTakesItsUnitsOffOnlyIfTheyLeftAfterTheLastCountAndOnlyOnce() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		ShopView douyin = shop(merchant, Platform.DOUYIN);
		org.farmgate.catalog.ProductView product = this.products.add(merchant,
				new org.farmgate.catalog.ProductInput(null, "PICKLED.SOUR_CABBAGE", "周结酸菜 " + run(), null, null, null,
						null, 180, org.farmgate.catalog.StorageClass.AMBIENT));
		String code = "WK-" + run();
		org.farmgate.catalog.SkuView sku = this.skus.add(merchant, product.id(),
				new org.farmgate.catalog.SkuInput("1 千克装", org.farmgate.catalog.Unit.KG, java.math.BigDecimal.ONE, null,
						new java.math.BigDecimal("20.00"), null, code));
		this.stock.adjust(merchant, new org.farmgate.catalog.AdjustmentInput(sku.id(), null, null, 10,
				org.farmgate.catalog.AdjustmentReason.COUNTED, "盘点"));
		Instant counted = Instant.now();
		String after = shippedOrder("wk" + run(), code, 2, counted.plusSeconds(30));
		String before = shippedOrder("wk" + run(), code, 3, counted.minusSeconds(86_400));

		for (String body : new String[] { after, after, before }) {
			this.integrations.receive(merchant, douyin.id(), UUID.randomUUID().toString(), body);
		}

		assertThat(this.stock.stockOf(merchant, sku.id()).get(0).onHand())
			.as("2 units shipped after the count come off, once; 3 shipped before it are in the count already")
			.isEqualTo(8);
	}

	private static String shippedOrder(String number, String code, int quantity, Instant shippedAt) {
		return OrderSamples.order(number, "SHIPPED", code, quantity)
			.replace("\"paidAt\":\"2026-11-20T02:16:30Z\"", "\"shippedAt\":\"" + shippedAt + "\"");
	}

	@Autowired
	OrderIntegrations integrations;

	@Autowired
	org.farmgate.catalog.ProductManagement products;

	@Test
	void oddInputGetsAFourHundredNeverAServerError() throws Exception {
		ShopView douyin = shop(signedIn("merchant"), Platform.DOUYIN);
		this.mvc
			.perform(post("/api/v1/shops/" + douyin.id() + "/orders").header("Idempotency-Key", UUID.randomUUID())
				.contentType(MediaType.APPLICATION_JSON)
				.content("null")
				.with(httpBasic("merchant", "farmgate")))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/shops/" + douyin.id() + "/orders").header("Idempotency-Key", UUID.randomUUID())
				.contentType(MediaType.APPLICATION_JSON)
				.content(OrderSamples.order("x".repeat(70), "PAID", "XF-SC-1500", 1))
				.with(httpBasic("merchant", "farmgate")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("orders.message.order-no"));
		this.mvc
			.perform(post("/api/v1/webhooks/" + douyin.id()).header("X-Farmgate-Timestamp", "99999999999999999")
				.header("X-Farmgate-Signature", "00")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/orders").param("page", "107374183").with(httpBasic("merchant", "farmgate")))
			.andExpect(status().isOk());
		String exponent = "订单号,商品ID,商品名称,订购数量,京东价,应付金额,订单状态\n4" + run() + ",1,立碑酸菜,1,1E300000000,1,等待出库\n";
		ImportJobView job = take(signedIn("merchant"), shop(signedIn("merchant"), Platform.JD), "jd.csv",
				exponent.getBytes(StandardCharsets.UTF_8));
		assertThat(job.status()).isEqualTo("DONE");
		assertThat(job.rejected()).extracting(ImportJobView.Rejected::reason).contains("orders.row.unreadable");
	}

	private ImportJobView take(SignedInUser user, ShopView shop, String name, byte[] content) throws Exception {
		ImportJobView job = this.imports.start(user, shop.id(), List.of(new ExportFile(name, content)));
		return OrderSamples.awaitEnd(this.imports, user, job.id());
	}

	private OrderView order(SignedInUser user, ShopView shop, String number) {
		return this.orders.orders(user, new OrderQuery(shop.id(), number, null, null, false, null, null, null, 0))
			.items()
			.get(0);
	}

	private ShopView shop(SignedInUser user, Platform platform) {
		return this.registry.shopsOf(user, user.scope().organisationId())
			.stream()
			.filter(shop -> shop.platform() == platform)
			.findFirst()
			.orElseThrow();
	}

	private static String run() {
		return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
	}

}

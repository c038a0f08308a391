package org.farmgate.orders;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.SkuManagement;
import org.farmgate.catalog.StockManagement;
import org.farmgate.catalog.StockView;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing marketplace exports through the API as jobs: orders created once, moved only
 * forward by later files, lines matched to SKUs, stock reserved when paid and committed
 * when shipped, holds for what cannot be done, and files that are no export refused
 * whole.
 */
@FarmgateTest
@org.springframework.test.context.event.RecordApplicationEvents
class OrderImportTests {

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

	@Autowired
	org.springframework.test.context.event.ApplicationEvents events;

	@Autowired
	org.springframework.modulith.events.core.EventSerializer registrySerializer;

	private SignedInUser merchant() {
		return (SignedInUser) this.users.loadUserByUsername("merchant");
	}

	private ShopView shop(Platform platform) {
		return this.registry.shopsOf(merchant(), merchant().scope().organisationId())
			.stream()
			.filter(shop -> shop.platform() == platform)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void theSameFilesTwiceCreateNothingTheSecondTimeAndALaterExportOnlyMovesForward() throws Exception {
		String run = suffix();
		ShopView taobao = shop(Platform.TAOBAO);
		UUID cabbage = this.skus.merchantCodeOf(merchant().scope().organisationId(), "XF-SC-1500").orElseThrow().id();
		StockView before = this.stock.stockOf(merchant(), cabbage).get(0);

		String first = importFiles(taobao.id(), OrderSamples.taobaoOrders(run, "买家已付款，等待卖家发货"),
				OrderSamples.taobaoItems(run));
		assertThat(JsonPath.<String>read(first, "$.status")).isEqualTo("DONE");
		assertThat(JsonPath.<Integer>read(first, "$.ordersCreated")).isEqualTo(2);
		assertThat(JsonPath.<Integer>read(first, "$.rowsRead")).as("one order row and two item rows").isEqualTo(3);
		assertThat(filesKept(first)).as("a job that is done keeps none of its files").isZero();
		OrderView paid = order(taobao, "25431" + run + "1");
		assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
		assertThat(paid.holds()).isEmpty();
		assertThat(paid.lines()).singleElement().satisfies(line -> {
			assertThat(line.skuId()).isEqualTo(cabbage);
			assertThat(line.reserved()).isTrue();
		});
		assertThat(paid.destination().countyCode()).isEqualTo("320106");
		assertThat(paid.recipientPhone()).isEqualTo("138****5678");
		assertThat(this.stock.stockOf(merchant(), cabbage).get(0).reserved()).isEqualTo(before.reserved() + 2);

		String again = importFiles(taobao.id(), OrderSamples.taobaoOrders(run, "买家已付款，等待卖家发货"),
				OrderSamples.taobaoItems(run));
		assertThat(JsonPath.<Integer>read(again, "$.ordersCreated")).isZero();
		assertThat(JsonPath.<Integer>read(again, "$.ordersUnchanged")).isEqualTo(2);
		assertThat(this.stock.stockOf(merchant(), cabbage).get(0).reserved()).isEqualTo(before.reserved() + 2);

		String shipped = importFiles(taobao.id(), OrderSamples.taobaoOrders(run, "卖家已发货，等待买家确认"));
		assertThat(JsonPath.<Integer>read(shipped, "$.ordersUpdated")).isEqualTo(1);
		OrderView moved = order(taobao, "25431" + run + "1");
		assertThat(moved.status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(moved.history()).extracting(StatusChange::toStatus)
			.containsExactly(OrderStatus.PAID, OrderStatus.SHIPPED);
		StockView afterShipping = this.stock.stockOf(merchant(), cabbage).get(0);
		assertThat(afterShipping.reserved()).isEqualTo(before.reserved());
		assertThat(afterShipping.onHand()).isEqualTo(before.onHand() - 2);

		String older = importFiles(taobao.id(), OrderSamples.taobaoOrders(run, "买家已付款，等待卖家发货"));
		assertThat(JsonPath.<Integer>read(older, "$.ordersUpdated")).isZero();
		assertThat(order(taobao, "25431" + run + "1").status()).as("an older file does not move it back")
			.isEqualTo(OrderStatus.SHIPPED);
	}

	@Test
	void theEventRegistryKeepsAnImportedChunkInItsCompactFormAndReadsItBack() {
		ShopView taobao = shop(Platform.TAOBAO);
		UUID order = UUID.randomUUID();
		Instant now = Instant.parse("2026-11-30T08:00:00Z");
		OrdersImported chunk = new OrdersImported(UUID.randomUUID(), UUID.randomUUID(), taobao.id(),
				taobao.organisationId(), "520123",
				java.util.List
					.of(new OrderPaid(order, "25431", taobao.id(), taobao.organisationId(), "520123", Platform.TAOBAO,
							new java.math.BigDecimal("79.80"), "320000", "320100", "320106", now.minusSeconds(60),
							java.util.List.of(new OrderPaid.Line(null, 2, new java.math.BigDecimal("79.80"))), now)),
				java.util.List.of(new OrderShipped(order, taobao.id(), taobao.organisationId(), "520123", false, now)),
				java.util.List.of(), java.util.List.of(), java.util.List.of());

		String kept = this.registrySerializer.serialize(chunk).toString();

		assertThat(kept).startsWith("{\"v\":2,").doesNotContain("\"paidAmount\"");
		assertThat(this.registrySerializer.deserialize(kept, OrdersImported.class)).isEqualTo(chunk);
	}

	@Test
	void anOrderThatCannotBeMatchedResolvedOrReservedIsHeldWithItsReasons() throws Exception {
		String run = suffix();
		ShopView jd = shop(Platform.JD);
		String file = """
				订单号,商品ID,商品名称,订购数量,下单时间,京东价,订单金额,应付金额,订单状态,客户姓名,客户地址,联系电话,货号
				9%s1,555001,没有这个商品,1,2026-11-20 10:00:00,10.00,10.00,10.00,等待出库,赵六,四川成都市武侯区人民南路四段1号,13700001234,NO-SUCH-CODE
				9%s2,555002,立碑酸菜 1.5kg,1,2026-11-20 10:00:00,39.90,39.90,39.90,等待出库,钱七,火星殖民地一号,13700005678,XF-SC-1500
				9%s3,555003,立碑酸菜 1.5kg,100000,2026-11-20 10:00:00,39.90,39.90,39.90,等待出库,孙八,湖北武汉市洪山区珞喻路1号,13700009999,XF-SC-1500
				"""
			.formatted(run, run, run);

		String job = importFiles(jd.id(),
				new MockMultipartFile("file", "jd.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8)));

		assertThat(JsonPath.<Integer>read(job, "$.ordersCreated")).isEqualTo(3);
		assertThat(order(jd, "9" + run + "1").holds()).containsExactly(HoldReason.UNMATCHED_LINE);
		assertThat(order(jd, "9" + run + "2").holds()).containsExactly(HoldReason.ADDRESS_UNRESOLVED);
		assertThat(order(jd, "9" + run + "3").holds()).containsExactly(HoldReason.OVERSOLD);
		assertThat(this.orders.orders(merchant(), new OrderQuery(jd.id(), null, null, null, true, null, null, null, 0))
			.items()).extracting(OrderView::platformOrderNo)
			.contains("9" + run + "1", "9" + run + "2", "9" + run + "3");
	}

	@Test
	void mappingAnUnmatchedLineOnceReleasesEveryOrderWaitingOnIt() throws Exception {
		String run = suffix();
		ShopView jd = shop(Platform.JD);
		String file = """
				订单号,商品ID,商品名称,订购数量,下单时间,京东价,订单金额,应付金额,订单状态,客户姓名,客户地址,联系电话,货号
				8%s1,77%s,新上架的酸菜,1,2026-11-20 10:00:00,39.90,39.90,39.90,等待出库,赵六,四川成都市武侯区人民南路四段1号,13700001234,
				8%s2,77%s,新上架的酸菜,2,2026-11-20 11:00:00,39.90,79.80,79.80,等待出库,钱七,湖北武汉市洪山区珞喻路1号,13700005678,
				""".formatted(run, run, run, run);
		importFiles(jd.id(),
				new MockMultipartFile("file", "jd.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8)));
		OrderView first = order(jd, "8" + run + "1");
		assertThat(first.holds()).containsExactly(HoldReason.UNMATCHED_LINE);
		UUID cabbage = this.skus.merchantCodeOf(merchant().scope().organisationId(), "XF-SC-1500").orElseThrow().id();

		int moved = this.orders.mapLine(merchant(), first.id(), first.lines().get(0).lineKey(), cabbage);

		assertThat(moved).isEqualTo(2);
		for (String number : new String[] { "8" + run + "1", "8" + run + "2" }) {
			OrderView released = order(jd, number);
			assertThat(released.holds()).isEmpty();
			assertThat(released.lines()).allSatisfy(line -> {
				assertThat(line.skuId()).isEqualTo(cabbage);
				assertThat(line.reserved()).isTrue();
			});
		}
		// both were paid: their payments are told again with the SKU (for the statistics)
		assertThat(this.events.stream(OrdersRestated.class).flatMap(told -> told.paid().stream()))
			.filteredOn(paid -> paid.platformOrderNo().startsWith("8" + run))
			.extracting(OrderPaid::platformOrderNo, paid -> paid.lines().get(0).skuId())
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("8" + run + "1", cabbage),
					org.assertj.core.groups.Tuple.tuple("8" + run + "2", cabbage));
	}

	@Test
	void aFileThatIsNoOrderExportOrOfAnotherPlatformFailsWholeAndSavesNothing() throws Exception {
		ShopView taobao = shop(Platform.TAOBAO);
		int before = this.orders.orders(merchant(), OrderQuery.all()).total();

		String registry = importFiles(taobao.id(), new MockMultipartFile("file", "households.csv", "text/csv",
				"身份证号,户主,家庭人口\n520122198303150011,张三,3\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(JsonPath.<String>read(registry, "$.status")).isEqualTo("FAILED");
		assertThat(JsonPath.<String>read(registry, "$.message"))
			.isEqualTo("orders.import.error.not-an-export|households.csv");

		String jd = importFiles(taobao.id(), new MockMultipartFile("file", "jd.csv", "text/csv",
				"订单号,商品ID,订购数量,订单状态\n777,1,1,等待出库\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(JsonPath.<String>read(jd, "$.status")).isEqualTo("FAILED");
		assertThat(JsonPath.<String>read(jd, "$.message")).isEqualTo("orders.import.error.wrong-platform|JD");
		assertThat(this.orders.orders(merchant(), OrderQuery.all()).total()).isEqualTo(before);
		assertThat(filesKept(registry) + filesKept(jd)).as("a job that failed keeps none of its files").isZero();
	}

	/** The files still stored for the job a report is of. */
	private int filesKept(String report) {
		return this.jdbc.sql("SELECT count(*) FROM orders_import_file WHERE job_id = ?")
			.param(UUID.fromString(JsonPath.read(report, "$.id")))
			.query(Integer.class)
			.single();
	}

	@Test
	void filesOver32MegabytesTogetherAreRefusedWithWhatToDoAndNoJobIsMade() throws Exception {
		ShopView jd = shop(Platform.JD);
		int jobsBefore = this.imports.jobsOf(merchant(), jd.id()).size();
		int half = (int) (org.farmgate.uploads.UploadSize.ORDER_EXPORTS_MAX_BYTES / 2);
		byte[] a = new byte[half];
		byte[] b = new byte[half + 1];
		java.util.Arrays.fill(a, (byte) 'x');
		java.util.Arrays.fill(b, (byte) 'x');

		// one byte over the limit, together
		this.mvc
			.perform(multipart("/api/v1/shops/" + jd.id() + "/order-imports")
				.file(new MockMultipartFile("file", "a.csv", "text/csv", a))
				.file(new MockMultipartFile("file", "b.csv", "text/csv", b))
				.with(httpBasic("merchant", "farmgate"))
				.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("orders.import.error.too-large"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("32 MB")));
		assertThat(this.imports.jobsOf(merchant(), jd.id())).hasSize(jobsBefore);
		// exactly the limit is taken (and fails later as no export, which it is not)
		this.mvc
			.perform(multipart("/api/v1/shops/" + jd.id() + "/order-imports")
				.file(new MockMultipartFile("file", "a.csv", "text/csv", a))
				.file(new MockMultipartFile("file", "b.csv", "text/csv", java.util.Arrays.copyOf(a, half)))
				.with(httpBasic("merchant", "farmgate")))
			.andExpect(status().isAccepted());
	}

	@Test
	void aMerchantCannotImportIntoOrReadAnotherOrganisationsShopOrdersOrJobs() throws Exception {
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		ShopView other = this.registry.shops(operator)
			.stream()
			.filter(shop -> !shop.organisationId().equals(merchant().scope().organisationId()))
			.findFirst()
			.orElseThrow();

		this.mvc
			.perform(multipart("/api/v1/shops/" + other.id() + "/order-imports")
				.file(new MockMultipartFile("file", "orders.csv", "text/csv",
						OrderSamples.taobaoOrders(suffix(), "等待买家付款").getBytes()))
				.with(httpBasic("merchant", "farmgate")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("orders.error.not-found"));
		this.mvc
			.perform(get("/api/v1/orders").param("shopId", other.id().toString())
				.with(httpBasic("merchant", "farmgate")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(get("/api/v1/order-imports/" + UUID.randomUUID()).with(httpBasic("merchant", "farmgate")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/orders").with(httpBasic("station", "farmgate")))
			.andExpect(status().isForbidden());
	}

	private OrderView order(ShopView shop, String number) {
		return this.orders.orders(merchant(), new OrderQuery(shop.id(), number, null, null, false, null, null, null, 0))
			.items()
			.get(0);
	}

	/**
	 * Starts an import through the API and waits for the job to end; answers its JSON.
	 */
	private String importFiles(UUID shopId, Object... files) throws Exception {
		var request = multipart("/api/v1/shops/" + shopId + "/order-imports");
		for (Object file : files) {
			request.file((file instanceof MockMultipartFile part) ? part
					: new MockMultipartFile("file", "export.csv", "text/csv", ((String) file).getBytes(GBK)));
		}
		String started = this.mvc.perform(request.with(httpBasic("merchant", "farmgate")))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(started, "$.id");
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			String job = this.mvc.perform(get("/api/v1/order-imports/" + id).with(httpBasic("merchant", "farmgate")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			String state = JsonPath.read(job, "$.status");
			if (state.equals("DONE") || state.equals("FAILED")) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the import did not end within a minute");
	}

	private static String suffix() {
		return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
	}

}

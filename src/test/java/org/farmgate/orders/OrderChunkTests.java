package org.farmgate.orders;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.orders.channels.ChannelLine;
import org.farmgate.orders.channels.ChannelOrder;
import org.farmgate.orders.channels.ExportFile;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports take their orders in chunks of a few thousand, two chunks at a time, each read
 * and written at once: orders updated that way keep every line and their whole history,
 * every report of one order lands in the same chunk, and an order written meanwhile by
 * the API does not end up twice or get lost.
 */
@FarmgateTest
class OrderChunkTests {

	private static final String JD_HEADERS = "订单号,商品ID,商品名称,订购数量,下单时间,京东价,订单金额,应付金额,订单状态,客户姓名,客户地址,联系电话,货号\n";

	@Autowired
	OrderImports imports;

	@Autowired
	OrderManagement orders;

	@Autowired
	RegistryManagement registry;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrderIntegrations integrations;

	@Autowired
	OrderIntake intake;

	@Autowired
	org.farmgate.catalog.SkuManagement skus;

	@Test
	void aLaterExportTakenInChunksKeepsEveryLineAndTheWholeHistoryOfEachOrder() throws Exception {
		String run = run();
		int count = 4_500;
		ShopView jd = shop(Platform.JD);

		ImportJobView first = importJd(jd, jdFile(run, count, 3, "等待确认收货"));
		assertThat(first.ordersCreated()).isEqualTo(count);
		ImportJobView later = importJd(jd, jdFile(run, count, 3, "完成"));
		assertThat(later.ordersUpdated()).isEqualTo(count);
		ImportJobView again = importJd(jd, jdFile(run, count, 3, "完成"));
		assertThat(again.ordersUnchanged()).as("the same file again changes nothing").isEqualTo(count);

		assertThat(count("""
				SELECT count(*) FROM orders_order_line l JOIN orders_order o ON o.id = l.order_id
				WHERE o.shop_id = ? AND o.platform_order_no LIKE ?""", jd, run)).as("three lines each")
			.isEqualTo(3L * count);
		assertThat(count("""
				SELECT count(*) FROM orders_order o WHERE o.shop_id = ? AND o.platform_order_no LIKE ?
				  AND o.status = 'COMPLETED' AND o.holds = ''
				  AND (SELECT string_agg(to_status, '>' ORDER BY position) FROM orders_status_change
				       WHERE order_id = o.id) = 'SHIPPED>COMPLETED'""", jd, run))
			.as("every order completed, with its whole history")
			.isEqualTo(count);
		OrderView sample = this.orders
			.orders(merchant(), new OrderQuery(jd.id(), run + "00000", null, null, false, null, null, null, 0))
			.items()
			.get(0);
		assertThat(sample.lines()).hasSize(3).allSatisfy(line -> assertThat(line.skuId()).isNotNull());
		assertThat(sample.destination().countyCode()).isEqualTo("510107");
	}

	@Test
	void anOrderTheDatabaseRefusesIsLeftOutWithItsLineAndTheRestOfItsChunkLands() throws Exception {
		String run = run();
		ShopView jd = shop(Platform.JD);
		String refused = number(run, 7);
		// the database refuses one order (as it would a value no check foresaw)
		this.jdbc.sql("""
				CREATE FUNCTION test_refuse_order() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN RAISE EXCEPTION 'refused by the test'; END $$""").update();
		this.jdbc
			.sql("CREATE TRIGGER test_refuse_order BEFORE INSERT ON orders_order FOR EACH ROW"
					+ " WHEN (NEW.platform_order_no = '" + refused + "') EXECUTE FUNCTION test_refuse_order()")
			.update();
		try {
			ImportJobView job = startJd(jd, jdFile(run, 50, 1, "完成"));
			ImportJobView done = OrderSamples.awaitEnd(this.imports, merchant(), job.id(), 120);

			assertThat(done.status()).isEqualTo("DONE");
			assertThat(done.ordersCreated()).isEqualTo(49);
			assertThat(done.rejected()).singleElement().satisfies(row -> {
				assertThat(row.line()).as("the refused order's line in the file").isEqualTo(9);
				assertThat(row.reason()).isEqualTo("orders.row.not-taken");
			});
			assertThat(
					count("SELECT count(*) FROM orders_order WHERE shop_id = ? AND platform_order_no LIKE ?", jd, run))
				.isEqualTo(49);
			assertThat(count("""
					SELECT count(*) FROM orders_order_line l JOIN orders_order o ON o.id = l.order_id
					WHERE o.shop_id = ? AND o.platform_order_no LIKE ?""", jd, run)).isEqualTo(49);
		}
		finally {
			this.jdbc.sql("DROP TRIGGER test_refuse_order ON orders_order").update();
			this.jdbc.sql("DROP FUNCTION test_refuse_order()").update();
		}
	}

	@Test
	void mappingALineOnceReleasesTheThousandsOfImportedOrdersWaitingOnIt() throws Exception {
		String run = run();
		int count = 3_000;
		ShopView jd = shop(Platform.JD);
		String file = jdFile(run, count, 1, "完成").replace(",100001,", ",990001,").replace("XF-SC-1500", "XF-NEW-9");
		assertThat(importJd(jd, file).ordersCreated()).isEqualTo(count);
		assertThat(count("SELECT count(*) FROM orders_order WHERE shop_id = ? AND platform_order_no LIKE ?"
				+ " AND holds LIKE '%UNMATCHED_LINE%'", jd, run))
			.as("an item no listing knows holds every order")
			.isEqualTo(count);
		OrderView first = this.orders
			.orders(merchant(), new OrderQuery(jd.id(), number(run, 0), null, null, false, null, null, null, 0))
			.items()
			.get(0);
		UUID cabbage = this.skus.merchantCodeOf(merchant().scope().organisationId(), "XF-SC-1500").orElseThrow().id();

		int moved = this.orders.mapLine(merchant(), first.id(), "990001", cabbage);

		assertThat(moved).as("no other order waits on this item").isEqualTo(count);
		assertThat(count(
				"SELECT count(*) FROM orders_order WHERE shop_id = ? AND platform_order_no LIKE ?" + " AND holds = ''",
				jd, run))
			.as("every order released")
			.isEqualTo(count);
		assertThat(count("""
				SELECT count(*) FROM orders_order_line l JOIN orders_order o ON o.id = l.order_id
				WHERE o.shop_id = ? AND o.platform_order_no LIKE ? AND l.sku_id IS NOT NULL""", jd, run))
			.as("each line matched, once")
			.isEqualTo(count);
		assertThat(count("""
				SELECT count(*) FROM orders_status_change c JOIN orders_order o ON o.id = c.order_id
				WHERE o.shop_id = ? AND o.platform_order_no LIKE ?""", jd, run)).as("histories kept").isEqualTo(count);
	}

	@Test
	void aChunkWhoseProgressCannotBeCountedLeavesNoneOfItsOrders() {
		String run = run();
		ShopView jd = shop(Platform.JD);
		ShopContext shop = new ShopContext(jd.id(), jd.organisationId(),
				this.registry.organisation(merchant(), jd.organisationId()).orElseThrow().countyCode(), Platform.JD);
		List<ChannelOrder> chunk = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			chunk.add(new ChannelOrder(Platform.JD, number(run, i), i + 2, null, null, null,
					Instant.parse("2026-03-01T02:00:00Z"), Instant.parse("2026-03-01T02:01:00Z"), null, null,
					OrderStatus.PAID, AfterSaleStatus.NONE, false, new BigDecimal("39.90"), BigDecimal.ZERO,
					BigDecimal.ZERO, new BigDecimal("39.90"), BigDecimal.ZERO, "赵六", "13700001234", "四川省成都市武侯区人民南路四段1号",
					// a line no listing matches: held, touching no stock
					List.of(new ChannelLine("1", "X" + run, null, "NONE-" + run, "无此商品 " + run, 1,
							new BigDecimal("39.90"), new BigDecimal("39.90")))));
		}
		UUID job = UUID.randomUUID();
		java.util.concurrent.atomic.AtomicLong writtenWhenCounted = new java.util.concurrent.atomic.AtomicLong(-1);

		// the job was taken over by another instance: counting its progress fails last
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.intake.takeAll(shop, chunk, job, this.intake.direct(), () -> {
				writtenWhenCounted.set(count(
						"SELECT count(*) FROM orders_order WHERE shop_id = ? AND platform_order_no LIKE ?", jd, run));
				throw new IllegalStateException("taken over by another instance");
			}))
			.hasMessageContaining("taken over");

		assertThat(writtenWhenCounted).as("counted after the chunk's orders were written, in its transaction")
			.hasValue(50);
		assertThat(count("SELECT count(*) FROM orders_order WHERE shop_id = ? AND platform_order_no LIKE ?", jd, run))
			.as("no order of the chunk stored")
			.isZero();

		// the same chunk counted normally is stored whole
		OrderIntake.ChunkTaken taken = this.intake.takeAll(shop, chunk, job, this.intake.direct(), () -> {
		});
		assertThat(taken.created()).isEqualTo(50);
		assertThat(count("SELECT count(*) FROM orders_order WHERE shop_id = ? AND platform_order_no LIKE ?", jd, run))
			.isEqualTo(50L);
	}

	@Test
	void aJobTakenOverWhileItRunsLeavesExactlyTheOrdersItCountedAndTakesNoneAfter() throws Exception {
		String run = run();
		int count = 40_000;
		ShopView jd = shop(Platform.JD);
		UUID job = startJd(jd, jdFile(run, count, 1, "完成")).id();
		Instant deadline = Instant.now().plusSeconds(120);
		while (ordersDone(job) == 0 && Instant.now().isBefore(deadline)) {
			Thread.sleep(5);
		}

		// another instance takes the job over once its first chunk is counted
		this.jdbc.sql("UPDATE orders_import_job SET claimed_by = 'farmgate-b' WHERE id = ?").param(job).update();
		long counted = ordersDone(job);
		do {
			counted = ordersDone(job);
			Thread.sleep(1_000);
		}
		while (ordersDone(job) != counted);

		long stored = count("SELECT count(*) FROM orders_order WHERE shop_id = ? AND platform_order_no LIKE ?", jd,
				run);
		try {
			assertThat(counted).as("the job stopped where it was taken over").isLessThan(count);
			assertThat(stored).as("no chunk taken after the takeover, not even order by order").isEqualTo(counted);
		}
		finally {
			// farmgate-b never comes: the job is ended, so that no instance takes it over
			this.jdbc.sql("UPDATE orders_import_job SET status = 'FAILED', finished_at = now() WHERE id = ?")
				.param(job)
				.update();
		}
	}

	private long ordersDone(UUID job) {
		return this.jdbc.sql("SELECT orders_done FROM orders_import_job WHERE id = ?")
			.param(job)
			.query(Long.class)
			.single();
	}

	@Test
	void everyReportOfOneOrderLandsInTheSameChunk() {
		List<ChannelOrder> reports = new ArrayList<>();
		for (int i = 0; i < 1_751; i++) {
			reports.add(report("A" + i));
		}
		// three reports of one order where the first chunk (of 1,752: 3,503 reports in
		// two) ends, and a fourth far behind them
		reports.add(report("SPLIT"));
		reports.add(report("SPLIT"));
		reports.add(report("SPLIT"));
		for (int i = 0; i < 1_748; i++) {
			reports.add(report("B" + i));
		}
		reports.add(report("SPLIT"));

		List<List<ChannelOrder>> chunks = OrderImports.chunks(reports);

		assertThat(chunks).hasSize(2);
		assertThat(chunks.get(0)).hasSize(1_755)
			.filteredOn(order -> order.platformOrderNo().equals("SPLIT"))
			.hasSize(4);
		assertThat(chunks.get(1)).hasSize(1_748).noneMatch(order -> order.platformOrderNo().equals("SPLIT"));
	}

	@Test
	void anOrderSentSeveralTimesDoesNotCostAChunk() {
		// 1,200 reports of 1,196 orders, one of them five times where the first chunk
		// ends
		List<ChannelOrder> reports = new ArrayList<>();
		for (int i = 0; i < 598; i++) {
			reports.add(report("A" + i));
		}
		for (int i = 0; i < 5; i++) {
			reports.add(report("AGAIN"));
		}
		for (int i = 0; i < 597; i++) {
			reports.add(report("B" + i));
		}

		assertThat(OrderImports.chunks(reports)).extracting(List::size).containsExactly(603, 597);
	}

	@Test
	void aSmallFileIsCutInAsManyEvenChunksAsThereAreWorkersAndABigOneInEvenChunksOfAtMostTwoThousand() {
		List<ChannelOrder> small = new ArrayList<>();
		for (int i = 0; i < 1_201; i++) {
			small.add(report("S" + i));
		}
		List<ChannelOrder> big = new ArrayList<>();
		for (int i = 0; i < 21_000; i++) {
			big.add(report("B" + i));
		}

		assertThat(OrderImports.chunks(small)).extracting(List::size).containsExactly(601, 600);
		assertThat(OrderImports.chunks(big)).hasSize(12).allSatisfy(chunk -> assertThat(chunk).hasSize(1_750));
		assertThat(OrderImports.chunks(List.of(report("ONE")))).extracting(List::size).containsExactly(1);
	}

	@Test
	void ordersSentThroughTheApiWhileAnImportTakesThemEndUpOnceEachWithNothingLost() throws Exception {
		String run = run();
		int count = 4_000;
		ShopView jd = shop(Platform.JD);
		SignedInUser merchant = merchant();
		ImportJobView job = startJd(jd, jdFile(run, count, 1, "完成"));
		// meanwhile an integration sends every twentieth of the same orders, over and
		// over, each time with something new: chunks find orders written or changed since
		// they read them, and are taken again order by order
		AtomicBoolean importing = new AtomicBoolean(true);
		ExecutorService senders = Executors.newFixedThreadPool(2);
		List<Future<Integer>> sent = new ArrayList<>();
		for (int sender = 0; sender < 2; sender++) {
			int offset = sender;
			sent.add(senders.submit(() -> {
				int taken = 0;
				do {
					for (int i = offset * 20; i < count; i += 40) {
						// a new buyer message each time: every call writes the order
						this.integrations.receive(merchant, jd.id(), UUID.randomUUID().toString(),
								apiOrder(number(run, i), "message " + taken));
						taken++;
					}
				}
				while (importing.get());
				return taken;
			}));
		}
		ImportJobView done = OrderSamples.awaitEnd(this.imports, merchant, job.id(), 300);
		importing.set(false);
		for (Future<Integer> sender : sent) {
			assertThat(sender.get()).as("every one of its orders sent at least once")
				.isGreaterThanOrEqualTo(count / 40);
		}
		senders.shutdown();

		assertThat(done.status()).isEqualTo("DONE");
		assertThat(done.rejected()).as("no order refused").isEmpty();
		assertThat(done.ordersCreated() + done.ordersUpdated() + done.ordersUnchanged()).isEqualTo(count);
		assertThat(count("SELECT count(*) FROM orders_order WHERE shop_id = ? AND platform_order_no LIKE ?", jd, run))
			.as("each order once")
			.isEqualTo(count);
		assertThat(count("""
				SELECT count(*) FROM orders_order_line l JOIN orders_order o ON o.id = l.order_id
				WHERE o.shop_id = ? AND o.platform_order_no LIKE ?""", jd, run)).as("each with its one line")
			.isEqualTo(count);
		assertThat(count("""
				SELECT count(*) FROM orders_order o WHERE o.shop_id = ? AND o.platform_order_no LIKE ?
				  AND NOT EXISTS (SELECT 1 FROM orders_status_change c WHERE c.order_id = o.id)""", jd, run))
			.as("none without its history")
			.isZero();
	}

	@Test
	void anImportsOrdersAndTheirSalesAreCommittedTogetherChunkByChunk() throws Exception {
		String run = run();
		int count = 12_000;
		ShopView jd = shop(Platform.JD);
		startJd(jd, jdFile(run, count, 1, "完成"));

		// looked at again and again while the job runs (one statement, one snapshot): a
		// statistics' listener after the commit would leave orders without their sale
		// between a chunk's commit and its own
		List<long[]> seen = new ArrayList<>();
		Instant deadline = Instant.now().plusSeconds(120);
		long[] now;
		do {
			now = this.jdbc.sql("""
					SELECT count(*), count(s.order_id) FROM orders_order o
					LEFT JOIN statistics_sale s ON s.order_id = o.id AND s.paid = o.paid_amount
					WHERE o.shop_id = ? AND o.platform_order_no LIKE ?""")
				.params(jd.id(), run + "%")
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.single();
			seen.add(now);
		}
		while (now[0] < count && Instant.now().isBefore(deadline));

		assertThat(seen).as("orders, and those with their sale, at each look")
			.allSatisfy(look -> assertThat(look[1]).isEqualTo(look[0]));
		assertThat(now[0]).isEqualTo(count);
	}

	private ImportJobView importJd(ShopView shop, String file) throws InterruptedException {
		ImportJobView job = startJd(shop, file);
		ImportJobView done = OrderSamples.awaitEnd(this.imports, merchant(), job.id(), 300);
		assertThat(done.status()).isEqualTo("DONE");
		assertThat(done.rejected()).isEmpty();
		return done;
	}

	/** Starts an import of one JD export, as the merchant. */
	private ImportJobView startJd(ShopView shop, String file) {
		return this.imports.start(merchant(), shop.id(),
				List.of(new ExportFile("jd.csv", file.getBytes(StandardCharsets.UTF_8))));
	}

	/** A JD export of {@code count} orders of {@code lines} lines each, in one status. */
	private static String jdFile(String run, int count, int lines, String status) {
		StringBuilder csv = new StringBuilder(JD_HEADERS);
		for (int i = 0; i < count; i++) {
			for (int line = 0; line < lines; line++) {
				csv.append(number(run, i))
					.append(',')
					.append(100001 + line)
					.append(",立碑酸菜 1.5kg,1,2026-10-01 10:00:00,39.90,")
					.append("119.70,119.70,")
					.append(status)
					.append(",赵六,四川成都市武侯区人民南路四段1号,13700001234,XF-SC-1500\n");
			}
		}
		return csv.toString();
	}

	private static String number(String run, int i) {
		return run + String.format("%05d", i);
	}

	/** One of the JD orders as an integration sends it, with a buyer's message. */
	private static String apiOrder(String number, String message) {
		return """
				{"platformOrderNo":"%s","status":"COMPLETED","buyerMessage":"%s","createdAt":"2026-10-01T02:00:00Z",
				 "paidAt":"2026-10-01T02:00:00Z","paidAmount":39.90,
				 "recipient":{"name":"赵六","phone":"13700001234","address":"四川成都市武侯区人民南路四段1号"},
				 "lines":[{"lineKey":"100001","itemId":"100001","merchantCode":"XF-SC-1500","title":"立碑酸菜 1.5kg",
				           "quantity":1,"unitPrice":39.90}]}""".formatted(number, message);
	}

	private static ChannelOrder report(String number) {
		return new ChannelOrder(Platform.JD, number, 0, null, null, null, null, null, null, null, OrderStatus.PAID,
				AfterSaleStatus.NONE, false, null, null, null, null, null, null, null, null, List.of());
	}

	private long count(String sql, ShopView shop, String run) {
		return this.jdbc.sql(sql).params(shop.id(), run + "%").query(Long.class).single();
	}

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

	private static String run() {
		return "9" + String.format("%08d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L));
	}

}

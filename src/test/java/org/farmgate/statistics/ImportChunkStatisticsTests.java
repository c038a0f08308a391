package org.farmgate.statistics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.orders.OrderPaid;
import org.farmgate.orders.OrderRefunded;
import org.farmgate.orders.OrdersRestated;
import org.farmgate.orders.OrdersImported;
import org.farmgate.registry.Platform;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The statistics take an import's chunk in the chunk's own transaction: its sales count
 * when it commits and not before, nothing of it waits in the event publication registry,
 * and a chunk the statistics cannot take there is taken after the commit instead of
 * failing the import.
 */
@FarmgateTest
class ImportChunkStatisticsTests {

	private static final String COUNTY = "520123";

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventSerializer serializer;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	StatisticsRecorder recorder;

	@Test
	void anImportedChunkCountsInTheTransactionThatTakesItsOrdersAndLeavesNothingInTheRegistry() {
		OrdersImported chunk = chunk(UUID.randomUUID(), 3);

		long[] seenInside = this.transactions.execute(status -> {
			this.events.publishEvent(chunk);
			return new long[] { sales(chunk.shopId()), waiting(chunk.id()) };
		});

		assertThat(seenInside[0]).as("counted inside the chunk's transaction").isEqualTo(3);
		assertThat(seenInside[1]).as("publications of the chunk in the registry (written with the chunk)").isZero();
		assertThat(sales(chunk.shopId())).isEqualTo(3);
	}

	@Test
	void aChunkPublishedOutsideATransactionIsRefusedAndCountsNothing() {
		OrdersImported chunk = chunk(UUID.randomUUID(), 2);

		// deferred from outside a transaction, it would be lost: the registry keeps what
		// a
		// transaction publishes
		assertThatThrownBy(() -> this.events.publishEvent(chunk)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("chunk's transaction");
		assertThat(sales(chunk.shopId())).isZero();
	}

	@Test
	void aChunkRolledBackLeavesNoSalesAndIsNotMarkedTaken() {
		OrdersImported chunk = chunk(UUID.randomUUID(), 2);

		long seenInside = this.transactions.execute(status -> {
			this.events.publishEvent(chunk);
			status.setRollbackOnly();
			return sales(chunk.shopId());
		});

		assertThat(seenInside).as("counted in the transaction, before it rolled back").isEqualTo(2);

		assertThat(sales(chunk.shopId())).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM statistics_ledger WHERE event_key = ?", Long.class,
				StatisticsRecorder.key(chunk)))
			.isZero();
	}

	@Test
	void aChunkTheStatisticsCannotTakeIsTakenAfterItsTransactionCommittedWithEverythingElseItWrote()
			throws InterruptedException {
		OrdersImported chunk = chunk(UUID.randomUUID(), 4);
		String marker = "test:import-chunk-committed:" + chunk.id();
		// the database refuses the chunk's sales once (as after a bug), then takes them
		this.jdbc.execute("CREATE SEQUENCE test_refuse_sale_seq");
		this.jdbc.execute("""
				CREATE FUNCTION test_refuse_sale() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				  IF nextval('test_refuse_sale_seq') = 1 THEN RAISE EXCEPTION 'refused by the test'; END IF;
				  RETURN NEW;
				END $$""");
		this.jdbc.execute("CREATE TRIGGER test_refuse_sale BEFORE INSERT ON statistics_sale FOR EACH ROW"
				+ " WHEN (NEW.shop_id = '" + chunk.shopId() + "') EXECUTE FUNCTION test_refuse_sale()");
		try {
			this.transactions.executeWithoutResult(status -> {
				// what the import's chunk writes besides the statistics
				this.jdbc.update("INSERT INTO statistics_ledger (event_key) VALUES (?)", marker);
				this.events.publishEvent(chunk);
			});

			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM statistics_ledger WHERE event_key = ?",
					Long.class, marker))
				.as("the chunk's own writes committed")
				.isEqualTo(1);
			StatisticsSettle.settle(this.jdbc);
			assertThat(sales(chunk.shopId())).as("the sales, taken after the commit").isEqualTo(4);
			assertThat(this.jdbc.queryForObject("SELECT last_value FROM test_refuse_sale_seq", Long.class))
				.as("refused once, then taken")
				.isGreaterThanOrEqualTo(2);
		}
		finally {
			this.jdbc.execute("DROP TRIGGER test_refuse_sale ON statistics_sale");
			this.jdbc.execute("DROP FUNCTION test_refuse_sale()");
			this.jdbc.execute("DROP SEQUENCE test_refuse_sale_seq");
		}
	}

	@Test
	void aDeferredChunkIsKeptInTheRegistryWithItsAmountsAsTheyWere() {
		ImportChunkDeferred deferred = new ImportChunkDeferred(chunk(UUID.randomUUID(), 2));

		Object kept = this.serializer.serialize(deferred);

		assertThat(kept.toString()).startsWith("{\"chunk\":{\"v\":2,").contains("\"39.90\"");
		assertThat(this.serializer.deserialize(kept, ImportChunkDeferred.class)).isEqualTo(deferred);
	}

	@Test
	void aChunkAnEarlierVersionLeftWaitingInTheRegistryIsTakenAfterTheUpgrade() throws Exception {
		OrdersImported chunk = chunk(UUID.randomUUID(), 2);
		UUID publication = UUID.randomUUID();
		// as the version before kept it: for the listener that took OrdersImported
		this.jdbc.update("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				       completion_attempts)
				VALUES (?, 'org.farmgate.statistics.StatisticsListeners.on(org.farmgate.orders.OrdersImported)',
				        'org.farmgate.orders.OrdersImported', ?, now(), 'PUBLISHED', 1)""", publication,
				this.serializer.serialize(chunk).toString());

		this.jdbc.execute(new ClassPathResource("db/migration/V35__statistics_import_chunks_in_their_transaction.sql")
			.getContentAsString(StandardCharsets.UTF_8));
		this.incomplete.resubmitIncompletePublications(waiting -> waiting.getIdentifier().equals(publication));

		StatisticsSettle.settle(this.jdbc);
		assertThat(sales(chunk.shopId())).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM event_publication WHERE id = ?", Long.class,
				publication))
			.as("completed, so deleted")
			.isZero();
	}

	@Test
	void twoChunksThatMoveTheSameMonthsInOppositeOrdersDoNotDeadlock() throws Exception {
		UUID shop = UUID.randomUUID();
		UUID organisation = UUID.randomUUID();
		Instant january = Instant.parse("2025-01-10T02:00:00Z");
		Instant february = Instant.parse("2025-02-10T02:00:00Z");
		List<OrderPaid> paidInJanuary = payments(shop, organisation, january, 300);
		List<OrderPaid> paidInFebruary = payments(shop, organisation, february, 300);
		this.recorder
			.record(new OrdersRestated(UUID.randomUUID(), join(paidInJanuary, paidInFebruary), List.of(), List.of()));
		// each pays new orders in one month and refunds orders of the other: moved
		// statement by statement, each would lock its own month first, then wait for the
		// other's
		OrdersRestated first = new OrdersRestated(UUID.randomUUID(), payments(shop, organisation, january, 2000),
				List.of(), refunds(paidInFebruary));
		OrdersRestated second = new OrdersRestated(UUID.randomUUID(), payments(shop, organisation, february, 2000),
				List.of(), refunds(paidInJanuary));
		// each stops a moment at its first refund, so that both have paid before either
		// goes on to its refunds
		this.jdbc.execute("""
				CREATE FUNCTION test_slow_refund() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN PERFORM pg_sleep(0.5); RETURN NEW; END $$""");
		this.jdbc.execute("CREATE TRIGGER test_slow_refund BEFORE UPDATE OF refunded ON statistics_sale FOR EACH ROW"
				+ " WHEN (NEW.order_id IN ('" + paidInJanuary.get(0).orderId() + "', '"
				+ paidInFebruary.get(0).orderId() + "')) EXECUTE FUNCTION test_slow_refund()");
		java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
		java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<Boolean>> taken = two.invokeAll(List.of(() -> {
				together.await();
				return this.recorder.record(first);
			}, () -> {
				together.await();
				return this.recorder.record(second);
			}));
			for (java.util.concurrent.Future<Boolean> each : taken) {
				assertThat(each.get()).as("taken, without a deadlock").isTrue();
			}
		}
		finally {
			two.shutdown();
			this.jdbc.execute("DROP TRIGGER test_slow_refund ON statistics_sale");
			this.jdbc.execute("DROP FUNCTION test_slow_refund()");
		}
		assertThat(this.jdbc.queryForObject(
				"SELECT sum(orders) FROM statistics_sales_month WHERE shop_id = ? AND county_code = ?", Long.class,
				shop, COUNTY))
			.isEqualTo(4600);
		assertThat(this.jdbc.queryForObject(
				"SELECT sum(refunds) FROM statistics_sales_month WHERE shop_id = ? AND county_code = ?",
				BigDecimal.class, shop, COUNTY))
			.isEqualByComparingTo("6000.00");
	}

	private static List<OrderPaid> payments(UUID shop, UUID organisation, Instant paidAt, int count) {
		List<OrderPaid> paid = new java.util.ArrayList<>();
		for (int i = 0; i < count; i++) {
			paid.add(new OrderPaid(UUID.randomUUID(), "D" + i, shop, organisation, COUNTY, Platform.TAOBAO,
					new BigDecimal("39.90"), "320000", "320100", "320106", paidAt,
					List.of(new OrderPaid.Line(null, 1, new BigDecimal("39.90"))), paidAt));
		}
		return paid;
	}

	private static List<OrderRefunded> refunds(List<OrderPaid> payments) {
		return payments.stream()
			.map(paid -> new OrderRefunded(paid.orderId(), paid.shopId(), paid.organisationId(), COUNTY,
					new BigDecimal("10.00"), paid.paidAt().plusSeconds(86_400)))
			.toList();
	}

	private static <T> List<T> join(List<T> one, List<T> other) {
		List<T> both = new java.util.ArrayList<>(one);
		both.addAll(other);
		return both;
	}

	/** A chunk of {@code orders} paid orders of a shop of its own. */
	private static OrdersImported chunk(UUID shop, int orders) {
		UUID organisation = UUID.randomUUID();
		return new OrdersImported(UUID.randomUUID(), UUID.randomUUID(), shop, organisation, COUNTY,
				payments(shop, organisation, Instant.parse("2026-03-02T02:00:00Z"), orders), List.of(), List.of(),
				List.of(), List.of());
	}

	private long sales(UUID shop) {
		return this.jdbc.queryForObject("SELECT count(*) FROM statistics_sale WHERE shop_id = ? AND paid IS NOT NULL",
				Long.class, shop);
	}

	private long waiting(UUID chunk) {
		return this.jdbc.queryForObject("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?",
				Long.class, "%" + chunk + "%");
	}

}

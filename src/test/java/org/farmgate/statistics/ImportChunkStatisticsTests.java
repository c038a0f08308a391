package org.farmgate.statistics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.orders.OrderPaid;
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

	@Test
	void anImportedChunkCountsInTheTransactionThatTakesItsOrdersAndLeavesNothingInTheRegistry() {
		OrdersImported chunk = chunk(UUID.randomUUID(), 3);

		Long seenInside = this.transactions.execute(status -> {
			this.events.publishEvent(chunk);
			return sales(chunk.shopId());
		});

		assertThat(seenInside).as("counted inside the chunk's transaction").isEqualTo(3);
		assertThat(sales(chunk.shopId())).isEqualTo(3);
		assertThat(waiting(chunk.id())).as("publications of the chunk in the registry").isZero();
	}

	@Test
	void aChunkRolledBackLeavesNoSalesAndIsNotMarkedTaken() {
		OrdersImported chunk = chunk(UUID.randomUUID(), 2);

		this.transactions.executeWithoutResult(status -> {
			this.events.publishEvent(chunk);
			status.setRollbackOnly();
		});

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
		// the database refuses the chunk's sales once (as it would after a bug), then
		// takes
		// them
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
			Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
			while (sales(chunk.shopId()) < 4 && Instant.now().isBefore(deadline)) {
				Thread.sleep(20);
			}
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

		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (sales(chunk.shopId()) < 2 && Instant.now().isBefore(deadline)) {
			Thread.sleep(20);
		}
		assertThat(sales(chunk.shopId())).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM event_publication WHERE id = ?", Long.class,
				publication))
			.as("completed, so deleted")
			.isZero();
	}

	/** A chunk of {@code orders} paid orders of a shop of its own. */
	private static OrdersImported chunk(UUID shop, int orders) {
		UUID organisation = UUID.randomUUID();
		Instant paidAt = Instant.parse("2026-03-02T02:00:00Z");
		List<OrderPaid> paid = new java.util.ArrayList<>();
		for (int i = 0; i < orders; i++) {
			paid.add(new OrderPaid(UUID.randomUUID(), "T" + i, shop, organisation, COUNTY, Platform.TAOBAO,
					new BigDecimal("39.90"), "320000", "320100", "320106", paidAt,
					List.of(new OrderPaid.Line(null, 1, new BigDecimal("39.90"))), paidAt.plusSeconds(5)));
		}
		return new OrdersImported(UUID.randomUUID(), UUID.randomUUID(), shop, organisation, COUNTY, paid, List.of(),
				List.of(), List.of(), List.of());
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

package org.farmgate.statistics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.orders.OrderPaid;
import org.farmgate.registry.Platform;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A sale keeps its lines in one value ({@link SalesRollup.Lines}): they come back as they
 * were kept, and rows kept as four arrays before V36 come back as they read then, without
 * the arrays once V37 has written them again.
 */
@FarmgateTest
class SaleLinesTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aSalesLinesComeBackAsTheyWereKeptToTheCent() {
		UUID sku = UUID.fromString("0193f1a2-7b3c-7def-8a12-3456789abcde");
		Instant paidAt = Instant.parse("2026-03-02T02:00:00Z");
		OrderPaid payment = new OrderPaid(UUID.randomUUID(), "T1", UUID.randomUUID(), UUID.randomUUID(), "520123",
				Platform.JD, new BigDecimal("999999999.99"), "", "", "", paidAt,
				List.of(new OrderPaid.Line(sku, 3, new BigDecimal("2")),
						new OrderPaid.Line(null, 70000, BigDecimal.ONE)),
				paidAt);
		UUID product = UUID.randomUUID();
		SalesRollup.Sale sale = SalesRollup.Sale.of(payment).withProducts(java.util.Map.of(sku, product));

		SalesRollup.Lines lines = SalesRollup.Lines.of(sale.lines().stored());

		assertThat(sale.lines().stored()).hasSize(2 * SalesRollup.Lines.BYTES);
		assertThat(lines.skuIds()).containsExactly(sku, SalesRollup.UNMATCHED);
		assertThat(lines.productIds()).containsExactly(product, SalesRollup.UNMATCHED);
		assertThat(lines.quantities()).containsExactly(3, 70000);
		assertThat(lines.shares()).containsExactly(new BigDecimal("666666666.66"), new BigDecimal("333333333.33"));
		assertThat(SalesRollup.Lines.of(null).skuIds()).as("a row without payment").isEmpty();
		assertThatThrownBy(() -> SalesRollup.Lines.of(new byte[45])).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void rowsKeptAsFourArraysBeforeV36KeepTheirLinesAndProductsAndLoseTheArraysWithV37() throws Exception {
		String migration = script("V36__statistics_sale_lines_in_one_value.sql");
		UUID twoLines = UUID.randomUUID();
		UUID beforeProducts = UUID.randomUUID();
		UUID unpaid = UUID.randomUUID();
		UUID skuA = UUID.randomUUID();
		UUID skuB = UUID.randomUUID();
		UUID product = UUID.randomUUID();

		this.transactions.executeWithoutResult(status -> {
			// the table as it was before V36, for this transaction only
			this.jdbc.execute("ALTER TABLE statistics_sale DROP COLUMN lines, ADD COLUMN sku_ids UUID[],"
					+ " ADD COLUMN quantities INTEGER[], ADD COLUMN shares NUMERIC(14,2)[], ADD COLUMN product_ids UUID[]");
			this.jdbc.update("""
					INSERT INTO statistics_sale (order_id, county_code, shop_id, day, paid, sku_ids, quantities, shares,
					       product_ids)
					VALUES (?, '520123', ?, DATE '2025-06-01', 100.00, CAST(? AS UUID[]), '{2,1}', '{66.67,33.33}',
					        CAST(? AS UUID[])),
					       (?, '520123', ?, DATE '2025-06-01', 9.90, CAST(? AS UUID[]), '{1}', '{9.90}', NULL),
					       (?, '520123', ?, NULL, NULL, NULL, NULL, NULL, NULL)""", twoLines, skuA,
					"{" + skuA + "," + skuB + "}", "{" + product + "," + skuB + "}", beforeProducts, skuA,
					"{" + skuA + "}", unpaid, skuA);

			this.jdbc.execute(migration);

			SalesRollup.Lines two = lines(twoLines);
			assertThat(two.skuIds()).containsExactly(skuA, skuB);
			assertThat(two.productIds()).containsExactly(product, skuB);
			assertThat(two.quantities()).containsExactly(2, 1);
			assertThat(two.shares()).containsExactly(new BigDecimal("66.67"), new BigDecimal("33.33"));
			SalesRollup.Lines old = lines(beforeProducts);
			assertThat(old.productIds()).as("each SKU its own product, as read before").containsExactly(skuA);
			assertThat(old.shares()).containsExactly(new BigDecimal("9.90"));
			assertThat(this.jdbc.queryForObject("SELECT lines FROM statistics_sale WHERE order_id = ?", byte[].class,
					unpaid))
				.isNull();
			int afterV36 = rowBytes(beforeProducts);

			this.jdbc.execute(script("V37__statistics_sale_rows_without_dropped_arrays.sql"));

			assertThat(lines(beforeProducts).skuIds()).containsExactly(skuA);
			assertThat(rowBytes(beforeProducts)).as("the row without its dropped arrays (%d bytes with them)", afterV36)
				.isLessThan(afterV36 - 60);
			status.setRollbackOnly();
		});

		assertThat(this.jdbc
			.queryForObject("SELECT count(*) FROM information_schema.columns WHERE table_name = 'statistics_sale'"
					+ " AND column_name IN ('lines', 'sku_ids')", Long.class))
			.as("the table as it is, again")
			.isEqualTo(1);
	}

	private static String script(String name) {
		try {
			return new ClassPathResource("db/migration/" + name).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The size of a sale's row as it is stored, dropped columns' values included. */
	private int rowBytes(UUID order) {
		return this.jdbc.queryForObject("SELECT pg_column_size(s.*) FROM statistics_sale s WHERE order_id = ?",
				Integer.class, order);
	}

	private SalesRollup.Lines lines(UUID order) {
		return SalesRollup.Lines
			.of(this.jdbc.queryForObject("SELECT lines FROM statistics_sale WHERE order_id = ?", byte[].class, order));
	}

}

package org.farmgate.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.farmgate.BinaryCopy;
import org.farmgate.orders.OrderCancelled;
import org.farmgate.orders.OrderPaid;
import org.farmgate.orders.OrderRefunded;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps one row per paid order ({@code statistics_sale}) and moves the daily rollups by
 * what that order adds now minus what it added before: a payment adds it, a refund adds
 * to its refunds, a cancellation takes it off. A move already made changes nothing, so a
 * payment or refund told twice counts once. Rollup rows are written in key order, so two
 * listeners at once never deadlock.
 */
@Component
class SalesRollup {

	static final ZoneId CHINA = org.farmgate.orders.OrderTimes.CHINA;

	/** The SKU of lines no listing matched. */
	static final UUID UNMATCHED = new UUID(0, 0);

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	SalesRollup(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Takes what one publication tells (its payments, then its cancellations after
	 * payment and its refunds) and moves the rollups once for all of it: every
	 * transaction locks its rollup rows in one pass, in key order, so that two writers
	 * (an import's two chunks, a chunk and a webhook's payment) never wait on each other
	 * in a circle.
	 */
	void took(List<OrderPaid> payments, List<OrderCancelled> cancellations, List<OrderRefunded> refunds) {
		Deltas deltas = new Deltas();
		if (!payments.isEmpty()) {
			paid(payments, deltas);
		}
		cancellations.forEach(cancelled -> cancelled(cancelled, deltas));
		refunds.forEach(refunded -> refunded(refunded, deltas));
		apply(deltas);
	}

	/**
	 * Takes payments; one already taken adds nothing. Each order's first payment here is
	 * inserted with the others at once (an import's chunk, mostly new orders:
	 * {@link #inserted}); those that meet a sale row (a payment told again, a refund told
	 * first), and an order's later payments in the same list, are taken one by one.
	 */
	private void paid(List<OrderPaid> payments, Deltas deltas) {
		Map<UUID, UUID> products = products(payments);
		List<Sale> sales = payments.stream().map(payment -> Sale.of(payment).withProducts(products)).toList();
		// each order's first payment here, for the batch insert
		Map<UUID, Sale> first = new java.util.LinkedHashMap<>();
		sales.forEach(sale -> first.putIfAbsent(sale.orderId(), sale));
		java.util.Set<UUID> inserted = inserted(first.values());
		// in the order they were told: a new row counts as it is; the others (a row there
		// already or written meanwhile, an order's later payment after its first) one by
		// one
		for (Sale sale : sales) {
			if (inserted.contains(sale.orderId()) && first.get(sale.orderId()) == sale) {
				// a new row: nothing refunded, not cancelled
				deltas.add(sale.with(BigDecimal.ZERO, false), 1);
			}
			else {
				paidOneByOne(sale, deltas);
			}
		}
	}

	/**
	 * Inserts new sale rows: with COPY when none of the orders has a row yet (an import's
	 * chunk of new orders), else with an insert that skips the orders that have one.
	 * Answers the orders whose rows were inserted.
	 */
	private java.util.Set<UUID> inserted(java.util.Collection<Sale> sales) {
		if (sales.isEmpty()) {
			return java.util.Set.of();
		}
		if (copied(sales)) {
			java.util.Set<UUID> all = new java.util.HashSet<>();
			sales.forEach(sale -> all.add(sale.orderId()));
			return all;
		}
		return new java.util.HashSet<>(this.template.query("""
				INSERT INTO statistics_sale (order_id, county_code, shop_id, day, province_code, city_code,
				       destination_code, paid, lines, told_at)
				SELECT * FROM unnest(CAST(? AS UUID[]), CAST(? AS TEXT[]), CAST(? AS UUID[]), CAST(? AS DATE[]),
				       CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS NUMERIC[]),
				       CAST(? AS BYTEA[]), CAST(? AS TIMESTAMPTZ[]))
				ON CONFLICT (order_id) DO NOTHING
				RETURNING order_id""", arrays(sales.stream().map(SalesRollup::row).toList()),
				(rs, n) -> rs.getObject(1, UUID.class)));
	}

	/**
	 * Copies the sales in as new rows, behind a savepoint: when one of the orders has a
	 * row already (told before, or by another listener meanwhile), nothing of it stays
	 * and the answer is false.
	 */
	private boolean copied(java.util.Collection<Sale> sales) {
		// the template lends the transaction's connection and translates what fails (a
		// deadlock stays a deadlock), as for every other statement here
		return this.template.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) connection -> {
			java.sql.Savepoint before = connection.setSavepoint();
			try {
				try (BinaryCopy rows = BinaryCopy.into(connection,
						"statistics_sale (order_id, county_code, shop_id, day, province_code, city_code,"
								+ " destination_code, paid, lines, told_at)")) {
					for (Sale sale : sales) {
						rows.row(sale.orderId(), sale.countyCode(), sale.shopId(), sale.day(), sale.provinceCode(),
								sale.cityCode(), sale.destinationCode(), sale.paid(), sale.lines().stored(),
								sale.toldAt());
					}
				}
				connection.releaseSavepoint(before);
				return true;
			}
			catch (java.sql.SQLException ex) {
				if (!"23505".equals(ex.getSQLState())) {
					throw ex;
				}
				connection.rollback(before);
				return false;
			}
		});
	}

	private void paidOneByOne(Sale sale, Deltas deltas) {
		// a refund or cancellation told first waits in a row without payment: fill it in
		List<Sale> taken = this.jdbc.sql("""
				INSERT INTO statistics_sale (order_id, county_code, shop_id, day, province_code, city_code,
				       destination_code, paid, lines, told_at)
				VALUES (:order, :county, :shop, :day, :province, :city, :destination, :paid, :lines, :told)
				ON CONFLICT (order_id) DO UPDATE SET day = EXCLUDED.day, province_code = EXCLUDED.province_code,
				       city_code = EXCLUDED.city_code, destination_code = EXCLUDED.destination_code,
				       paid = EXCLUDED.paid, lines = EXCLUDED.lines, told_at = EXCLUDED.told_at
				WHERE statistics_sale.paid IS NULL
				RETURNING refunded, cancelled""")
			.params(columns(sale))
			.query((rs, n) -> sale.with(rs.getBigDecimal(1), rs.getBoolean(2)))
			.list();
		if (!taken.isEmpty()) {
			taken.forEach(now -> deltas.add(now, 1));
		}
		else {
			retold(sale, deltas);
		}
	}

	/**
	 * A payment told again: when the order's amount, lines, day or destination changed
	 * since, the sale is replaced (its refunds and cancellation kept) and the rollups
	 * move by the difference; told as it was, nothing changes. A telling older than the
	 * one the row holds (listeners take publications concurrently, so they can arrive out
	 * of order) changes nothing either.
	 */
	private void retold(Sale sale, Deltas deltas) {
		Sale before = locked(sale.orderId(), sale.countyCode(), sale.shopId());
		if (before.paid() == null || sale.toldBefore(before)) {
			return;
		}
		if (same(before, sale)) {
			if (sale.toldLaterThan(before)) {
				// told as it was, later: a telling between the two must not win
				this.jdbc.sql("UPDATE statistics_sale SET told_at = ? WHERE order_id = ?")
					.params(java.sql.Timestamp.from(sale.toldAt()), sale.orderId())
					.update();
			}
			return;
		}
		this.jdbc.sql("""
				UPDATE statistics_sale SET day = :day, province_code = :province, city_code = :city,
				       destination_code = :destination, paid = :paid, lines = :lines, told_at = :told
				WHERE order_id = :order""").params(columns(sale)).update();
		deltas.add(before, -1);
		deltas.add(sale.with(before.refunded(), before.cancelled()), 1);
	}

	/** A sale's columns as named parameters. */
	private static Map<String, Object> columns(Sale sale) {
		Map<String, Object> columns = new java.util.HashMap<>();
		columns.put("order", sale.orderId());
		columns.put("county", sale.countyCode());
		columns.put("shop", sale.shopId());
		columns.put("day", Date.valueOf(sale.day()));
		columns.put("province", sale.provinceCode());
		columns.put("city", sale.cityCode());
		columns.put("destination", sale.destinationCode());
		columns.put("paid", sale.paid());
		columns.put("lines", sale.lines().stored());
		columns.put("told", (sale.toldAt() != null) ? java.sql.Timestamp.from(sale.toldAt()) : null);
		return columns;
	}

	/** A sale's columns in the order of the batch insert. */
	private static Object[] row(Sale sale) {
		return new Object[] { sale.orderId(), sale.countyCode(), sale.shopId(), sale.day(), sale.provinceCode(),
				sale.cityCode(), sale.destinationCode(), sale.paid(), sale.lines().stored(), sale.toldAt() };
	}

	private static boolean same(Sale a, Sale b) {
		return a.day().equals(b.day()) && a.provinceCode().equals(b.provinceCode()) && a.cityCode().equals(b.cityCode())
				&& a.destinationCode().equals(b.destinationCode()) && a.paid().compareTo(b.paid()) == 0
				&& a.lines().sameAs(b.lines());
	}

	/** Takes a cancellation after payment: the sale no longer counts. */
	private void cancelled(OrderCancelled cancelled, Deltas deltas) {
		Sale before = locked(cancelled.orderId(), cancelled.countyCode(), cancelled.shopId());
		if (before.cancelled()) {
			return;
		}
		this.jdbc.sql("UPDATE statistics_sale SET cancelled = TRUE WHERE order_id = ?")
			.param(cancelled.orderId())
			.update();
		deltas.add(before, -1);
	}

	/**
	 * Takes a refund: its amount is the total refunded so far, never less than before.
	 */
	private void refunded(OrderRefunded refunded, Deltas deltas) {
		Sale before = locked(refunded.orderId(), refunded.countyCode(), refunded.shopId());
		BigDecimal amount = (refunded.refundedAmount() != null) ? refunded.refundedAmount() : BigDecimal.ZERO;
		if (amount.compareTo(before.refunded()) <= 0) {
			return;
		}
		this.jdbc.sql("UPDATE statistics_sale SET refunded = ? WHERE order_id = ?")
			.params(amount, refunded.orderId())
			.update();
		deltas.add(before, -1);
		deltas.add(before.with(amount, before.cancelled()), 1);
	}

	/**
	 * The order's row, locked; a row without payment when the payment is not told yet.
	 */
	private Sale locked(UUID orderId, String county, UUID shopId) {
		for (int attempt = 0; attempt < 2; attempt++) {
			List<Sale> rows = this.jdbc.sql("""
					SELECT order_id, county_code, shop_id, day, province_code, city_code, destination_code, paid,
					       lines, refunded, cancelled, told_at
					FROM statistics_sale WHERE order_id = ? FOR UPDATE""").param(orderId).query((rs, n) -> {
				LocalDate day = (rs.getDate(4) != null) ? rs.getDate(4).toLocalDate() : null;
				return new Sale(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), day,
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8),
						Lines.of(rs.getBytes(9)), rs.getBigDecimal(10), rs.getBoolean(11),
						(rs.getTimestamp(12) != null) ? rs.getTimestamp(12).toInstant() : null);
			}).list();
			if (!rows.isEmpty()) {
				return rows.get(0);
			}
			this.jdbc
				.sql("INSERT INTO statistics_sale (order_id, county_code, shop_id) VALUES (?, ?, ?) "
						+ "ON CONFLICT (order_id) DO NOTHING")
				.params(orderId, county, shopId)
				.update();
		}
		throw new IllegalStateException("statistics_sale row of " + orderId + " vanished");
	}

	/**
	 * The product of each SKU the payments sold, as the catalog told it (a SKU told later
	 * stands for itself).
	 */
	private Map<UUID, UUID> products(List<OrderPaid> payments) {
		java.util.Set<UUID> sold = new java.util.LinkedHashSet<>();
		for (OrderPaid payment : payments) {
			for (OrderPaid.Line line : payment.lines()) {
				if (line.skuId() != null) {
					sold.add(line.skuId());
				}
			}
		}
		Map<UUID, UUID> products = new java.util.HashMap<>();
		if (!sold.isEmpty()) {
			this.jdbc.sql("SELECT sku_id, product_id FROM statistics_sku WHERE sku_id = ANY(?)")
				.param(sold.toArray(UUID[]::new))
				.query(rs -> {
					products.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
				});
		}
		return products;
	}

	private void apply(Deltas deltas) {
		applyMonths(deltas.months());
		if (!deltas.sales.isEmpty()) {
			upsert("""
					INSERT INTO statistics_sales_day AS r (county_code, day, shop_id, province_code, city_code,
					       destination_code, orders, gross, refunds)
					SELECT * FROM unnest(CAST(? AS TEXT[]), CAST(? AS DATE[]), CAST(? AS UUID[]), CAST(? AS TEXT[]),
					       CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS INTEGER[]), CAST(? AS NUMERIC[]),
					       CAST(? AS NUMERIC[]))
					ON CONFLICT (county_code, day, shop_id, province_code, city_code, destination_code)
					DO UPDATE SET orders = r.orders + EXCLUDED.orders, gross = r.gross + EXCLUDED.gross,
					       refunds = r.refunds + EXCLUDED.refunds""",
					deltas.sales.entrySet()
						.stream()
						.map(entry -> new Object[] { entry.getKey().county(), Date.valueOf(entry.getKey().day()),
								entry.getKey().shop(), entry.getKey().province(), entry.getKey().city(),
								entry.getKey().destination(), entry.getValue().orders, entry.getValue().gross,
								entry.getValue().refunds })
						.toList());
		}
		if (!deltas.products.isEmpty()) {
			upsert("""
					INSERT INTO statistics_product_day AS r (county_code, day, shop_id, sku_id, orders, quantity,
					       gross, refunds)
					SELECT * FROM unnest(CAST(? AS TEXT[]), CAST(? AS DATE[]), CAST(? AS UUID[]), CAST(? AS UUID[]),
					       CAST(? AS INTEGER[]), CAST(? AS BIGINT[]), CAST(? AS NUMERIC[]), CAST(? AS NUMERIC[]))
					ON CONFLICT (county_code, day, shop_id, sku_id)
					DO UPDATE SET orders = r.orders + EXCLUDED.orders, quantity = r.quantity + EXCLUDED.quantity,
					       gross = r.gross + EXCLUDED.gross, refunds = r.refunds + EXCLUDED.refunds""",
					deltas.products.entrySet()
						.stream()
						.map(entry -> new Object[] { entry.getKey().county(), Date.valueOf(entry.getKey().day()),
								entry.getKey().shop(), entry.getKey().sku(), entry.getValue().orders,
								entry.getValue().quantity, entry.getValue().gross, entry.getValue().refunds })
						.toList());
		}
		changed(deltas);
	}

	/**
	 * Writes rows in one statement: {@code sql} reads each column as an array parameter
	 * ({@code unnest}), so the server plans once and takes the rows as a set instead of a
	 * statement per row. The rows are in key order, so that two writers lock shared rows
	 * in the same order.
	 */
	private void upsert(String sql, List<Object[]> rows) {
		this.template.update(sql, arrays(rows));
	}

	/**
	 * Binds each column of the rows as one text array (the statement casts it to the
	 * column's type).
	 */
	private static org.springframework.jdbc.core.PreparedStatementSetter arrays(List<Object[]> rows) {
		int width = rows.get(0).length;
		return (statement) -> {
			for (int column = 0; column < width; column++) {
				String[] texts = new String[rows.size()];
				for (int row = 0; row < texts.length; row++) {
					Object value = rows.get(row)[column];
					texts[row] = (value instanceof BigDecimal decimal) ? decimal.toPlainString()
							: (value instanceof byte[] bytes) ? "\\x" + java.util.HexFormat.of().formatHex(bytes)
									: (value != null) ? value.toString() : null;
				}
				statement.setArray(column + 1, statement.getConnection().createArrayOf("text", texts));
			}
		};
	}

	/**
	 * Notes the county-days the deltas touch as changed by this transaction, for the
	 * readers that keep them in memory (only inserts: no writer waits for another).
	 */
	private void changed(Deltas deltas) {
		java.util.SortedMap<String, Object[]> days = new TreeMap<>();
		deltas.sales.keySet()
			.forEach(key -> days.put(key.county() + key.day(), new Object[] { key.county(), Date.valueOf(key.day()) }));
		deltas.products.keySet()
			.forEach(key -> days.put(key.county() + key.day(), new Object[] { key.county(), Date.valueOf(key.day()) }));
		if (!days.isEmpty()) {
			upsert("""
					INSERT INTO statistics_change (county_code, day)
					SELECT * FROM unnest(CAST(? AS TEXT[]), CAST(? AS DATE[]))""", List.copyOf(days.values()));
		}
	}

	private void applyMonths(Months months) {
		if (!months.shops().isEmpty()) {
			upsert("""
					INSERT INTO statistics_sales_month AS r (county_code, month, shop_id, orders, gross, refunds)
					SELECT * FROM unnest(CAST(? AS TEXT[]), CAST(? AS DATE[]), CAST(? AS UUID[]), CAST(? AS INTEGER[]),
					       CAST(? AS NUMERIC[]), CAST(? AS NUMERIC[]))
					ON CONFLICT (county_code, month, shop_id)
					DO UPDATE SET orders = r.orders + EXCLUDED.orders, gross = r.gross + EXCLUDED.gross,
					       refunds = r.refunds + EXCLUDED.refunds""", Months.rows(months.shops(), false));
		}
		if (!months.reach().isEmpty()) {
			upsert("""
					INSERT INTO statistics_reach_month AS r (county_code, month, province_code, city_code,
					       destination_code, orders, gross, refunds)
					SELECT * FROM unnest(CAST(? AS TEXT[]), CAST(? AS DATE[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]),
					       CAST(? AS TEXT[]), CAST(? AS INTEGER[]), CAST(? AS NUMERIC[]), CAST(? AS NUMERIC[]))
					ON CONFLICT (county_code, month, province_code, city_code, destination_code)
					DO UPDATE SET orders = r.orders + EXCLUDED.orders, gross = r.gross + EXCLUDED.gross,
					       refunds = r.refunds + EXCLUDED.refunds""", Months.rows(months.reach(), false));
		}
		if (!months.products().isEmpty()) {
			upsert("""
					INSERT INTO statistics_product_month AS r (county_code, month, shop_id, sku_id, orders, quantity,
					       gross, refunds)
					SELECT * FROM unnest(CAST(? AS TEXT[]), CAST(? AS DATE[]), CAST(? AS UUID[]), CAST(? AS UUID[]),
					       CAST(? AS INTEGER[]), CAST(? AS BIGINT[]), CAST(? AS NUMERIC[]), CAST(? AS NUMERIC[]))
					ON CONFLICT (county_code, month, shop_id, sku_id)
					DO UPDATE SET orders = r.orders + EXCLUDED.orders, quantity = r.quantity + EXCLUDED.quantity,
					       gross = r.gross + EXCLUDED.gross, refunds = r.refunds + EXCLUDED.refunds""",
					Months.rows(months.products(), true));
		}
	}

	/**
	 * The monthly rollups' share of some deltas: per county × month × shop, per county ×
	 * month × destination, per county × month × shop × SKU; keyed by text in a fixed
	 * order (rows are written in key order).
	 */
	record Months(Map<String, Month> shops, Map<String, Month> reach, Map<String, Month> products) {

		Months() {
			this(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
		}

		void add(Deltas deltas) {
			deltas.sales.forEach((key, totals) -> {
				LocalDate month = key.day().withDayOfMonth(1);
				merge(this.shops, new Object[] { key.county(), Date.valueOf(month), key.shop() }, totals);
				merge(this.reach, new Object[] { key.county(), Date.valueOf(month), key.province(), key.city(),
						key.destination() }, totals);
			});
			deltas.products.forEach((key, totals) -> merge(this.products,
					new Object[] { key.county(), Date.valueOf(key.day().withDayOfMonth(1)), key.shop(), key.sku() },
					totals));
		}

		private static void merge(Map<String, Month> into, Object[] key, Totals totals) {
			Month month = into.computeIfAbsent(Arrays.toString(key), text -> new Month(key, new Totals()));
			month.totals().orders += totals.orders;
			month.totals().quantity += totals.quantity;
			month.totals().gross = month.totals().gross.add(totals.gross);
			month.totals().refunds = month.totals().refunds.add(totals.refunds);
		}

		/** Key columns, then orders, (quantity,) gross, refunds. */
		static List<Object[]> rows(Map<String, Month> months, boolean quantity) {
			return months.values().stream().map(month -> {
				Totals totals = month.totals();
				List<Object> row = new ArrayList<>(Arrays.asList(month.key()));
				row.add(totals.orders);
				if (quantity) {
					row.add(totals.quantity);
				}
				row.add(totals.gross);
				row.add(totals.refunds);
				return row.toArray();
			}).toList();
		}

	}

	/** A monthly rollup row's key columns and totals. */
	record Month(Object[] key, Totals totals) {
	}

	/** A paid order as the rollups see it. */
	record Sale(UUID orderId, String countyCode, UUID shopId, LocalDate day, String provinceCode, String cityCode,
			String destinationCode, BigDecimal paid, Lines lines, BigDecimal refunded, boolean cancelled,
			Instant toldAt) {

		/**
		 * The sale of a payment: the paid amount shared among the lines by their amounts
		 * (the last line takes what rounding leaves), so products add up to the orders.
		 */
		static Sale of(OrderPaid payment) {
			List<OrderPaid.Line> lines = payment.lines();
			BigDecimal paid = (payment.paidAmount() != null) ? payment.paidAmount() : BigDecimal.ZERO;
			UUID[] skus = new UUID[lines.size()];
			Integer[] quantities = new Integer[lines.size()];
			BigDecimal[] shares = new BigDecimal[lines.size()];
			BigDecimal total = BigDecimal.ZERO;
			for (OrderPaid.Line line : lines) {
				total = (line.amount() != null) ? total.add(line.amount()) : total;
			}
			BigDecimal left = paid;
			for (int i = 0; i < lines.size(); i++) {
				OrderPaid.Line line = lines.get(i);
				skus[i] = (line.skuId() != null) ? line.skuId() : UNMATCHED;
				quantities[i] = line.quantity();
				if (i == lines.size() - 1) {
					shares[i] = left;
				}
				else {
					BigDecimal amount = (line.amount() != null) ? line.amount() : BigDecimal.ZERO;
					shares[i] = (total.signum() > 0) ? paid.multiply(amount).divide(total, 2, RoundingMode.HALF_EVEN)
							: paid.divide(BigDecimal.valueOf(lines.size()), 2, RoundingMode.DOWN);
					left = left.subtract(shares[i]);
				}
			}
			return new Sale(payment.orderId(), payment.countyCode(), payment.shopId(),
					payment.paidAt().atZone(CHINA).toLocalDate(), blank(payment.provinceCode()),
					blank(payment.cityCode()), blank(payment.destinationCode()), paid,
					new Lines(skus, skus.clone(), quantities, shares), BigDecimal.ZERO, false, payment.occurredAt());
		}

		Sale with(BigDecimal refunded, boolean cancelled) {
			return new Sale(this.orderId, this.countyCode, this.shopId, this.day, this.provinceCode, this.cityCode,
					this.destinationCode, this.paid, this.lines, refunded, cancelled, this.toldAt);
		}

		/**
		 * The sale with the product of each line ({@code products} by SKU), so that an
		 * order counts once for a product whatever number of its SKUs it has.
		 */
		Sale withProducts(Map<UUID, UUID> products) {
			UUID[] skus = this.lines.skuIds();
			UUID[] ids = new UUID[skus.length];
			for (int i = 0; i < skus.length; i++) {
				ids[i] = products.getOrDefault(skus[i], skus[i]);
			}
			return new Sale(this.orderId, this.countyCode, this.shopId, this.day, this.provinceCode, this.cityCode,
					this.destinationCode, this.paid, new Lines(skus, ids, this.lines.quantities(), this.lines.shares()),
					this.refunded, this.cancelled, this.toldAt);
		}

		/**
		 * Whether this telling is older than the one {@code held} was made of (either
		 * unknown: no).
		 */
		boolean toldBefore(Sale held) {
			return this.toldAt != null && held.toldAt() != null && this.toldAt.isBefore(held.toldAt());
		}

		/**
		 * Whether this telling is newer than the one {@code held} was made of (or it has
		 * none).
		 */
		boolean toldLaterThan(Sale held) {
			return this.toldAt != null && (held.toldAt() == null || held.toldAt().isBefore(this.toldAt));
		}

		/** Whether the sale counts now: paid and not cancelled. */
		boolean counts() {
			return this.paid != null && !this.cancelled;
		}

		/** The refunds that count: never more than was paid. */
		BigDecimal countedRefunds() {
			return this.refunded.min(this.paid);
		}

		private static String blank(String code) {
			return (code != null) ? code : "";
		}

	}

	/**
	 * A sale's lines as {@code statistics_sale.lines} keeps them: one value of 44 bytes a
	 * line instead of four arrays (a third less to write for an order of one line, and no
	 * array for the server to read), each line its SKU and its product (16 bytes each, as
	 * {@code uuid_send} writes them), its quantity (4 bytes) and its share of the payment
	 * in cents (8 bytes), big-endian as {@code int4send} and {@code int8send} (V36). The
	 * four arrays are as long as each other; being arrays, they are compared with
	 * {@link #sameAs}, not {@code equals}.
	 */
	record Lines(UUID[] skuIds, UUID[] productIds, Integer[] quantities, BigDecimal[] shares) {

		static final int BYTES = 44;

		/** The value that keeps these lines. */
		byte[] stored() {
			java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(BYTES * this.skuIds.length);
			for (int i = 0; i < this.skuIds.length; i++) {
				out.putLong(this.skuIds[i].getMostSignificantBits()).putLong(this.skuIds[i].getLeastSignificantBits());
				out.putLong(this.productIds[i].getMostSignificantBits())
					.putLong(this.productIds[i].getLeastSignificantBits());
				out.putInt(this.quantities[i]);
				out.putLong(this.shares[i].setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact());
			}
			return out.array();
		}

		/** Whether the other lines are these (shares compared by value, not scale). */
		boolean sameAs(Lines other) {
			return Arrays.equals(this.skuIds, other.skuIds) && Arrays.equals(this.productIds, other.productIds)
					&& Arrays.equals(this.quantities, other.quantities)
					&& Arrays.compare(this.shares, other.shares, BigDecimal::compareTo) == 0;
		}

		/** The lines a row keeps (none in a row without payment). */
		static Lines of(byte[] stored) {
			if (stored != null && stored.length % BYTES != 0) {
				throw new IllegalStateException("a sale's lines of " + stored.length + " bytes are no whole lines");
			}
			int count = (stored != null) ? stored.length / BYTES : 0;
			Lines lines = new Lines(new UUID[count], new UUID[count], new Integer[count], new BigDecimal[count]);
			if (count > 0) {
				java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(stored);
				for (int i = 0; i < count; i++) {
					lines.skuIds[i] = new UUID(in.getLong(), in.getLong());
					lines.productIds[i] = new UUID(in.getLong(), in.getLong());
					lines.quantities[i] = in.getInt();
					lines.shares[i] = BigDecimal.valueOf(in.getLong(), 2);
				}
			}
			return lines;
		}

	}

	record SalesKey(String county, LocalDate day, UUID shop, String province, String city, String destination) {
	}

	record ProductKey(String county, LocalDate day, UUID shop, UUID sku) {
	}

	static final class Totals {

		int orders;

		long quantity;

		BigDecimal gross = BigDecimal.ZERO;

		BigDecimal refunds = BigDecimal.ZERO;

	}

	/** What a chunk of moves changes in the rollups, by key in a fixed order. */
	static final class Deltas {

		final Map<SalesKey, Totals> sales = new TreeMap<>(Comparator.comparing(SalesKey::county)
			.thenComparing(SalesKey::day)
			.thenComparing(SalesKey::shop)
			.thenComparing(SalesKey::province)
			.thenComparing(SalesKey::city)
			.thenComparing(SalesKey::destination));

		final Map<ProductKey, Totals> products = new TreeMap<>(Comparator.comparing(ProductKey::county)
			.thenComparing(ProductKey::day)
			.thenComparing(ProductKey::shop)
			.thenComparing(ProductKey::sku));

		/** The same deltas summed by month. */
		Months months() {
			Months months = new Months();
			months.add(this);
			return months;
		}

		/** Adds (sign 1) or takes off (sign -1) what a sale counts for. */
		void add(Sale sale, int sign) {
			if (!sale.counts()) {
				return;
			}
			BigDecimal signed = BigDecimal.valueOf(sign);
			BigDecimal refunds = sale.countedRefunds();
			Totals order = this.sales.computeIfAbsent(new SalesKey(sale.countyCode(), sale.day(), sale.shopId(),
					sale.provinceCode(), sale.cityCode(), sale.destinationCode()), key -> new Totals());
			order.orders += sign;
			order.gross = order.gross.add(sale.paid().multiply(signed));
			order.refunds = order.refunds.add(refunds.multiply(signed));
			BigDecimal refundLeft = refunds;
			List<UUID> counted = new ArrayList<>();
			Lines lines = sale.lines();
			for (int i = 0; i < lines.skuIds().length; i++) {
				Totals product = this.products.computeIfAbsent(
						new ProductKey(sale.countyCode(), sale.day(), sale.shopId(), lines.skuIds()[i]),
						key -> new Totals());
				// an order counts once per product (on its first SKU of it)
				if (!counted.contains(lines.productIds()[i])) {
					product.orders += sign;
					counted.add(lines.productIds()[i]);
				}
				product.quantity += (long) sign * lines.quantities()[i];
				product.gross = product.gross.add(lines.shares()[i].multiply(signed));
				BigDecimal refundShare = (i == lines.skuIds().length - 1) ? refundLeft
						: (sale.paid().signum() > 0)
								? refunds.multiply(lines.shares()[i]).divide(sale.paid(), 2, RoundingMode.HALF_EVEN)
								: BigDecimal.ZERO;
				refundLeft = refundLeft.subtract(refundShare);
				product.refunds = product.refunds.add(refundShare.multiply(signed));
			}
		}

		@Override
		public String toString() {
			return "Deltas" + Arrays.asList(this.sales.size(), this.products.size());
		}

	}

}

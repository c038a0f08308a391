package org.farmgate.orders;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.farmgate.BinaryCopy;
import org.farmgate.registry.Platform;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders read and written many at a time, for import chunks: one query each for the
 * orders, their lines and their histories; new orders and the lines and histories of
 * changed ones written with PostgreSQL's COPY in binary; changed orders updated from a
 * staging table in one statement that checks each one's version (an order changed
 * meanwhile fails the whole chunk, which is then taken order by order). Reads and writes
 * the same rows as the {@link OrderRepository}, which serves single orders.
 */
@Component
class OrderRows {

	/** The columns of {@code orders_order} in the order of {@link Order#columns(int)}. */
	static final String ORDER_COLUMNS = "id, county_code, organisation_id, shop_id, platform, platform_order_no,"
			+ " buyer_nickname, buyer_message, seller_memo, created_at, paid_at, shipped_at, completed_at, status,"
			+ " after_sale, holds, goods_amount, shipping_fee, discount, paid_amount, refunded_amount,"
			+ " recipient_name, recipient_phone, raw_address, province_code, city_code, destination_code,"
			+ " destination_status, first_seen_at, updated_at";

	private static final String LINE_COLUMNS = "order_id, line_key, item_id, platform_sku_id, merchant_code, title,"
			+ " sku_id, quantity, unit_price, amount, reserved";

	private static final String HISTORY_COLUMNS = "order_id, position, from_status, to_status, after_sale,"
			+ " occurred_at, source, source_ref";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	OrderRows(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** The stored orders of the shop with these numbers, by number, whole. */
	Map<String, Order> load(UUID shopId, Collection<String> platformOrderNos) {
		Map<String, Order> found = new HashMap<>();
		if (platformOrderNos.isEmpty()) {
			return found;
		}
		List<Order> orders = this.jdbc
			.sql("SELECT " + ORDER_COLUMNS
					+ ", version FROM orders_order WHERE shop_id = ? AND platform_order_no = ANY(?)")
			.params(shopId, platformOrderNos.toArray(String[]::new))
			.query(OrderRows::order)
			.list();
		withLinesAndHistory(orders).forEach(order -> found.put(order.platformOrderNo(), order));
		return found;
	}

	/** The stored orders with these ids, whole. */
	List<Order> loadByIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return withLinesAndHistory(
				this.jdbc.sql("SELECT " + ORDER_COLUMNS + ", version FROM orders_order WHERE id = ANY(?)")
					.param(ids.toArray(UUID[]::new))
					.query(OrderRows::order)
					.list());
	}

	/** The orders with their lines and histories read in two queries. */
	private List<Order> withLinesAndHistory(List<Order> orders) {
		if (orders.isEmpty()) {
			return orders;
		}
		Map<UUID, Order> byId = new HashMap<>();
		orders.forEach(order -> byId.put(order.id(), order));
		UUID[] ids = byId.keySet().toArray(UUID[]::new);
		Map<UUID, Map<String, OrderLine>> lines = new HashMap<>();
		this.jdbc.sql("SELECT " + LINE_COLUMNS + " FROM orders_order_line WHERE order_id = ANY(?)")
			.param(ids)
			.query((RowCallbackHandler) rs -> lines
				.computeIfAbsent(rs.getObject(1, UUID.class), id -> new LinkedHashMap<>())
				.put(rs.getString(2),
						new OrderLine(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
								rs.getObject(7, UUID.class), rs.getInt(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
								rs.getBoolean(11))));
		Map<UUID, List<StatusChange>> history = new HashMap<>();
		this.jdbc
			.sql("SELECT " + HISTORY_COLUMNS
					+ " FROM orders_status_change WHERE order_id = ANY(?) ORDER BY order_id, position")
			.param(ids)
			.query((RowCallbackHandler) rs -> history
				.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
				.add(new StatusChange(status(rs.getString(3)), status(rs.getString(4)),
						AfterSaleStatus.valueOf(rs.getString(5)), instant(rs.getTimestamp(6)),
						StatusChange.ChangeSource.valueOf(rs.getString(7)), rs.getString(8))));
		byId.forEach(
				(id, order) -> order.loaded(lines.getOrDefault(id, Map.of()), history.getOrDefault(id, List.of())));
		return orders;
	}

	/**
	 * Writes new orders (not stored yet) and changed stored ones, with their lines and
	 * histories, in the caller's transaction.
	 * @throws OptimisticLockingFailureException when a stored order changed meanwhile
	 */
	void write(List<Order> created, List<Order> changed) {
		// the template lends the transaction's connection and translates what fails
		this.template.execute((ConnectionCallback<Void>) connection -> {
			if (!changed.isEmpty()) {
				update(connection, changed);
			}
			if (!created.isEmpty()) {
				try (BinaryCopy rows = BinaryCopy.into(connection, "orders_order (" + ORDER_COLUMNS + ", version)")) {
					for (Order order : created) {
						rows.row(order.columns(0));
					}
				}
			}
			List<Order> all = new ArrayList<>(created.size() + changed.size());
			all.addAll(created);
			all.addAll(changed);
			try (BinaryCopy lines = BinaryCopy.into(connection, "orders_order_line (" + LINE_COLUMNS + ")")) {
				for (Order order : all) {
					for (Map.Entry<String, OrderLine> entry : order.lines().entrySet()) {
						OrderLine line = entry.getValue();
						lines.row(order.id(), entry.getKey(), line.itemId(), line.platformSkuId(), line.merchantCode(),
								line.title(), line.skuId(), line.quantity(), line.unitPrice(), line.amount(),
								line.reserved());
					}
				}
			}
			try (BinaryCopy history = BinaryCopy.into(connection, "orders_status_change (" + HISTORY_COLUMNS + ")")) {
				for (Order order : all) {
					List<StatusChange> changes = order.history();
					for (int position = 0; position < changes.size(); position++) {
						StatusChange change = changes.get(position);
						history.row(order.id(), position, change.fromStatus(), change.toStatus(), change.afterSale(),
								change.occurredAt(), change.source(), change.sourceRef());
					}
				}
			}
			return null;
		});
	}

	/**
	 * Stored orders that changed: their rows updated from a staging table where the
	 * version is still the one read, their lines and histories removed to be written
	 * again.
	 */
	private void update(Connection connection, List<Order> changed) throws SQLException {
		try (var statement = connection.createStatement()) {
			statement.execute("CREATE TEMP TABLE IF NOT EXISTS orders_staging"
					+ " (LIKE orders_order INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
		}
		try (BinaryCopy rows = BinaryCopy.into(connection, "orders_staging (" + ORDER_COLUMNS + ", version)")) {
			for (Order order : changed) {
				rows.row(order.columns(order.version()));
			}
		}
		int updated = this.jdbc.sql("""
				UPDATE orders_order o SET buyer_nickname = s.buyer_nickname, buyer_message = s.buyer_message,
				       seller_memo = s.seller_memo, created_at = s.created_at, paid_at = s.paid_at,
				       shipped_at = s.shipped_at, completed_at = s.completed_at, status = s.status,
				       after_sale = s.after_sale, holds = s.holds, goods_amount = s.goods_amount,
				       shipping_fee = s.shipping_fee, discount = s.discount, paid_amount = s.paid_amount,
				       refunded_amount = s.refunded_amount, recipient_name = s.recipient_name,
				       recipient_phone = s.recipient_phone, raw_address = s.raw_address,
				       province_code = s.province_code, city_code = s.city_code,
				       destination_code = s.destination_code, destination_status = s.destination_status,
				       updated_at = s.updated_at, version = o.version + 1
				FROM orders_staging s WHERE o.id = s.id AND o.version = s.version""").update();
		if (updated != changed.size()) {
			throw new OptimisticLockingFailureException(
					(changed.size() - updated) + " of the chunk's orders changed while it was taken");
		}
		UUID[] ids = changed.stream().map(Order::id).toArray(UUID[]::new);
		this.jdbc.sql("DELETE FROM orders_order_line WHERE order_id = ANY(?)").param(ids).update();
		this.jdbc.sql("DELETE FROM orders_status_change WHERE order_id = ANY(?)").param(ids).update();
	}

	private static Order order(ResultSet rs, int row) throws SQLException {
		return new Order(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
				rs.getObject(4, UUID.class), Platform.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
				rs.getString(8), rs.getString(9), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)),
				instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)), OrderStatus.valueOf(rs.getString(14)),
				AfterSaleStatus.valueOf(rs.getString(15)), rs.getString(16), rs.getBigDecimal(17), rs.getBigDecimal(18),
				rs.getBigDecimal(19), rs.getBigDecimal(20), rs.getBigDecimal(21), rs.getString(22), rs.getString(23),
				rs.getString(24), rs.getString(25), rs.getString(26), rs.getString(27), rs.getString(28),
				instant(rs.getTimestamp(29)), instant(rs.getTimestamp(30)), Map.of(), List.of(), rs.getInt(31));
	}

	private static OrderStatus status(String name) {
		return (name != null) ? OrderStatus.valueOf(name) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}

package org.farmgate.orders;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.farmgate.registry.Platform;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells every paid order again as {@link OrdersRestated} events, in chunks: how a module
 * that learns from order events (the statistics) catches up with orders taken before it
 * listened, or with orders the demo wrote directly.
 */
@Component
public class OrderHistory {

	static final int CHUNK = 2_000;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	OrderHistory(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = transactions;
	}

	/**
	 * Publishes every order that was ever paid, {@value #CHUNK} to an event, each chunk
	 * in its own transaction.
	 * @return how many orders were told
	 */
	public int restate() {
		UUID after = new UUID(0, 0);
		int told = 0;
		while (true) {
			UUID from = after;
			List<Row> rows = this.jdbc
				.sql("""
						SELECT id, platform_order_no, shop_id, organisation_id, county_code, platform, paid_amount,
						       province_code, city_code, destination_code, coalesce(paid_at, created_at), status, after_sale,
						       refunded_amount, updated_at
						FROM orders_order
						WHERE id > ? AND (paid_at IS NOT NULL OR status NOT IN ('PENDING_PAYMENT', 'CANCELLED'))
						ORDER BY id
						LIMIT ?""")
				.params(from, CHUNK)
				.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
						rs.getObject(4, UUID.class), rs.getString(5), Platform.valueOf(rs.getString(6)),
						rs.getBigDecimal(7), rs.getString(8), rs.getString(9), rs.getString(10),
						instant(rs.getTimestamp(11)), rs.getString(12), rs.getString(13), rs.getBigDecimal(14),
						instant(rs.getTimestamp(15))))
				.list();
			if (rows.isEmpty()) {
				return told;
			}
			this.transactions.executeWithoutResult(status -> this.events.publishEvent(restated(rows)));
			told += rows.size();
			after = rows.get(rows.size() - 1).id();
		}
	}

	private OrdersRestated restated(List<Row> rows) {
		Map<UUID, List<OrderPaid.Line>> lines = new HashMap<>();
		this.jdbc.sql("""
				SELECT order_id, sku_id, quantity, amount FROM orders_order_line
				WHERE order_id = ANY(?) ORDER BY order_id, line_key""")
			.param(rows.stream().map(Row::id).toArray(UUID[]::new))
			.query(rs -> {
				lines.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
					.add(new OrderPaid.Line(rs.getObject(2, UUID.class), rs.getInt(3), rs.getBigDecimal(4)));
			});
		List<OrderPaid> paid = new ArrayList<>(rows.size());
		List<OrderCancelled> cancelled = new ArrayList<>();
		List<OrderRefunded> refunded = new ArrayList<>();
		for (Row row : rows) {
			Instant paidAt = (row.paidAt() != null) ? row.paidAt() : row.updatedAt();
			paid.add(new OrderPaid(row.id(), row.platformOrderNo(), row.shopId(), row.organisationId(),
					row.countyCode(), row.platform(), row.paidAmount(), row.provinceCode(), row.cityCode(),
					row.destinationCode(), paidAt, lines.getOrDefault(row.id(), List.of()), row.updatedAt()));
			if (OrderStatus.CANCELLED.name().equals(row.status())) {
				cancelled.add(new OrderCancelled(row.id(), row.shopId(), row.organisationId(), row.countyCode(), true,
						row.updatedAt()));
			}
			if (AfterSaleStatus.valueOf(row.afterSale()).refunded()) {
				refunded.add(new OrderRefunded(row.id(), row.shopId(), row.organisationId(), row.countyCode(),
						row.refundedAmount(), row.updatedAt()));
			}
		}
		return new OrdersRestated(UUID.randomUUID(), paid, cancelled, refunded);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record Row(UUID id, String platformOrderNo, UUID shopId, UUID organisationId, String countyCode,
			Platform platform, BigDecimal paidAmount, String provinceCode, String cityCode, String destinationCode,
			Instant paidAt, String status, String afterSale, BigDecimal refundedAmount, Instant updatedAt) {
	}

}

package org.farmgate.storefront;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.farmgate.logistics.TrackingManagement;
import org.farmgate.orders.OrderFulfilment;
import org.farmgate.orders.ShippableOrder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order tracking for buyers without an account: an order is found by its number and the
 * recipient's phone. Guessing is limited: 10 lookups per 10 minutes from one client, and
 * 5 failed lookups of one order number per hour (counted under an advisory lock of the
 * client, so that parallel requests cannot all pass); every lookup is kept for that count
 * (never the phone typed).
 */
@Service
public class OrderTracking {

	static final int PER_CLIENT = 10;

	static final Duration CLIENT_WINDOW = Duration.ofMinutes(10);

	static final int FAILED_PER_ORDER = 5;

	static final Duration ORDER_WINDOW = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final OrderFulfilment fulfilment;

	private final TrackingManagement tracking;

	private final Clock clock;

	OrderTracking(JdbcClient jdbc, OrderFulfilment fulfilment, TrackingManagement tracking, Clock clock) {
		this.jdbc = jdbc;
		this.fulfilment = fulfilment;
		this.tracking = tracking;
		this.clock = clock;
	}

	/**
	 * The order with this number whose recipient has this phone; empty when none.
	 * @throws StorefrontException when the client or the order number asked too often
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = StorefrontException.class)
	public Optional<TrackedOrder> find(String client, String orderNo, String phone) {
		String number = (orderNo == null) ? "" : orderNo.strip().toUpperCase(java.util.Locale.ROOT);
		String digits = (phone == null) ? "" : phone.replaceAll("[\\s-]", "");
		String who = (client == null || client.isBlank()) ? "unknown" : client.strip();
		if (who.length() > 80) {
			who = who.substring(0, 80);
		}
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('storefront-lookup:' || ?, 0))")
			.param(who)
			.query()
			.singleValue();
		Instant now = this.clock.instant();
		int recent = this.jdbc.sql("SELECT count(*) FROM storefront_lookup WHERE client = ? AND looked_at > ?")
			.params(who, Timestamp.from(now.minus(CLIENT_WINDOW)))
			.query(Integer.class)
			.single();
		int failed = this.jdbc
			.sql("SELECT count(*) FROM storefront_lookup WHERE order_no = ? AND NOT found AND looked_at > ?")
			.params(clip(number), Timestamp.from(now.minus(ORDER_WINDOW)))
			.query(Integer.class)
			.single();
		if (recent >= PER_CLIENT || failed >= FAILED_PER_ORDER) {
			throw StorefrontException.because("storefront.track.too-many");
		}
		Optional<Object[]> row = number.matches("LS[0-9]{13}") && digits.matches("1[3-9][0-9]{9}") ? this.jdbc.sql("""
				SELECT order_id, goods_fen, shipping_fen, created_at FROM storefront_order
				 WHERE order_no = ? AND phone_digest = ?
				""")
			.params(number, CheckoutManagement.digest(number, digits))
			.query((rs,
					n) -> new Object[] { rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3),
							rs.getTimestamp(4).toInstant() })
			.optional() : Optional.empty();
		this.jdbc.sql("INSERT INTO storefront_lookup (client, order_no, found, looked_at) VALUES (?, ?, ?, ?)")
			.params(who, clip(number), row.isPresent(), Timestamp.from(now))
			.update();
		return row
			.flatMap(found -> tracked(number, (UUID) found[0], (Long) found[1], (Long) found[2], (Instant) found[3]));
	}

	/** The order again, for a buyer who found it already in this browser session. */
	@Transactional(readOnly = true)
	public Optional<TrackedOrder> again(String orderNo) {
		return this.jdbc.sql("""
				SELECT order_id, goods_fen, shipping_fen, created_at FROM storefront_order WHERE order_no = ?
				""")
			.param(orderNo)
			.query((rs,
					n) -> new Object[] { rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3),
							rs.getTimestamp(4).toInstant() })
			.optional()
			.flatMap(found -> tracked(orderNo, (UUID) found[0], (Long) found[1], (Long) found[2], (Instant) found[3]));
	}

	private Optional<TrackedOrder> tracked(String orderNo, UUID orderId, long goods, long shipping, Instant at) {
		Optional<ShippableOrder> order = this.fulfilment.order(orderId);
		if (order.isEmpty()) {
			return Optional.empty();
		}
		Set<String> reviewed = Set.copyOf(this.jdbc.sql("SELECT line_key FROM storefront_review WHERE order_no = ?")
			.param(orderNo)
			.query(String.class)
			.list());
		List<TrackedOrder.Line> lines = order.get()
			.lines()
			.stream()
			.map(line -> new TrackedOrder.Line(line.lineKey(), line.title(), line.quantity(),
					reviewed.contains(line.lineKey())))
			.toList();
		return Optional
			.of(new TrackedOrder(orderNo, order.get().status(), at, lines, BigDecimal.valueOf(goods).movePointLeft(2),
					BigDecimal.valueOf(shipping).movePointLeft(2), this.tracking.eventsOfOrder(orderId)));
	}

	private static String clip(String text) {
		return (text.length() > 40) ? text.substring(0, 40) : text;
	}

}

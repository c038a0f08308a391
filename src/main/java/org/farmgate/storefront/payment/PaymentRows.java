package org.farmgate.storefront.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code storefront_payment} and {@code storefront_payment_notification} rows.
 */
@Component
class PaymentRows {

	private static final String COLUMNS = "id, checkout_id, order_no, method, amount_fen, status, description, "
			+ "return_url, created_at, paid_at, buyer_choice";

	private final JdbcClient jdbc;

	PaymentRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID checkoutId, String orderNo, PaymentMethod method, long amountFen, String description,
			String returnUrl, Instant createdAt) {
		this.jdbc.sql("""
				INSERT INTO storefront_payment (id, checkout_id, order_no, method, amount_fen, status, description,
				  return_url, created_at)
				VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
			.params(id, checkoutId, orderNo, method.name(), amountFen, description, returnUrl,
					Timestamp.from(createdAt))
			.update();
	}

	Optional<PaymentView> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM storefront_payment WHERE id = ?")
			.param(id)
			.query(PaymentRows::view)
			.optional();
	}

	/** The payment, its row locked until the end of the caller's transaction. */
	Optional<PaymentView> lock(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM storefront_payment WHERE id = ? FOR UPDATE")
			.param(id)
			.query(PaymentRows::view)
			.optional();
	}

	/** A checkout's payment: the paid one if any, otherwise the latest. */
	Optional<PaymentView> ofCheckout(UUID checkoutId) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM storefront_payment WHERE checkout_id = ?
				ORDER BY (status = 'PAID') DESC, created_at DESC, id LIMIT 1""")
			.param(checkoutId)
			.query(PaymentRows::view)
			.optional();
	}

	/** Online payments still pending that were started before this time, oldest first. */
	java.util.List<PaymentView> pendingOnlineBefore(Instant before, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM storefront_payment WHERE method = 'ONLINE'"
					+ " AND status = 'PENDING' AND created_at < ? ORDER BY created_at LIMIT ?")
			.params(java.sql.Timestamp.from(before), limit)
			.query(PaymentRows::view)
			.list();
	}

	/** The bank transfers a county waits for, oldest first (at most 200). */
	java.util.List<PaymentView> awaitedTransfers(String county) {
		return this.jdbc.sql("SELECT " + COLUMNS.replaceAll("(^|, )", "$1p.") + " " + """
				FROM storefront_payment p JOIN storefront_checkout c ON c.id = p.checkout_id
				WHERE c.county_code = ? AND p.method = 'BANK_TRANSFER' AND p.status = 'AWAITING_TRANSFER'
				ORDER BY p.created_at LIMIT 200""").param(county).query(PaymentRows::view).list();
	}

	/** Whether the payment belongs to a checkout of the county. */
	boolean ofCounty(UUID id, String county) {
		return this.jdbc.sql("""
				SELECT count(*) FROM storefront_payment p JOIN storefront_checkout c ON c.id = p.checkout_id
				 WHERE p.id = ? AND c.county_code = ?""").params(id, county).query(Long.class).single() > 0;
	}

	boolean anyPaid(UUID checkoutId) {
		return this.jdbc.sql("SELECT count(*) FROM storefront_payment WHERE checkout_id = ? AND status = 'PAID'")
			.param(checkoutId)
			.query(Long.class)
			.single() > 0;
	}

	void status(UUID id, PaymentStatus status, Instant paidAt) {
		this.jdbc.sql("UPDATE storefront_payment SET status = ?, paid_at = ? WHERE id = ?")
			.params(status.name(), (paidAt != null) ? Timestamp.from(paidAt) : null, id)
			.update();
	}

	/**
	 * Records the buyer's choice on the gateway's page, once, while the payment waits.
	 * @return whether this call recorded it
	 */
	boolean choose(UUID id, String choice) {
		return this.jdbc.sql("""
				UPDATE storefront_payment SET buyer_choice = ?
				WHERE id = ? AND method = 'ONLINE' AND status = 'PENDING' AND buyer_choice IS NULL""")
			.params(choice, id)
			.update() == 1;
	}

	/**
	 * @return whether the notification is new (false: it was taken before)
	 */
	boolean notification(String notificationId, UUID paymentId, String result, Instant receivedAt) {
		return this.jdbc.sql("""
				INSERT INTO storefront_payment_notification (notification_id, payment_id, result, received_at)
				VALUES (?, ?, ?, ?) ON CONFLICT (notification_id) DO NOTHING""")
			.params(notificationId, paymentId, result, Timestamp.from(receivedAt))
			.update() == 1;
	}

	private static PaymentView view(ResultSet rs, int row) throws SQLException {
		Timestamp paidAt = rs.getTimestamp("paid_at");
		return new PaymentView(rs.getObject("id", UUID.class), rs.getObject("checkout_id", UUID.class),
				rs.getString("order_no"), PaymentMethod.valueOf(rs.getString("method")), rs.getLong("amount_fen"),
				PaymentStatus.valueOf(rs.getString("status")), rs.getString("description"), rs.getString("return_url"),
				rs.getTimestamp("created_at").toInstant(), (paidAt != null) ? paidAt.toInstant() : null,
				rs.getString("buyer_choice"));
	}

}

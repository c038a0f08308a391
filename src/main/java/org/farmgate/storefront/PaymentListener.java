package org.farmgate.storefront;

import java.util.UUID;

import org.farmgate.orders.LocalOrders;
import org.farmgate.storefront.payment.PaymentFailed;
import org.farmgate.storefront.payment.PaymentReceived;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When an online payment arrives, the checkout's orders move to PAID in the inboxes
 * (their units were reserved at checkout).
 */
@Component
class PaymentListener {

	private final JdbcClient jdbc;

	private final LocalOrders orders;

	PaymentListener(JdbcClient jdbc, LocalOrders orders) {
		this.jdbc = jdbc;
		this.orders = orders;
	}

	@ApplicationModuleListener
	void on(PaymentReceived payment) {
		for (UUID order : this.jdbc.sql("SELECT order_id FROM storefront_order WHERE checkout_id = ?")
			.param(payment.checkoutId())
			.query(UUID.class)
			.list()) {
			this.orders.paid(order, "payment:" + payment.paymentId());
		}
	}

	@ApplicationModuleListener
	void on(PaymentFailed payment) {
		for (UUID order : this.jdbc.sql("SELECT order_id FROM storefront_order WHERE checkout_id = ?")
			.param(payment.checkoutId())
			.query(UUID.class)
			.list()) {
			this.orders.cancel(order, "payment:" + payment.paymentId());
		}
	}

}

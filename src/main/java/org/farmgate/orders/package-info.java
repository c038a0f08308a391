/**
 * Orders: one inbox for every marketplace. The unified lifecycle (status moving only
 * forward, after-sale state, hold reasons); the channel readers ({@code orders.channels})
 * for Taobao/Tmall, JD, Pinduoduo and Douyin exports; import jobs; orders sent through
 * the API (with an Idempotency-Key) and signed webhooks; line matching through the
 * catalog's listings, address resolution, stock reserved when paid; live alerts to open
 * inboxes. Owns {@code orders_order}, {@code orders_order_line},
 * {@code orders_status_change}, {@code orders_import_job}, {@code orders_import_file} and
 * {@code orders_idempotency}. Publishes {@link org.farmgate.orders.OrderPaid},
 * {@link org.farmgate.orders.OrderShipped}, {@link org.farmgate.orders.OrderCompleted},
 * {@link org.farmgate.orders.OrderCancelled} and
 * {@link org.farmgate.orders.OrderRefunded}; listens to its own OrderPaid for alerts.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "accounts", "registry", "catalog", "geo", "uploads", "web" })
package org.farmgate.orders;

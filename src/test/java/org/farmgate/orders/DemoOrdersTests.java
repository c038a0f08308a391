package org.farmgate.orders;

import org.farmgate.FarmgateTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo orders, written with COPY in binary (which checks only each value's length),
 * read back with every value in its own column: each order placed in the past, with its
 * line and its first status change agreeing with it (the demo's logistics may have moved
 * the latest on since).
 */
@FarmgateTest
class DemoOrdersTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyDemoOrderReadsBackWithEachValueInItsColumnAndItsLineAndHistoryAgreeing() {
		long orders = count(
				"""
						SELECT count(*) FROM orders_order o
						WHERE EXISTS (SELECT 1 FROM orders_status_change h WHERE h.order_id = o.id AND h.source_ref = 'demo')""");
		assertThat(orders).as("demo orders written").isGreaterThan(100);

		assertThat(count("""
				SELECT count(*) FROM orders_order o
				JOIN orders_order_line l ON l.order_id = o.id
				JOIN orders_status_change h ON h.order_id = o.id
				WHERE h.source_ref = 'demo' AND h.position = 0
				  AND o.platform_order_no LIKE left(o.platform, 2) || '26%'
				  AND o.buyer_nickname LIKE 'buyer%' AND o.recipient_name LIKE '顾客%'
				  AND o.recipient_phone ~ '^1[0-9]{10}$'
				  AND (o.paid_at IS NULL OR o.paid_at = o.created_at + interval '60 seconds')
				  AND o.goods_amount = o.paid_amount AND o.paid_amount > 0
				  AND (o.refunded_amount IS NULL OR o.refunded_amount = o.paid_amount)
				  AND o.province_code LIKE '__0000' AND o.city_code LIKE '____00'
				  AND o.destination_code ~ '^[0-9]{6}$' AND left(o.destination_code, 2) = left(o.province_code, 2)
				  AND o.raw_address <> '' AND o.raw_address !~ '^[0-9]+$'
				  AND o.destination_status = 'OK' AND o.created_at <= o.first_seen_at
				  AND o.first_seen_at <= o.updated_at
				  AND l.line_key = '1' AND l.sku_id IS NOT NULL AND l.quantity BETWEEN 1 AND 4
				  AND l.merchant_code = (SELECT k.merchant_code FROM catalog_sku k WHERE k.id = l.sku_id)
				  AND l.amount = l.unit_price * l.quantity AND l.amount = o.paid_amount AND NOT l.reserved
				  AND h.from_status IS NULL AND h.to_status IN ('PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED')
				  AND h.after_sale = o.after_sale AND h.occurred_at = o.created_at AND h.source = 'IMPORT'"""))
			.as("every one whole, placed before it was written, each value where it belongs")
			.isEqualTo(orders);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}

package org.farmgate.storefront;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.farmgate.logistics.TrackingEventView;
import org.farmgate.orders.OrderStatus;

/**
 * A storefront order as its buyer follows it: status, lines, amounts, its parcels' trace,
 * and which lines the buyer may still review (once delivered).
 */
public record TrackedOrder(String orderNo, OrderStatus status, Instant placedAt, List<Line> lines, BigDecimal goods,
		BigDecimal shipping, List<TrackingEventView> events) {

	/** Whether the buyer may review its lines now. */
	public boolean reviewable() {
		return this.status == OrderStatus.DELIVERED || this.status == OrderStatus.COMPLETED;
	}

	/** A line, and whether the buyer reviewed it already. */
	public record Line(String lineKey, String title, int quantity, boolean reviewed) {
	}

}

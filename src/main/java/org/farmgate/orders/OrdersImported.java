package org.farmgate.orders;

import java.util.List;
import java.util.UUID;

/**
 * A chunk of an import job taken: the moves its orders made, as the same events a single
 * order's moves publish, gathered so that a listener takes thousands at once instead of
 * one publication each. {@code (importJobId, chunk)} identifies it; a chunk taken again
 * after a restart makes no moves a second time (its orders are then unchanged).
 */
public record OrdersImported(UUID importJobId, int chunk, UUID shopId, UUID organisationId, String countyCode,
		List<OrderPaid> paid, List<OrderShipped> shipped, List<OrderCompleted> completed,
		List<OrderCancelled> cancelled, List<OrderRefunded> refunded) {

	/** How many moves the chunk made. */
	public int size() {
		return this.paid.size() + this.shipped.size() + this.completed.size() + this.cancelled.size()
				+ this.refunded.size();
	}

}

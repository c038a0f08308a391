package org.farmgate.orders;

import java.util.List;
import java.util.UUID;

/**
 * Orders as they stand, told again: by {@link OrderHistory} for a listener that starts
 * late or rebuilds what it keeps (each paid order's payment, and its cancellation or
 * refund when it had one), and when looking again at held orders matched their lines (the
 * payments of those that were paid). {@code id} identifies the publication. Not a move:
 * nothing else (alerts, logistics) reacts to it.
 */
public record OrdersRestated(UUID id, List<OrderPaid> paid, List<OrderCancelled> cancelled,
		List<OrderRefunded> refunded) {
}

package org.farmgate.orders;

/**
 * The unified order status of every channel. It moves only forward (PENDING_PAYMENT →
 * PAID → PARTIALLY_SHIPPED → SHIPPED → DELIVERED → COMPLETED), or to CANCELLED before
 * shipping; a later file carrying an older status does not move an order back.
 */
public enum OrderStatus {

	PENDING_PAYMENT(0), PAID(1), PARTIALLY_SHIPPED(2), SHIPPED(3), DELIVERED(4), COMPLETED(5), CANCELLED(6);

	private final int rank;

	OrderStatus(int rank) {
		this.rank = rank;
	}

	/** Whether an order in this status may move to the other one. */
	public boolean canMoveTo(OrderStatus next) {
		if (next == this) {
			return false;
		}
		if (this == CANCELLED || this == COMPLETED) {
			return false;
		}
		if (next == CANCELLED) {
			// once goods left, an order ends through its after-sale state, not by
			// cancelling
			return this == PENDING_PAYMENT || this == PAID;
		}
		return next.rank > this.rank;
	}

	/** Whether a report of this status is older than (behind) the given one. */
	public boolean behind(OrderStatus current) {
		return this != current && !current.canMoveTo(this);
	}

	/** Whether the buyer has paid (and the order counts as a sale unless refunded). */
	public boolean paid() {
		return this != PENDING_PAYMENT && this != CANCELLED;
	}

	/** Whether goods have left. */
	public boolean shipped() {
		return this == PARTIALLY_SHIPPED || this == SHIPPED || this == DELIVERED || this == COMPLETED;
	}

}

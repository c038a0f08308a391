package org.farmgate.catalog;

/**
 * A reservation is HELD for an order line until it is RELEASED (the order was cancelled
 * or refunded) or COMMITTED (the goods were shipped); both are final.
 */
public enum ReservationState {

	HELD, RELEASED, COMMITTED;

	public boolean canMoveTo(ReservationState next) {
		return this == HELD && next != HELD;
	}

}

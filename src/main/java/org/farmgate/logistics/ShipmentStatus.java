package org.farmgate.logistics;

/**
 * Where a parcel stands for the merchant: packed (label printed, not handed over yet),
 * shipped (its orders moved on), delivered, returned, or cancelled before it left.
 */
public enum ShipmentStatus {

	PACKED, SHIPPED, DELIVERED, RETURNED, CANCELLED;

	/**
	 * Moves go forward only: a packed parcel ships or is cancelled, a shipped one ends.
	 */
	public boolean canMoveTo(ShipmentStatus next) {
		return switch (this) {
			case PACKED -> next == SHIPPED || next == CANCELLED;
			case SHIPPED -> next == DELIVERED || next == RETURNED;
			default -> false;
		};
	}

	/** Whether the parcel counts for its orders' lines (everything but cancelled). */
	public boolean live() {
		return this != CANCELLED;
	}

}

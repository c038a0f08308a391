package org.farmgate.orders;

/**
 * The after-sale state, apart from the status because platforms allow "shipped and
 * refunded" as a final state.
 */
public enum AfterSaleStatus {

	NONE(0), REFUND_REQUESTED(1), RETURNING(2), REFUNDED_PARTIAL(3), REFUNDED(4), REJECTED(4), EXCHANGED(4);

	private final int rank;

	AfterSaleStatus(int rank) {
		this.rank = rank;
	}

	/** Whether the state may move to the other one: only further on, never back. */
	public boolean canMoveTo(AfterSaleStatus next) {
		return next.rank > this.rank;
	}

	/** Whether money went back to the buyer (all of it, or part). */
	public boolean refunded() {
		return this == REFUNDED || this == REFUNDED_PARTIAL;
	}

}

package org.farmgate.orders;

/**
 * The after-sale state, apart from the status because platforms allow "shipped and
 * refunded" as a final state.
 */
public enum AfterSaleStatus {

	NONE, REFUND_REQUESTED, RETURNING, REFUNDED_PARTIAL, REFUNDED, REJECTED, EXCHANGED;

	/** Whether the after-sale state is settled (no further move expected). */
	public boolean settled() {
		return this == REFUNDED || this == REJECTED || this == EXCHANGED;
	}

}

package org.farmgate.catalog;

/**
 * Why stock on hand changed: goods received, a stock count, damage, expiry, a return, a
 * shipment (a committed reservation), or another reason given in the note.
 */
public enum AdjustmentReason {

	RECEIVED, COUNTED, DAMAGED, EXPIRED, RETURNED, SHIPPED, OTHER

}

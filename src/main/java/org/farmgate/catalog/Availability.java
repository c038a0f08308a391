package org.farmgate.catalog;

/**
 * Whether a SKU can be bought, as the public sees it (never the count): available units
 * (on hand less reserved, over every location) above the low-stock threshold, at or below
 * it, or none.
 */
public enum Availability {

	IN_STOCK, LOW, OUT;

	static Availability of(long available, long threshold) {
		if (available <= 0) {
			return OUT;
		}
		return (available <= threshold) ? LOW : IN_STOCK;
	}

}

package org.farmgate.orders;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the inbox and the API filter orders by: shop, platform order number, status,
 * after-sale state, held only, creation dates, and a search text (order number,
 * recipient, or the last four digits of the phone); which page.
 */
public record OrderQuery(UUID shopId, String platformOrderNo, OrderStatus status, AfterSaleStatus afterSale,
		boolean heldOnly, LocalDate from, LocalDate to, String search, int page) {

	public static final int PAGE_SIZE = org.farmgate.web.PageOf.SIZE;

	public static OrderQuery all() {
		return new OrderQuery(null, null, null, null, false, null, null, null, 0);
	}

}

package org.farmgate.catalog;

import java.util.UUID;

/**
 * The SKU an order line was matched to, and by what: the SKU named by the county's own
 * storefront, the item and SKU ids of a listing, the item id alone (an item with one
 * listing), a merchant code (of a listing, or of one of the organisation's SKUs), or the
 * exact title of a listing.
 */
public record ListingMatch(UUID skuId, UUID listingId, MatchedBy matchedBy) {

	/**
	 * The item id of a line that names one of the organisation's own SKUs by its id (the
	 * county's storefront sells Farmgate's SKUs directly, with no listing between).
	 */
	public static final String FARMGATE_SKU_ITEM = "farmgate-sku";

	/**
	 * How an order line was matched, most certain first.
	 */
	public enum MatchedBy {

		FARMGATE_SKU, ITEM_AND_SKU_ID, ITEM_ID, LISTING_MERCHANT_CODE, SKU_MERCHANT_CODE, TITLE

	}

}

package org.farmgate.catalog.web;

import java.util.UUID;

import org.farmgate.catalog.ListingInput;

/**
 * The form that lists a SKU in one of the organisation's shops.
 */
record ListingForm(UUID skuId, UUID shopId, String platformItemId, String platformSkuId, String merchantCode,
		String title) {

	static ListingForm empty() {
		return new ListingForm(null, null, "", "", "", "");
	}

	ListingInput toInput() {
		return new ListingInput(this.skuId, this.shopId, this.platformItemId, this.platformSkuId, this.merchantCode,
				this.title);
	}

}

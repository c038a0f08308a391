package org.farmgate.catalog;

import java.util.UUID;

/**
 * What listing a SKU in a shop needs; the merchant code defaults to the SKU's.
 */
public record ListingInput(UUID skuId, UUID shopId, String platformItemId, String platformSkuId, String merchantCode,
		String title) {
}

package org.farmgate.catalog;

import java.util.UUID;

import org.farmgate.registry.Platform;

/**
 * A listing as pages and the API show it.
 */
public record ListingView(UUID id, UUID skuId, UUID shopId, Platform platform, String platformItemId,
		String platformSkuId, String merchantCode, String title) {
}

package org.farmgate.catalog;

import java.util.UUID;

/**
 * What an incoming order line says about its goods: the shop (and its organisation), the
 * platform's item id and SKU id, the merchant code and the title, any of which may be
 * missing.
 */
public record OrderLineKey(UUID organisationId, UUID shopId, String platformItemId, String platformSkuId,
		String merchantCode, String title) {
}

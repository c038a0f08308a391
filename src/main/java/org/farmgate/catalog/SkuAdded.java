package org.farmgate.catalog;

import java.util.UUID;

/** A SKU was added to a product: what order lines matched to it sell. */
public record SkuAdded(UUID skuId, UUID productId, UUID organisationId, String countyCode) {
}

package org.farmgate.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A SKU as pages and the API show it.
 */
public record SkuView(UUID id, UUID productId, UUID organisationId, String specification, Unit unit,
		BigDecimal quantity, Integer netWeightGrams, BigDecimal price, String barcode, String merchantCode) {
}

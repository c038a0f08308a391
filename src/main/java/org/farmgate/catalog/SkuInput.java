package org.farmgate.catalog;

import java.math.BigDecimal;

/**
 * What adding or changing a SKU needs. For a weight unit (kg, 斤, g) the net weight may be
 * left out: it follows from the quantity, and a different one is refused.
 */
public record SkuInput(String specification, Unit unit, BigDecimal quantity, Integer netWeightGrams, BigDecimal price,
		String barcode, String merchantCode) {
}

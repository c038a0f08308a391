package org.farmgate.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A SKU as the county's storefront sells it: its product's names, the specification,
 * unit, net weight and the price the catalog asks today (the storefront never takes a
 * price from a form), its merchant code for the order line, and whether it may be sold
 * (an active product of the county).
 */
public record SaleableSku(UUID skuId, UUID productId, UUID organisationId, String countyCode, String nameZh,
		String nameEn, String nameFr, String specification, Unit unit, Integer netWeightGrams, BigDecimal price,
		String merchantCode) {
}

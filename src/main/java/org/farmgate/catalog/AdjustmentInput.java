package org.farmgate.catalog;

import java.util.UUID;

/**
 * A change of stock on hand by a number of SKU units (negative to take away), with its
 * reason; the location defaults to the organisation's warehouse.
 */
public record AdjustmentInput(UUID skuId, LocationKind locationKind, UUID locationId, Integer delta,
		AdjustmentReason reason, String note) {
}

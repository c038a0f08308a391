package org.farmgate.catalog;

import java.util.UUID;

/**
 * A reservation of SKU units for an order line ({@code orderLine} is the caller's unique
 * key of the line within its organisation, e.g. {@code TAOBAO:3120456789:1}); asking
 * again with the same key returns the first reservation. The location defaults to the
 * organisation's warehouse.
 */
public record ReservationInput(UUID skuId, LocationKind locationKind, UUID locationId, Integer quantity,
		String orderLine) {
}

package org.farmgate.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A reservation of stock for an order line, and whether this call made it (false: it was
 * made before with the same order-line key).
 */
public record ReservationView(UUID id, UUID skuId, LocationKind locationKind, UUID locationId, int quantity,
		String orderLine, ReservationState state, Instant createdAt, boolean created) {
}

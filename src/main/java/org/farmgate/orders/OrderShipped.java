package org.farmgate.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * The goods left (all of them, or some: {@code partially}).
 */
public record OrderShipped(UUID orderId, UUID shopId, UUID organisationId, String countyCode, boolean partially,
		Instant occurredAt) {
}

package org.farmgate.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * The order was cancelled before shipping ({@code wasPaid}: after payment).
 */
public record OrderCancelled(UUID orderId, UUID shopId, UUID organisationId, String countyCode, boolean wasPaid,
		Instant occurredAt) {
}

package org.farmgate.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * The trade completed: the buyer confirmed receipt, or the platform closed it as
 * successful.
 */
public record OrderCompleted(UUID orderId, UUID shopId, UUID organisationId, String countyCode, Instant occurredAt) {
}

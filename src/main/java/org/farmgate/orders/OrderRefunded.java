package org.farmgate.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Money went back to the buyer.
 */
public record OrderRefunded(UUID orderId, UUID shopId, UUID organisationId, String countyCode,
		BigDecimal refundedAmount, Instant occurredAt) {
}

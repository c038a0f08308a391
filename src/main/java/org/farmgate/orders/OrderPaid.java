package org.farmgate.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.farmgate.registry.Platform;

/**
 * The buyer paid.
 */
public record OrderPaid(UUID orderId, String platformOrderNo, UUID shopId, UUID organisationId, String countyCode,
		Platform platform, BigDecimal paidAmount, String destinationCode, Instant occurredAt) {
}

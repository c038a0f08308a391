package org.farmgate.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded change of stock on hand.
 */
public record AdjustmentView(UUID id, UUID skuId, LocationKind locationKind, UUID locationId, int delta,
		int onHandAfter, AdjustmentReason reason, String note, String actor, Instant occurredAt) {
}

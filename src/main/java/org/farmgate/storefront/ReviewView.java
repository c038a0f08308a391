package org.farmgate.storefront;

import java.time.Instant;
import java.util.UUID;

/**
 * A buyer's review of a line: stars, words (shown escaped), whose (masked), when, and its
 * moderation.
 */
public record ReviewView(UUID id, UUID productId, String orderNo, int rating, String text, String buyer, String status,
		Instant createdAt) {
}

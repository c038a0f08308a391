package org.farmgate.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * What pages and the API show of an account: never its password hash.
 */
public record AccountView(UUID id, String username, String displayName, Role role, DataScope scope, boolean enabled,
		Instant createdAt, Instant passwordChangedAt) {
}

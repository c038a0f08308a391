package org.farmgate.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * What the profile page shows of an API token: its name and first characters, never the
 * secret.
 */
public record ApiTokenView(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
		Instant revokedAt) {

	public boolean active() {
		return this.revokedAt == null;
	}

}

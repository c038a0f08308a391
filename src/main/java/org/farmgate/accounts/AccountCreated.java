package org.farmgate.accounts;

import java.util.UUID;

/**
 * A user account was created.
 */
public record AccountCreated(UUID accountId, String username, Role role, String countyCode) {
}

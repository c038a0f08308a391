package org.farmgate.accounts;

import java.util.UUID;

/**
 * A user account was disabled: it can no longer sign in nor use its API tokens.
 */
public record AccountDisabled(UUID accountId, String username) {
}

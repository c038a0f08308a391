package org.farmgate.registry;

import java.util.UUID;

/**
 * Whose a shop is, for work that has no user (a webhook call, a resumed job): its
 * organisation and county, its platform, and whether it is open.
 */
public record ShopOwner(UUID shopId, UUID organisationId, String countyCode, Platform platform, boolean active) {
}

package org.farmgate.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A shop as pages and the API show it; never its webhook secret.
 */
public record ShopView(UUID id, Platform platform, String name, UUID organisationId, String platformShopId, String url,
		LocalDate openedOn, LocalDate closedOn, ShopStatus status) {
}

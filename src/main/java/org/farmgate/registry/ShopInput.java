package org.farmgate.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What registering a shop needs.
 */
public record ShopInput(UUID organisationId, Platform platform, String name, String platformShopId, String url,
		LocalDate openedOn) {
}

package org.farmgate.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A shop was registered as active.
 */
public record ShopOpened(UUID shopId, UUID organisationId, String countyCode, Platform platform, LocalDate openedOn) {
}

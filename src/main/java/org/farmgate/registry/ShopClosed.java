package org.farmgate.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A shop stopped selling (its organisation lost its admission). It names the shop's
 * organisation and platform as {@link ShopOpened} does, so that a listener told the
 * closing first knows the whole shop; closings published before they did have neither
 * (null).
 */
public record ShopClosed(UUID shopId, UUID organisationId, String countyCode, Platform platform, LocalDate closedOn) {
}

package org.farmgate.registry;

import java.time.LocalDate;
import java.util.UUID;

/** A shop stopped selling (its organisation lost its admission). */
public record ShopClosed(UUID shopId, String countyCode, LocalDate closedOn) {
}

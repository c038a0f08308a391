package org.farmgate.catalog;

import java.util.UUID;

/**
 * A product was moved to another catalog category: its sales count under the new one (the
 * statistics' charts by category).
 */
public record ProductRecategorised(UUID productId, UUID organisationId, String countyCode, String categoryCode) {
}

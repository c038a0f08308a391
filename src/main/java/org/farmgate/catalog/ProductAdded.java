package org.farmgate.catalog;

import java.util.UUID;

/**
 * A product was added to the catalog (a product type the county sells).
 */
public record ProductAdded(UUID productId, UUID organisationId, String countyCode, String categoryCode) {
}

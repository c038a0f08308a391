package org.farmgate.geo;

import java.util.UUID;

/**
 * A village as pages and the API show it.
 */
public record VillageView(UUID id, String countyCode, UUID townshipId, String townshipName, String name, Place place) {
}

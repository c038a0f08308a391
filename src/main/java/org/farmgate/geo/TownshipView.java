package org.farmgate.geo;

import java.util.UUID;

/**
 * A township as pages and the API show it, with how many villages it has.
 */
public record TownshipView(UUID id, String countyCode, String name, Place place, int villages) {
}

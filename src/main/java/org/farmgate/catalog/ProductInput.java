package org.farmgate.catalog;

import java.util.UUID;

/**
 * What adding or changing a product needs; a merchant's products always belong to its own
 * organisation.
 */
public record ProductInput(UUID organisationId, String categoryCode, String nameZh, String nameEn, String nameFr,
		String description, UUID originVillageId, Integer shelfLifeDays, StorageClass storage) {
}

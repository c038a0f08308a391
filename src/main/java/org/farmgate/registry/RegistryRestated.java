package org.farmgate.registry;

import java.util.List;
import java.util.UUID;

/**
 * The registry as it stands, told again (by {@link RegistryHistory}) for a listener that
 * starts late or rebuilds what it keeps. {@code id} identifies the publication.
 */
public record RegistryRestated(UUID id, List<OrganisationRecorded> organisations, List<ShopOpened> shops,
		List<ShopClosed> closedShops, List<EntrepreneurRecorded> entrepreneurs, List<HouseholdRecorded> households) {
}

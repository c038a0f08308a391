package org.farmgate.registry;

import java.util.UUID;

/**
 * An organisation passed the seller admission review and may own active shops.
 */
public record OrganisationApproved(UUID organisationId, String countyCode) {
}

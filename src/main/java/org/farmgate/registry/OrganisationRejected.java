package org.farmgate.registry;

import java.util.UUID;

/**
 * An organisation was rejected (or its approval withdrawn): its shops were closed.
 */
public record OrganisationRejected(UUID organisationId, String countyCode) {
}

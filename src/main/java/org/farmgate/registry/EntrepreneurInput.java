package org.farmgate.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What registering or changing an entrepreneur needs.
 */
public record EntrepreneurInput(String name, String phone, Gender gender, Integer birthYear, UUID villageId,
		UUID organisationId, LocalDate sellingSince) {
}

package org.farmgate.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An entrepreneur as pages and the API show it, the phone masked.
 */
public record EntrepreneurView(UUID id, String countyCode, String name, String maskedPhone, Gender gender,
		Integer birthYear, UUID villageId, UUID organisationId, LocalDate sellingSince) {
}

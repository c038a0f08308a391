package org.farmgate.registry;

import java.time.LocalDate;

/**
 * What registering or changing an organisation needs.
 */
public record OrganisationInput(OrganisationType type, String name, String creditCode, String legalRepresentative,
		String address, LocalDate foundedOn, SalesModel salesModel) {
}

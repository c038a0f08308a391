package org.farmgate.registry;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What registering or changing an organisation needs.
 */
public record OrganisationInput(OrganisationType type, String name, String creditCode, String legalRepresentative,
		String address, LocalDate foundedOn, SalesModel salesModel, UUID villageId) {

	public OrganisationInput(OrganisationType type, String name, String creditCode, String legalRepresentative,
			String address, LocalDate foundedOn, SalesModel salesModel) {
		this(type, name, creditCode, legalRepresentative, address, foundedOn, salesModel, null);
	}

}

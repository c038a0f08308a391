package org.farmgate.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An organisation as pages and the API show it, with its admission history and the
 * documents its application rests on (an identity document's number masked).
 */
public record OrganisationView(UUID id, String countyCode, OrganisationType type, String name, String creditCode,
		String legalRepresentative, String address, UUID villageId, LocalDate foundedOn, SalesModel salesModel,
		AdmissionStatus admission, UUID parkId, ParkRelation parkRelation, List<AdmissionEvent> admissionHistory,
		List<AdmissionDocument> documents) {
}

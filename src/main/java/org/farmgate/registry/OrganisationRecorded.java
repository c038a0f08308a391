package org.farmgate.registry;

import java.util.UUID;

/**
 * An organisation was registered or changed, or its admission decided: where it is (its
 * shops belong to that village), its industrial park and whether it is approved.
 */
public record OrganisationRecorded(UUID organisationId, String countyCode, UUID villageId, UUID parkId,
		ParkRelation parkRelation, boolean approved) {

	static OrganisationRecorded of(Organisation organisation) {
		OrganisationView view = organisation.toView();
		return new OrganisationRecorded(view.id(), view.countyCode(), view.villageId(), view.parkId(),
				view.parkRelation(), view.admission() == AdmissionStatus.APPROVED);
	}

}

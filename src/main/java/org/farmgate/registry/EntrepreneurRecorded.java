package org.farmgate.registry;

import java.util.UUID;

/** An e-commerce entrepreneur was registered or changed: where and for whom they sell. */
public record EntrepreneurRecorded(UUID entrepreneurId, String countyCode, UUID villageId, UUID organisationId) {

	static EntrepreneurRecorded of(EntrepreneurView view) {
		return new EntrepreneurRecorded(view.id(), view.countyCode(), view.villageId(), view.organisationId());
	}

}

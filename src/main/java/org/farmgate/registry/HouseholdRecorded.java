package org.farmgate.registry;

import java.util.UUID;

/**
 * A farmer household was registered or changed: its village and whether it is
 * disadvantaged (脱贫户), which the statistics of farmers' income count apart. No personal
 * data.
 */
public record HouseholdRecorded(UUID householdId, String countyCode, UUID villageId, boolean disadvantaged) {

	static HouseholdRecorded of(HouseholdView view) {
		return new HouseholdRecorded(view.id(), view.countyCode(), view.villageId(), view.disadvantaged());
	}

}

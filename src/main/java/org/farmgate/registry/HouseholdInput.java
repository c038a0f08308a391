package org.farmgate.registry;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What registering or changing a farmer household needs.
 */
public record HouseholdInput(String headName, Integer members, UUID villageId, String phone, String nationalId,
		Boolean disadvantaged, Integer disadvantagedSince, Integer disadvantagedLifted, BigDecimal baselineIncome) {

	/** Whether the household is a registered disadvantaged household (absent: no). */
	public boolean isDisadvantaged() {
		return Boolean.TRUE.equals(this.disadvantaged);
	}
}

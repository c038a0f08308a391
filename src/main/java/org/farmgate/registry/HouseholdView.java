package org.farmgate.registry;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

/**
 * A farmer household as pages and the API show it: the ID number and the phone masked.
 */
public record HouseholdView(UUID id, String countyCode, String headName, int members, UUID villageId,
		String maskedPhone, String maskedNationalId, boolean disadvantaged, Integer disadvantagedSince,
		Integer disadvantagedLifted, BigDecimal baselineIncome, Set<UUID> organisationIds) {
}

package org.farmgate.income;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A month's wages of a household member were recorded, or reversed ({@code reverses} set,
 * amount negative).
 */
public record WageRecorded(UUID id, String countyCode, UUID organisationId, UUID householdId, UUID villageId,
		YearMonth month, String work, BigDecimal amount, UUID reverses) {
}

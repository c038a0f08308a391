package org.farmgate.income;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A purchase from a farmer household was recorded, or reversed ({@code reverses} set,
 * quantity and amount negative): for the statistics of farmers' income.
 */
public record ProcurementRecorded(UUID id, String countyCode, UUID organisationId, UUID householdId, UUID villageId,
		LocalDate occurredOn, UUID productId, BigDecimal quantity, String unit, BigDecimal amount, UUID reverses) {
}

package org.farmgate.income;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.farmgate.catalog.Unit;

/**
 * A purchase from a farmer household as a form or the API gives it: the organisation
 * (operators name it; a merchant's own is taken), the household, the date, the catalog
 * product or the produce's name, the batch it went into, quantity and unit, unit price,
 * grade, and whether and how it was paid. The amount is quantity × unit price.
 */
public record ProcurementInput(UUID organisationId, UUID householdId, LocalDate occurredOn, UUID productId,
		String produce, UUID batchId, BigDecimal quantity, Unit unit, BigDecimal unitPrice, Grade grade,
		Payment payment, PaymentMethod paymentMethod) {
}

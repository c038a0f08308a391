package org.farmgate.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A batch as merchants and operators see it, with its supplying households.
 */
public record BatchView(UUID id, UUID productId, UUID organisationId, String traceCode, LocalDate producedOn,
		LocalDate harvestedOn, BigDecimal quantity, Unit unit, UUID villageId, String note,
		List<BatchSupplier> suppliers) {
}

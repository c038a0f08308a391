package org.farmgate.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What recording a batch needs: the product, the production (and harvest) date, the
 * quantity and unit, the village, and the supplying households with their quantities.
 */
public record BatchInput(UUID productId, LocalDate producedOn, LocalDate harvestedOn, BigDecimal quantity, Unit unit,
		UUID villageId, String note, List<BatchSupplier> suppliers) {
}

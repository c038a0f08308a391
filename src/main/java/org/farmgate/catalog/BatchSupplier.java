package org.farmgate.catalog;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A farmer household that supplied part of a batch, and how much (in the batch's unit).
 */
@Table("catalog_batch_supplier")
public record BatchSupplier(UUID householdId, BigDecimal quantity) {
}

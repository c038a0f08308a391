package org.farmgate.income;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/** What one member household receives of a cooperative's distribution. */
@Table("income_dividend_share")
public record DividendShare(UUID householdId, BigDecimal amount) {
}

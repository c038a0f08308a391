package org.farmgate.income;

import java.math.BigDecimal;
import java.util.UUID;

/** What one member household receives of a cooperative's distribution. */
public record DividendShare(UUID householdId, BigDecimal amount) {
}

package org.farmgate.income;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A cooperative distributed dividends for a year to member households, or a distribution
 * was reversed ({@code reverses} set, amounts negative).
 */
public record DividendDistributed(UUID id, String countyCode, UUID organisationId, int year, BigDecimal total,
		List<DividendShare> shares, UUID reverses) {
}

package org.farmgate.income;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A cooperative distributed dividends for a year to member households, or a distribution
 * was reversed ({@code reverses} set, amounts negative). {@code day} is when it counts as
 * income: the declaration, or the last day of the year when declared later.
 */
public record DividendDistributed(UUID id, String countyCode, UUID organisationId, int year, LocalDate day,
		BigDecimal total, List<DividendShare> shares, UUID reverses) {
}

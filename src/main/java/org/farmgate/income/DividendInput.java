package org.farmgate.income;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A cooperative's distribution of its surplus for a year to member households: when it
 * was declared, and each household's share (the total is their sum).
 */
public record DividendInput(UUID organisationId, int year, LocalDate declaredOn, String note,
		List<DividendShare> shares) {
}

package org.farmgate.income;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A cooperative's distribution to member households, or the reversal of one. */
public record DividendView(UUID id, UUID organisationId, int year, LocalDate declaredOn, BigDecimal total, String note,
		List<DividendShare> shares, UUID reverses, String reason, String recordedBy, Instant recordedAt,
		UUID reversedBy) {

	public boolean standing() {
		return this.reverses == null && this.reversedBy == null;
	}

}

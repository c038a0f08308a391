package org.farmgate.income;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/** A month's wages of a household member, or the reversal of them. */
public record WageView(UUID id, UUID organisationId, UUID householdId, String workerName, Work work, YearMonth month,
		BigDecimal days, BigDecimal dailyRate, BigDecimal monthlyPay, BigDecimal amount, UUID reverses, String reason,
		String recordedBy, Instant recordedAt, UUID reversedBy) {

	public boolean standing() {
		return this.reverses == null && this.reversedBy == null;
	}

}

package org.farmgate.income;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A month's wages of a household member as a form or the API gives them: days worked and
 * a daily rate, or a monthly pay (one or the other).
 */
public record WageInput(UUID organisationId, UUID householdId, String workerName, Work work, YearMonth month,
		BigDecimal days, BigDecimal dailyRate, BigDecimal monthlyPay) {
}

package org.farmgate.income;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A household's income linked to the platform in a year, by source, beside the year
 * before: it increased when this year's total exceeds last year's (DOMAIN.md), so a
 * household paid for the first time counts, and one paid the same or less does not.
 */
public record HouseholdIncome(UUID householdId, int year, BigDecimal procurement, BigDecimal wages,
		BigDecimal dividends, BigDecimal previousTotal) {

	public HouseholdIncome {
		procurement = orZero(procurement);
		wages = orZero(wages);
		dividends = orZero(dividends);
		previousTotal = orZero(previousTotal);
	}

	private static BigDecimal orZero(BigDecimal amount) {
		return (amount != null) ? amount : BigDecimal.ZERO;
	}

	@JsonProperty
	public BigDecimal total() {
		return this.procurement.add(this.wages).add(this.dividends);
	}

	/** This year's total less last year's. */
	@JsonProperty
	public BigDecimal change() {
		return total().subtract(this.previousTotal);
	}

	/** Whether this year's linked income exceeds last year's. */
	@JsonProperty
	public boolean increased() {
		return total().compareTo(this.previousTotal) > 0;
	}

	/**
	 * Whether the household had income linked to the platform this year (records that
	 * were all reversed leave none).
	 */
	@JsonProperty
	public boolean linked() {
		return total().signum() > 0;
	}

	/** The change as a share of last year's total; null when there was none. */
	public BigDecimal changeRatio() {
		if (this.previousTotal.signum() <= 0) {
			return null;
		}
		return change().divide(this.previousTotal, 4, java.math.RoundingMode.HALF_UP);
	}

}

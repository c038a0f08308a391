package org.farmgate.income;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A village's farmers' income linked to the platform in a year: households with linked
 * income, the disadvantaged among them, the total, and how many of them increased it.
 * {@code villageId} is null for households whose village is not recorded.
 */
public record VillageIncome(UUID villageId, int householdsLinked, int disadvantagedLinked, BigDecimal total,
		BigDecimal previousTotal, int householdsIncreased, int disadvantagedIncreased) {

	/** A village benefits when at least one of its farmers' income increased. */
	@JsonProperty
	public boolean benefiting() {
		return this.householdsIncreased > 0;
	}

}

package org.farmgate.registry.web;

import java.math.BigDecimal;

import org.farmgate.registry.HouseholdInput;

/**
 * The form of a new farmer household.
 */
record HouseholdForm(String headName, Integer members, String phone, String nationalId, Boolean disadvantaged,
		Integer disadvantagedSince, Integer disadvantagedLifted, BigDecimal baselineIncome) {

	static HouseholdForm empty() {
		return new HouseholdForm("", 1, "", "", false, null, null, null);
	}

	HouseholdInput toInput() {
		return new HouseholdInput(this.headName, this.members, null, this.phone, this.nationalId, this.disadvantaged,
				this.disadvantagedSince, this.disadvantagedLifted, this.baselineIncome);
	}

}

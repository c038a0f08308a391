package org.farmgate.registry.web;

import java.math.BigDecimal;
import java.util.UUID;

import org.farmgate.registry.HouseholdInput;
import org.farmgate.registry.HouseholdView;

/**
 * The form of a farmer household. When changing one, a blank ID number or phone keeps the
 * one on record (the page only shows them masked).
 */
record HouseholdForm(String headName, Integer members, UUID villageId, String phone, String nationalId,
		Boolean disadvantaged, Integer disadvantagedSince, Integer disadvantagedLifted, BigDecimal baselineIncome) {

	static HouseholdForm empty() {
		return new HouseholdForm("", 1, null, "", "", false, null, null, null);
	}

	static HouseholdForm of(HouseholdView household) {
		return new HouseholdForm(household.headName(), household.members(), household.villageId(), "", "",
				household.disadvantaged(), household.disadvantagedSince(), household.disadvantagedLifted(),
				household.baselineIncome());
	}

	HouseholdInput toInput() {
		return new HouseholdInput(this.headName, this.members, this.villageId, this.phone, this.nationalId,
				this.disadvantaged, this.disadvantagedSince, this.disadvantagedLifted, this.baselineIncome);
	}

}

package org.farmgate.income.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.farmgate.income.DividendInput;
import org.farmgate.income.DividendShare;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form of a distribution: the year, the date, and an amount beside each member
 * household (left empty: no share).
 */
record DividendForm(UUID organisationId, Integer year,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate declaredOn, String note, List<UUID> householdIds,
		List<BigDecimal> amounts) {

	static DividendForm empty(LocalDate today) {
		return new DividendForm(null, today.getYear() - 1, today, "", List.of(), List.of());
	}

	DividendInput toInput() {
		List<DividendShare> shares = new ArrayList<>();
		List<UUID> ids = (this.householdIds != null) ? this.householdIds : List.of();
		List<BigDecimal> given = (this.amounts != null) ? this.amounts : List.of();
		for (int i = 0; i < ids.size(); i++) {
			BigDecimal amount = (i < given.size()) ? given.get(i) : null;
			if (amount != null) {
				shares.add(new DividendShare(ids.get(i), amount));
			}
		}
		return new DividendInput(this.organisationId, (this.year != null) ? this.year : 0, this.declaredOn, this.note,
				shares);
	}

}

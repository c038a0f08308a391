package org.farmgate.income.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

import org.farmgate.income.WageInput;
import org.farmgate.income.Work;

import org.springframework.format.annotation.DateTimeFormat;

/** The form of a month's wages: days and daily rate, or a monthly pay. */
record WageForm(UUID organisationId, UUID householdId, String workerName, Work work,
		@DateTimeFormat(pattern = "yyyy-MM") YearMonth month, BigDecimal days, BigDecimal dailyRate,
		BigDecimal monthlyPay) {

	static WageForm empty(YearMonth month) {
		return new WageForm(null, null, "", Work.WORKSHOP, month, null, null, null);
	}

	WageInput toInput() {
		return new WageInput(this.organisationId, this.householdId, this.workerName, this.work, this.month, this.days,
				this.dailyRate, this.monthlyPay);
	}

}

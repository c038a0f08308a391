package org.farmgate.statistics.web;

import java.time.YearMonth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The request of a monthly report: the month (YYYY-MM) and the area (a county or a city).
 */
record ReportForm(@NotBlank @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])") String month,
		@Pattern(regexp = "[0-9]{6}") String area) {

	static ReportForm of(YearMonth month, String area) {
		return new ReportForm(month.toString(), area);
	}

	YearMonth yearMonth() {
		return YearMonth.parse(this.month);
	}

}

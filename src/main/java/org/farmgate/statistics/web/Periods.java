package org.farmgate.statistics.web;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The periods a dashboard offers at one click, and the checks on a period typed in: it
 * must not end before it starts, start before 2000, or end after today (Asia/Shanghai).
 */
final class Periods {

	static final ZoneId CHINA = org.farmgate.orders.OrderTimes.CHINA;

	static final String[] PRESETS = { "month", "quarter", "ytd", "last12", "lastyear" };

	private Periods() {
	}

	/** The days of a preset period ending today; year to date when unknown. */
	static LocalDate[] preset(String name, LocalDate today) {
		String preset = (name != null) ? name : "ytd";
		return switch (preset) {
			case "month" -> new LocalDate[] { today.withDayOfMonth(1), today };
			case "quarter" ->
				new LocalDate[] { today.withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).withDayOfMonth(1), today };
			case "last12" -> new LocalDate[] { today.minusYears(1).plusDays(1), today };
			case "lastyear" ->
				new LocalDate[] { today.minusYears(1).withDayOfYear(1), today.withDayOfYear(1).minusDays(1) };
			default -> new LocalDate[] { today.withDayOfYear(1), today };
		};
	}

	/**
	 * The message key of what is wrong with a period, or null when it is fine.
	 */
	static String problem(LocalDate from, LocalDate to, LocalDate today) {
		if (from.isAfter(to)) {
			return "statistics.error.period-order";
		}
		if (from.getYear() < 2000 || to.isAfter(today.plusDays(1))) {
			return "statistics.error.period-range";
		}
		return null;
	}

}

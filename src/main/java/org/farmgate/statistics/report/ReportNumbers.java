package org.farmgate.statistics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Figures as the reports print them, in the reader's conventions: money with two decimals
 * and grouped thousands, counts grouped, growth as a percentage; a no-break space groups
 * French thousands (the narrow one is in no PDF base font).
 */
public final class ReportNumbers {

	private ReportNumbers() {
	}

	/** Yuan with two decimals, e.g. 12,345.60 (zh, en) or 12 345,60 (fr). */
	public static String money(BigDecimal value, Locale locale) {
		return format("#,##0.00", (value != null) ? value : BigDecimal.ZERO, locale);
	}

	/** A count, grouped. */
	public static String count(long value, Locale locale) {
		return format("#,##0", BigDecimal.valueOf(value), locale);
	}

	/** A fraction as a percentage with two decimals (0.5674 → 56.74 %), or — for null. */
	public static String percent(BigDecimal fraction, Locale locale) {
		if (fraction == null) {
			return "—";
		}
		return format("#,##0.00", fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN), locale) + " %";
	}

	private static String format(String pattern, BigDecimal value, Locale locale) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
		if (!Character.isDigit(symbols.getGroupingSeparator()) && symbols.getGroupingSeparator() != ','
				&& symbols.getGroupingSeparator() != '.') {
			symbols.setGroupingSeparator('\u00a0');
		}
		DecimalFormat format = new DecimalFormat(pattern, symbols);
		format.setRoundingMode(RoundingMode.HALF_EVEN);
		return format.format(value);
	}

}

package org.farmgate.orders.channels;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the cells of marketplace exports are cleaned: ids written as {@code ="2543…"} or
 * with a leading {@code '} or tabs, amounts with {@code 元}, {@code ¥} and thousands
 * separators, dates in several formats or as spreadsheet serial numbers with sentinels
 * for "no date", and masked personal data ({@code ****}, a lone tab).
 */
final class Cells {

	/** Times in exports are China Standard Time. */
	static final ZoneId CHINA = org.farmgate.orders.OrderTimes.CHINA;

	private static final List<DateTimeFormatter> DATE_TIMES = List.of(
			DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT),
			DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT),
			DateTimeFormatter.ofPattern("uuuu/M/d H:mm:ss", Locale.ROOT),
			DateTimeFormatter.ofPattern("uuuu/M/d H:mm", Locale.ROOT),
			DateTimeFormatter.ofPattern("uuuu-M-d H:mm:ss", Locale.ROOT));

	private static final Pattern SERIAL = Pattern.compile("\\d{5}(\\.\\d+)?");

	private static final LocalDate SPREADSHEET_EPOCH = LocalDate.of(1899, 12, 30);

	private Cells() {
	}

	/** An id as text: {@code ="2543"}, {@code '2543}, quotes, tabs and spaces removed. */
	static String id(String cell) {
		if (cell == null) {
			return "";
		}
		String id = cell.strip().replace("\t", "");
		if (id.startsWith("=")) {
			id = id.substring(1);
		}
		return id.replace("\"", "").replace("'", "").replace(" ", "").strip();
	}

	/** Free text, stripped; blank is null. */
	static String text(String cell) {
		if (cell == null) {
			return null;
		}
		String text = cell.replace('\t', ' ').strip();
		return text.isEmpty() ? null : text;
	}

	/**
	 * Personal data: null when blank, a lone tab, or masked with a run of {@code *}, so
	 * that a masked value never replaces a real one.
	 */
	static String personal(String cell) {
		String text = text(cell);
		if (text == null || text.contains("*")) {
			return null;
		}
		return text.startsWith("'") ? text.substring(1).strip() : text;
	}

	/**
	 * An amount in yuan; blank is null.
	 * @throws IllegalArgumentException when it is not a number
	 */
	static BigDecimal amount(String cell) {
		if (cell == null) {
			return null;
		}
		String amount = cell.replace("元", "")
			.replace("￥", "")
			.replace("¥", "")
			.replace(",", "")
			.replace("，", "")
			.replace("\t", "")
			.replace(" ", "")
			.strip();
		if (amount.isEmpty() || amount.equals("-")) {
			return null;
		}
		if (!amount.matches("-?\\d{1,13}(\\.\\d{1,4})?")) {
			// no exponents (1E300000000 would take the import thread's memory and time)
			throw new IllegalArgumentException("not an amount");
		}
		return new BigDecimal(amount);
	}

	/** A whole number of items; blank is 0. */
	static int quantity(String cell) {
		BigDecimal quantity = amount(cell);
		return (quantity == null) ? 0 : quantity.intValueExact();
	}

	/**
	 * A time in China Standard Time; blank and the sentinels {@code 0001-01-01 …} and
	 * {@code 1970-01-01 …} are null.
	 * @throws IllegalArgumentException when it is not a date
	 */
	static Instant time(String cell) {
		String text = text(cell);
		if (text == null || text.startsWith("0001-01-01") || text.startsWith("1970-01-01") || text.equals("-")) {
			return null;
		}
		if (SERIAL.matcher(text).matches()) {
			double serial = Double.parseDouble(text);
			long days = (long) Math.floor(serial);
			long seconds = Math.round((serial - days) * 86_400);
			return SPREADSHEET_EPOCH.plusDays(days).atStartOfDay().plusSeconds(seconds).atZone(CHINA).toInstant();
		}
		for (DateTimeFormatter format : DATE_TIMES) {
			try {
				return LocalDateTime.parse(text, format).atZone(CHINA).toInstant();
			}
			catch (DateTimeParseException ex) {
				// try the next layout
			}
		}
		try {
			return LocalDate.parse(text).atStartOfDay(CHINA).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("not a date: " + text.length() + " characters");
		}
	}

	/**
	 * A header as files write it, made comparable: spaces and {@code =} trimmed,
	 * full-width brackets half-width.
	 */
	static String header(String cell) {
		if (cell == null) {
			return "";
		}
		String header = cell.replace('\uFEFF', ' ').replace("（", "(").replace("）", ")").replace("\t", "").strip();
		while (header.startsWith("=")) {
			header = header.substring(1);
		}
		return header.replace("\"", "").strip();
	}

}

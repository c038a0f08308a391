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

	/** China's offset from UTC, all year since {@link #LAST_SUMMER_TIME}. */
	private static final java.time.ZoneOffset CHINA_STANDARD_TIME = java.time.ZoneOffset.ofHours(8);

	/** The last year China kept summer time. */
	private static final int LAST_SUMMER_TIME = 1991;

	private static final List<DateTimeFormatter> DATE_TIMES = List.of(strict("uuuu-MM-dd HH:mm:ss"),
			strict("uuuu-MM-dd HH:mm"), strict("uuuu/M/d H:mm:ss"), strict("uuuu/M/d H:mm"),
			strict("uuuu-M-d H:mm:ss"));

	private static final Pattern SERIAL = Pattern.compile("\\d{5}(\\.\\d+)?");

	private static final LocalDate SPREADSHEET_EPOCH = LocalDate.of(1899, 12, 30);

	private Cells() {
	}

	/** A layout that refuses what does not exist (30 February) instead of moving it. */
	private static DateTimeFormatter strict(String pattern) {
		return DateTimeFormatter.ofPattern(pattern, Locale.ROOT)
			.withResolverStyle(java.time.format.ResolverStyle.STRICT);
	}

	/** An id as text: {@code ="2543"}, {@code '2543}, quotes, tabs and spaces removed. */
	static String id(String cell) {
		if (cell == null) {
			return "";
		}
		if (plainId(cell)) {
			// the common case, nothing to take off
			return cell;
		}
		String id = cell.strip().replace("\t", "").replace("\u0000", "");
		if (id.startsWith("=")) {
			id = id.substring(1);
		}
		return id.replace("\"", "").replace("'", "").replace(" ", "").strip();
	}

	/**
	 * Free text, stripped, without NUL characters (which no text column keeps); blank is
	 * null.
	 */
	static String text(String cell) {
		if (cell == null) {
			return null;
		}
		String text = cell.replace('\t', ' ').replace("\u0000", "").strip();
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
		String amount = cell;
		if (!plainAmount(amount)) {
			// dressed: currency signs, separators, spaces taken off first
			amount = cell.replace("元", "")
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
			if (!plainAmount(amount)) {
				// no exponents (1E300000000 would take the import thread's memory and
				// time)
				throw new IllegalArgumentException("not an amount");
			}
		}
		BigDecimal value = new BigDecimal(amount);
		// kept to the fen, so that the same file read again finds the same amount
		return (value.scale() > 2) ? value.setScale(2, java.math.RoundingMode.HALF_UP) : value;
	}

	/** Only ASCII letters, digits and hyphens, at least one. */
	private static boolean plainId(String cell) {
		if (cell.isEmpty()) {
			return false;
		}
		for (int i = 0; i < cell.length(); i++) {
			char c = cell.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A number as the amounts are written, {@code -?\d{1,12}(\.\d{1,4})?} (ASCII digits),
	 * and nothing else: up to 12 digits of yuan and 4 of fen (more than 2 are rounded).
	 */
	static boolean plainAmount(String cell) {
		int at = (cell.startsWith("-")) ? 1 : 0;
		int whole = digits(cell, at);
		at += whole;
		if (whole < 1 || whole > 12) {
			return false;
		}
		if (at == cell.length()) {
			return true;
		}
		if (cell.charAt(at) != '.') {
			return false;
		}
		int fraction = digits(cell, at + 1);
		return fraction >= 1 && fraction <= 4 && at + 1 + fraction == cell.length();
	}

	/** How many ASCII digits follow from {@code from}. */
	private static int digits(String cell, int from) {
		int at = from;
		while (at < cell.length() && cell.charAt(at) >= '0' && cell.charAt(at) <= '9') {
			at++;
		}
		return at - from;
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
		Instant plain = plainTime(text);
		return (plain != null) ? plain : plausible(readTime(text));
	}

	private static Instant readTime(String text) {
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
	 * Online marketplaces' orders are from 1990 to 2100; any other year is a broken cell,
	 * refused with its row rather than stored.
	 */
	private static Instant plausible(Instant time) {
		int year = time.atZone(CHINA).getYear();
		if (year < 1990 || year > 2100) {
			throw new IllegalArgumentException("not a plausible date");
		}
		return time;
	}

	/**
	 * The layout nearly every export writes, {@code 2026-10-01 10:00:00}, read without a
	 * formatter; null when the text is in another layout (or no valid time).
	 * @throws IllegalArgumentException when its year is not plausible
	 */
	private static Instant plainTime(String text) {
		if (text.length() != 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != ' '
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
				|| minute > 59 || second < 0 || second > 59
				|| day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
			return null;
		}
		LocalDateTime time = LocalDateTime.of(year, month, day, hour, minute, second);
		if (year >= LAST_SUMMER_TIME + 1 && year <= 2100) {
			// China has kept UTC+8 all year since 1991: no zone rules to look up
			return time.toInstant(CHINA_STANDARD_TIME);
		}
		return plausible(time.atZone(CHINA).toInstant());
	}

	/** The number the digits at [from, from + count) write; -1 when one is no digit. */
	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
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

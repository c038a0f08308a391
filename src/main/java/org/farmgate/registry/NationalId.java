package org.farmgate.registry;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A resident identity card number (居民身份证号码, GB 11643): 17 digits (the 6-digit division
 * code, the birth date, a sequence number) and a check character, 0–9 or X. Shown masked:
 * {@code 5201**********1234}.
 */
public final class NationalId {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECKS = "10X98765432";

	private NationalId() {
	}

	public static boolean isValid(String number) {
		if (number == null) {
			return false;
		}
		String normalized = normalize(number);
		if (!normalized.matches("[0-9]{17}[0-9X]")) {
			return false;
		}
		try {
			LocalDate.of(Integer.parseInt(normalized.substring(6, 10)), Integer.parseInt(normalized.substring(10, 12)),
					Integer.parseInt(normalized.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			return false;
		}
		return checkCharacter(normalized.substring(0, 17)) == normalized.charAt(17);
	}

	/** The check character of the first 17 digits. */
	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECKS.charAt(sum % 11);
	}

	public static String normalize(String number) {
		return number.strip().toUpperCase(java.util.Locale.ROOT);
	}

	/** The number with all but its first four and last four characters hidden. */
	public static String masked(String number) {
		if (number == null || number.length() < 8) {
			return "****";
		}
		return number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
	}

}

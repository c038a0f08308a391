package org.farmgate.registry;

/**
 * The unified social credit code (统一社会信用代码) of an organisation: 18 characters from the 31
 * of GB 32100 (digits and capitals without I, O, S, V, Z), the last one a check character
 * over the first 17.
 */
public final class CreditCode {

	private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCode() {
	}

	/** Whether the text, upper-cased and trimmed, is a valid code. */
	public static boolean isValid(String code) {
		if (code == null) {
			return false;
		}
		String normalized = normalize(code);
		if (normalized.length() != 18) {
			return false;
		}
		char check = checkCharacter(normalized.substring(0, 17));
		return check != 0 && check == normalized.charAt(17);
	}

	/** The check character of the first 17 characters, or 0 if one is not allowed. */
	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = CHARACTERS.indexOf(first17.charAt(i));
			if (value < 0) {
				return 0;
			}
			sum += value * WEIGHTS[i];
		}
		return CHARACTERS.charAt((31 - sum % 31) % 31);
	}

	public static String normalize(String code) {
		return code.strip().toUpperCase(java.util.Locale.ROOT);
	}

}

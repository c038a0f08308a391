package org.farmgate.catalog;

/**
 * Barcodes (GTIN-8, GTIN-12 / UPC-A, GTIN-13 / EAN-13, GTIN-14) with their check digit
 * (GS1 mod 10).
 */
final class Gtin {

	private Gtin() {
	}

	static boolean isValid(String code) {
		if (code == null || !code.matches("[0-9]{8}|[0-9]{12,14}")) {
			return false;
		}
		int sum = 0;
		// weights 3,1,3,1… from the rightmost digit before the check digit
		for (int i = code.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
			sum += (code.charAt(i) - '0') * weight;
		}
		return (10 - sum % 10) % 10 == code.charAt(code.length() - 1) - '0';
	}

}

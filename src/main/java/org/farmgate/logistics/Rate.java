package org.farmgate.logistics;

import java.util.Objects;

/**
 * What a carrier charges for a parcel to a province: {@code firstFen} for up to
 * {@code firstWeightGrams}, then {@code stepFen} for every started {@code stepGrams}
 * beyond. The province is a 6-digit code ending in 0000 (e.g. 520000 Guizhou), or
 * {@value #EVERY_OTHER_PROVINCE} for every province without a rate of its own.
 */
public record Rate(Carrier carrier, String provinceCode, int firstWeightGrams, long firstFen, int stepGrams,
		long stepFen) {

	/** The province code of the rate for every province not listed. */
	public static final String EVERY_OTHER_PROVINCE = "*";

	public Rate {
		Objects.requireNonNull(carrier, "carrier");
		if (!isProvinceCode(provinceCode)) {
			throw new IllegalArgumentException("not a province code or *: " + provinceCode);
		}
		if (firstWeightGrams <= 0 || stepGrams <= 0) {
			throw new IllegalArgumentException("weights must be positive: " + firstWeightGrams + ", " + stepGrams);
		}
		if (firstFen < 0 || stepFen < 0) {
			throw new IllegalArgumentException("prices must not be negative: " + firstFen + ", " + stepFen);
		}
	}

	/** Whether the text is a province code (6 digits ending in 0000) or {@code *}. */
	public static boolean isProvinceCode(String code) {
		return code != null && (EVERY_OTHER_PROVINCE.equals(code) || code.matches("[1-9]\\d0000"));
	}

}

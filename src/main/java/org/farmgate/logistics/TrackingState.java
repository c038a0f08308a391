package org.farmgate.logistics;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a parcel was last seen: at the county's own stations (scanned there), then in the
 * carrier's hands (pushed by the carrier). Carriers speak Kuaidi100's states (the number
 * or its Chinese word, or the detailed three- and four-digit sub-states); {@link #of}
 * maps each to one of ours.
 */
public enum TrackingState {

	RECEIVED_AT_VILLAGE_POINT, AT_TOWNSHIP_STATION, AT_COUNTY_HUB, HANDED_TO_CARRIER, IN_TRANSIT, OUT_FOR_DELIVERY,
	DELIVERED, EXCEPTION, RETURNED, REFUSED;

	private static final Map<String, TrackingState> KUAIDI100 = Map.ofEntries(Map.entry("0", IN_TRANSIT),
			Map.entry("1", HANDED_TO_CARRIER), Map.entry("2", EXCEPTION), Map.entry("3", DELIVERED),
			Map.entry("4", RETURNED), Map.entry("5", OUT_FOR_DELIVERY), Map.entry("6", RETURNED),
			Map.entry("7", IN_TRANSIT), Map.entry("8", IN_TRANSIT), Map.entry("10", IN_TRANSIT),
			Map.entry("11", IN_TRANSIT), Map.entry("12", IN_TRANSIT), Map.entry("13", EXCEPTION),
			Map.entry("14", REFUSED), Map.entry("在途", IN_TRANSIT), Map.entry("揽收", HANDED_TO_CARRIER),
			Map.entry("疑难", EXCEPTION), Map.entry("签收", DELIVERED), Map.entry("退签", RETURNED),
			Map.entry("派件", OUT_FOR_DELIVERY), Map.entry("退回", RETURNED), Map.entry("转投", IN_TRANSIT),
			Map.entry("转单", IN_TRANSIT), Map.entry("清关", IN_TRANSIT), Map.entry("拒签", REFUSED));

	/**
	 * Our state for what a carrier or a scanner says: one of our names, a Kuaidi100 state
	 * (0–14, or its word such as 派件), or a Kuaidi100 sub-state (101–1003: the first digit
	 * says the family, 203 is a refusal); empty when it means nothing.
	 */
	public static Optional<TrackingState> of(String said) {
		if (said == null || said.isBlank()) {
			return Optional.empty();
		}
		String text = said.strip();
		try {
			return Optional.of(valueOf(text.toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			// not one of ours
		}
		TrackingState known = KUAIDI100.get(text);
		if (known != null) {
			return Optional.of(known);
		}
		if (text.matches("[1-9][0-9]{2,3}")) {
			if (text.equals("203")) {
				return Optional.of(REFUSED);
			}
			if (text.equals("211")) {
				return Optional.of(RETURNED);
			}
			return switch (text.charAt(0)) {
				case '1' -> Optional.of((text.length() == 4) ? IN_TRANSIT : HANDED_TO_CARRIER);
				case '2' -> Optional.of(EXCEPTION);
				case '3' -> Optional.of(DELIVERED);
				case '4' -> Optional.of(RETURNED);
				case '5' -> Optional.of(OUT_FOR_DELIVERY);
				default -> Optional.empty();
			};
		}
		return Optional.empty();
	}

	/** Whether it needs someone to look: an exception, a return, a refusal. */
	public boolean needsAttention() {
		return this == EXCEPTION || this == RETURNED || this == REFUSED;
	}

}

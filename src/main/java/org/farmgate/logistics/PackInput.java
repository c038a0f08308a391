package org.farmgate.logistics;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A parcel to pack: the orders in it (several of one shop to one recipient: a merge), the
 * units of each line when not all (one order over several parcels: a split), where it is
 * handed in, weight and size, carrier (detected from the waybill number when not given)
 * and the waybill number, typed or scanned.
 */
public record PackInput(List<UUID> orderIds, Map<UUID, Map<String, Integer>> quantities, UUID originStationId,
		Integer weightGrams, Integer lengthCm, Integer widthCm, Integer heightCm, Carrier carrier, String trackingNo) {

	public PackInput {
		orderIds = (orderIds != null) ? orderIds.stream().filter(java.util.Objects::nonNull).toList() : List.of();
	}

	/** A waybill number as carriers print it: no spaces or dashes, upper case. */
	static String normalTrackingNo(String typed) {
		return (typed == null) ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
	}

}

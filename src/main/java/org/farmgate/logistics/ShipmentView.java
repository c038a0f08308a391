package org.farmgate.logistics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.farmgate.registry.Platform;

/**
 * A parcel as pages and the API show it (the phone masked unless the caller needs it for
 * the waybill).
 */
public record ShipmentView(UUID id, String countyCode, UUID organisationId, UUID shopId, Platform platform,
		UUID originStationId, String recipientName, String recipientPhone, String address, String provinceCode,
		String destinationCode, int weightGrams, Integer lengthCm, Integer widthCm, Integer heightCm, Carrier carrier,
		String trackingNo, Long costFen, ShipmentStatus status, TrackingState trackingState, Instant lastEventAt,
		Instant createdAt, Instant shippedAt, Instant deliveredAt, List<ShipmentItem> items) {

	public ShipmentView {
		items = List.copyOf(items);
	}

}

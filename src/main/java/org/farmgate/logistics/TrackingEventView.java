package org.farmgate.logistics;

import java.time.Instant;
import java.util.UUID;

/** One tracking event of a parcel (or of a waybill number no parcel has yet). */
public record TrackingEventView(UUID id, UUID shipmentId, Carrier carrier, String trackingNo, TrackingState state,
		String rawState, Instant occurredAt, UUID stationId, String location, String source) {
}

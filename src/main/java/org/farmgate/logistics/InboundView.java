package org.farmgate.logistics;

import java.time.LocalDate;
import java.util.UUID;

/** An inbound delivery to a station. */
public record InboundView(UUID id, UUID stationId, String stationName, String receiver, String description,
		int weightGrams, LocalDate dueDate, String status) {
}

package org.farmgate.logistics;

import java.time.LocalTime;
import java.util.UUID;

/** A van of the county's fleet: its capacity and shift. */
public record VehicleView(UUID id, String name, String plate, int capacityKg, LocalTime shiftStart, LocalTime shiftEnd,
		boolean active) {
}

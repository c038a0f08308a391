package org.farmgate.registry;

import java.util.UUID;

/**
 * An industrial park with how many organisations it hosts and has affiliated.
 */
public record ParkView(UUID id, String name, String location, Integer areaM2, String operator, int hosted,
		int affiliated) {
}

package org.farmgate.logistics;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A station as pages and the API show it, with the villages it serves by name.
 */
public record StationView(UUID id, String countyCode, String code, StationKind kind, String name, String address,
		BigDecimal latitude, BigDecimal longitude, LocalTime opens, LocalTime closes, String contactName,
		String contactPhone, boolean active, List<ServedVillage> villages) {

	/** A village the station serves, by name. */
	public record ServedVillage(UUID id, String name) {
	}

}

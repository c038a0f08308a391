package org.farmgate.logistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A day's saved plan of the county's vans: each van's ordered stops with arrival and
 * departure times (minutes of the day), what it picks up and drops there and its load
 * after the stop; and the loads that could not be planned, with why.
 */
public record RunView(UUID id, LocalDate day, Instant plannedAt, String plannedBy, BigDecimal distanceKm,
		String distances, BigDecimal roadFactor, List<VehicleRoute> routes, List<UnplannedLoad> unplanned) {

	/** One van's tour from the hub and back. */
	public record VehicleRoute(UUID vehicleId, String name, String plate, int capacityKg, BigDecimal distanceKm,
			int startMinute, int endMinute, int loadAtStartKg, List<RunStop> stops) {

		/** When it leaves the hub, as HH:mm. */
		public String start() {
			return clock(this.startMinute);
		}

		/** When it is back, as HH:mm. */
		public String end() {
			return clock(this.endMinute);
		}

	}

	/** A stop of a tour. */
	public record RunStop(int position, UUID stationId, String stationCode, String stationName, int arrivalMinute,
			int departureMinute, int pickupKg, int deliveryKg, int loadAfterKg) {

		/** When the van arrives, as HH:mm. */
		public String arrival() {
			return clock(this.arrivalMinute);
		}

		/** When it leaves, as HH:mm. */
		public String departure() {
			return clock(this.departureMinute);
		}

	}

	/** A load that could not be planned. */
	public record UnplannedLoad(UUID stationId, String stationName, String direction, int kg, String reason) {
	}

	/** A time of the day as HH:mm. */
	public static String clock(int minute) {
		return String.format("%02d:%02d", minute / 60, minute % 60);
	}

}

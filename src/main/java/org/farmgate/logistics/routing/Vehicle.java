package org.farmgate.logistics.routing;

import java.util.Objects;

/**
 * A vehicle of the fleet: it leaves its depot no earlier than {@code shiftStart}, carries
 * at most {@code capacity} units at any moment and is back at its depot by
 * {@code shiftEnd}.
 *
 * @param id the vehicle's id, unique within a problem
 * @param depot where the vehicle starts and ends
 * @param capacity the most it carries at once, in the units of {@link Task#size()}
 * @param shiftStart the earliest departure from the depot
 * @param shiftEnd the latest return to the depot
 */
public record Vehicle(String id, Site depot, int capacity, double shiftStart, double shiftEnd) {

	public Vehicle {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(depot, "depot");
		if (capacity < 0) {
			throw new IllegalArgumentException("vehicle " + id + " has a negative capacity");
		}
		if (Double.isNaN(shiftStart) || Double.isNaN(shiftEnd) || shiftEnd < shiftStart) {
			throw new IllegalArgumentException("vehicle " + id + " has an empty shift");
		}
	}

}

package org.farmgate.logistics.routing;

import java.util.List;

/**
 * One vehicle's tour: it leaves its depot at {@code start} with {@code loadAtStart} on
 * board (the goods of its deliveries), makes its stops in order and is back at
 * {@code end}.
 *
 * @param vehicle the vehicle
 * @param stops the stops in order
 * @param distance the distance driven, depot to depot
 * @param start the departure from the depot
 * @param end the return to the depot
 * @param loadAtStart the load on board when leaving the depot
 */
public record Route(Vehicle vehicle, List<Stop> stops, double distance, double start, double end, int loadAtStart) {

	public Route {
		stops = List.copyOf(stops);
	}

}

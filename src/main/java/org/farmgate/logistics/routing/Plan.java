package org.farmgate.logistics.routing;

import java.util.List;

/**
 * The outcome of planning a day: the routes of the vehicles used, the tasks left
 * unplanned with their reasons, and the total distance.
 *
 * @param routes one route per vehicle used (no empty routes)
 * @param unplanned the tasks not served
 * @param distance the total distance of the routes
 */
public record Plan(List<Route> routes, List<Unplanned> unplanned, double distance) {

	public Plan {
		routes = List.copyOf(routes);
		unplanned = List.copyOf(unplanned);
	}

	/** How many vehicles the plan uses. */
	public int vehiclesUsed() {
		return this.routes.size();
	}

}

package org.farmgate.logistics.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A day to plan: the vehicles available (each used at most once), the tasks and how to
 * travel between sites.
 *
 * @param vehicles the fleet, ids unique
 * @param tasks the tasks, ids unique
 * @param travel distance and time between sites
 */
public record Problem(List<Vehicle> vehicles, List<Task> tasks, Travel travel) {

	public Problem {
		vehicles = List.copyOf(vehicles);
		tasks = List.copyOf(tasks);
		Objects.requireNonNull(travel, "travel");
		Set<String> ids = new HashSet<>();
		for (Vehicle vehicle : vehicles) {
			if (!ids.add(vehicle.id())) {
				throw new IllegalArgumentException("two vehicles have the id " + vehicle.id());
			}
		}
		ids.clear();
		for (Task task : tasks) {
			if (!ids.add(task.id())) {
				throw new IllegalArgumentException("two tasks have the id " + task.id());
			}
		}
	}

}

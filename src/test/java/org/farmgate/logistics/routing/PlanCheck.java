package org.farmgate.logistics.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@link Plan} against its {@link Problem} from the definitions alone,
 * recomputing everything with the problem's {@link Travel} (nothing from the planner):
 * every task served exactly once or reported unplanned, never both; each vehicle on at
 * most one route; a shipment collected before it is delivered, on one route; the load,
 * counted from the depot (deliveries on board from the start, pickups until the end),
 * never above capacity; each service started at max(arrival, window start) and no later
 * than the window end; the vehicle back by the end of its shift; distances as reported.
 */
final class PlanCheck {

	private static final double EPSILON = 1e-6;

	private final Problem problem;

	private final List<String> violations = new ArrayList<>();

	private PlanCheck(Problem problem) {
		this.problem = problem;
	}

	/** Everything wrong with the plan; empty when it is feasible and consistent. */
	static List<String> violations(Problem problem, Plan plan) {
		PlanCheck check = new PlanCheck(problem);
		check.check(plan);
		return check.violations;
	}

	private void check(Plan plan) {
		Map<String, Task> tasks = new HashMap<>();
		for (Task task : this.problem.tasks()) {
			tasks.put(task.id(), task);
		}
		Set<String> vehicles = new HashSet<>();
		for (Vehicle vehicle : this.problem.vehicles()) {
			vehicles.add(vehicle.id());
		}
		Map<String, Integer> pickups = new HashMap<>();
		Map<String, Integer> deliveries = new HashMap<>();
		Set<String> usedVehicles = new HashSet<>();
		double total = 0;
		for (Route route : plan.routes()) {
			String vehicleId = route.vehicle().id();
			if (!vehicles.contains(vehicleId) || !this.problem.vehicles().contains(route.vehicle())) {
				fail("route of a vehicle not in the problem: " + vehicleId);
			}
			if (!usedVehicles.add(vehicleId)) {
				fail("vehicle " + vehicleId + " drives more than one route");
			}
			if (route.stops().isEmpty()) {
				fail("vehicle " + vehicleId + " has an empty route");
			}
			checkRoute(route, tasks, pickups, deliveries);
			total += route.distance();
		}
		Set<String> unplanned = new HashSet<>();
		for (Unplanned left : plan.unplanned()) {
			if (!tasks.containsKey(left.taskId())) {
				fail("unplanned task not in the problem: " + left.taskId());
			}
			if (!unplanned.add(left.taskId())) {
				fail("task " + left.taskId() + " reported unplanned twice");
			}
			if (left.reason() == null || left.reason().isBlank()) {
				fail("task " + left.taskId() + " is unplanned without a reason");
			}
		}
		for (Task task : this.problem.tasks()) {
			int picked = pickups.getOrDefault(task.id(), 0);
			int delivered = deliveries.getOrDefault(task.id(), 0);
			int expectedPickups = (task.kind() == Task.Kind.DELIVERY) ? 0 : 1;
			int expectedDeliveries = (task.kind() == Task.Kind.PICKUP) ? 0 : 1;
			boolean served = picked + delivered > 0;
			if (served && unplanned.contains(task.id())) {
				fail("task " + task.id() + " is both served and unplanned");
			}
			if (!served && !unplanned.contains(task.id())) {
				fail("task " + task.id() + " is neither served nor reported unplanned");
			}
			if (served && (picked != expectedPickups || delivered != expectedDeliveries)) {
				fail("task " + task.id() + " (" + task.kind() + ") is collected " + picked + " and delivered "
						+ delivered + " times");
			}
		}
		if (Math.abs(total - plan.distance()) > EPSILON * Math.max(1, total)) {
			fail("plan distance " + plan.distance() + " but its routes sum to " + total);
		}
	}

	private void checkRoute(Route route, Map<String, Task> tasks, Map<String, Integer> pickups,
			Map<String, Integer> deliveries) {
		Vehicle vehicle = route.vehicle();
		Travel travel = this.problem.travel();
		int load = 0;
		for (Stop stop : route.stops()) {
			Task task = tasks.get(stop.taskId());
			if (task != null && task.kind() == Task.Kind.DELIVERY && stop.action() == Stop.Action.DELIVERY) {
				load += task.size();
			}
		}
		if (load != route.loadAtStart()) {
			fail(vehicle.id() + " leaves with " + route.loadAtStart() + " reported, " + load + " on board");
		}
		if (load > vehicle.capacity()) {
			fail(vehicle.id() + " leaves the depot with " + load + " over its capacity " + vehicle.capacity());
		}
		if (route.start() < vehicle.shiftStart() - EPSILON) {
			fail(vehicle.id() + " leaves at " + route.start() + " before its shift starts");
		}
		Set<String> collectedHere = new HashSet<>();
		Site at = vehicle.depot();
		double time = route.start();
		double distance = 0;
		for (Stop stop : route.stops()) {
			Task task = tasks.get(stop.taskId());
			if (task == null) {
				fail(vehicle.id() + " serves a task not in the problem: " + stop.taskId());
				continue;
			}
			boolean pickup = stop.action() == Stop.Action.PICKUP;
			(pickup ? pickups : deliveries).merge(task.id(), 1, Integer::sum);
			if (pickup && task.kind() == Task.Kind.DELIVERY || !pickup && task.kind() == Task.Kind.PICKUP) {
				fail(vehicle.id() + " " + stop.action() + " of " + task.kind() + " task " + task.id());
				continue;
			}
			Site site = pickup ? task.pickupAt() : task.deliverAt();
			Window window = pickup ? task.pickupWindow() : task.deliveryWindow();
			double service = pickup ? task.pickupService() : task.deliveryService();
			if (!site.equals(stop.site())) {
				fail(vehicle.id() + " serves task " + task.id() + " at " + stop.site() + " instead of " + site);
			}
			if (task.kind() == Task.Kind.SHIPMENT) {
				if (pickup) {
					collectedHere.add(task.id());
				}
				else if (!collectedHere.contains(task.id())) {
					fail(vehicle.id() + " delivers shipment " + task.id() + " it has not collected");
				}
			}
			distance += travel.distance(at, site);
			double arrival = time + travel.time(at, site);
			double start = Math.max(arrival, window.start());
			if (start > window.end() + EPSILON) {
				fail(vehicle.id() + " starts task " + task.id() + " at " + start + " after its window " + window);
			}
			time = start + service;
			if (task.kind() == Task.Kind.DELIVERY) {
				load -= task.size();
			}
			else if (task.kind() == Task.Kind.PICKUP) {
				load += task.size();
			}
			else {
				load += pickup ? task.size() : -task.size();
			}
			if (load > vehicle.capacity()) {
				fail(vehicle.id() + " carries " + load + " after task " + task.id() + ", over " + vehicle.capacity());
			}
			if (load < 0) {
				fail(vehicle.id() + " carries " + load + " after task " + task.id());
			}
			if (!close(arrival, stop.arrival()) || !close(start, stop.start()) || !close(time, stop.departure())
					|| load != stop.loadAfter()) {
				fail(vehicle.id() + " reports " + stop + " but arrives " + arrival + ", starts " + start + ", leaves "
						+ time + " with " + load);
			}
			at = site;
		}
		distance += travel.distance(at, vehicle.depot());
		double end = time + travel.time(at, vehicle.depot());
		if (end > vehicle.shiftEnd() + EPSILON) {
			fail(vehicle.id() + " is back at " + end + " after its shift ends at " + vehicle.shiftEnd());
		}
		if (!close(end, route.end())) {
			fail(vehicle.id() + " reports being back at " + route.end() + " but is back at " + end);
		}
		if (!close(distance, route.distance())) {
			fail(vehicle.id() + " reports " + route.distance() + " driven but drives " + distance);
		}
	}

	private static boolean close(double a, double b) {
		return Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a));
	}

	private void fail(String violation) {
		this.violations.add(violation);
	}

}

package org.farmgate.logistics.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem.FleetSize;
import com.graphhopper.jsprit.core.problem.job.Delivery;
import com.graphhopper.jsprit.core.problem.job.Job;
import com.graphhopper.jsprit.core.problem.job.Pickup;
import com.graphhopper.jsprit.core.problem.job.Shipment;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.DeliverShipment;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleType;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Coordinate;

/**
 * Translates between our model and jsprit's: builds a {@link VehicleRoutingProblem}
 * (finite fleet, hard windows, vehicles back to their depots, costs from a
 * {@link SiteMatrix}) for the tasks that can be planned at all, and turns a jsprit
 * solution back into routes with their schedules.
 */
final class JspritModel {

	private final Problem problem;

	private final SiteMatrix matrix;

	private final Map<String, Task> tasks = new HashMap<>();

	private final Map<String, Vehicle> vehicles = new HashMap<>();

	JspritModel(Problem problem, SiteMatrix matrix) {
		this.problem = problem;
		this.matrix = matrix;
		for (Task task : problem.tasks()) {
			this.tasks.put(task.id(), task);
		}
		for (Vehicle vehicle : problem.vehicles()) {
			this.vehicles.put(vehicle.id(), vehicle);
		}
	}

	/** A fresh jsprit problem of these tasks (each search gets its own). */
	VehicleRoutingProblem build(List<Task> plannable) {
		VehicleRoutingProblem.Builder builder = VehicleRoutingProblem.Builder.newInstance()
			.setFleetSize(FleetSize.FINITE)
			.setRoutingCost(new MatrixCosts(this.matrix));
		Map<Integer, VehicleType> types = new HashMap<>();
		for (Vehicle vehicle : this.problem.vehicles()) {
			VehicleType type = types.computeIfAbsent(vehicle.capacity(),
					(capacity) -> VehicleTypeImpl.Builder.newInstance("capacity-" + capacity)
						.addCapacityDimension(0, capacity)
						.setCostPerDistance(1)
						.setCostPerTransportTime(0)
						.setCostPerWaitingTime(0)
						.setFixedCost(0)
						.build());
			builder.addVehicle(VehicleImpl.Builder.newInstance(vehicle.id())
				.setStartLocation(location(vehicle.depot()))
				.setReturnToDepot(true)
				.setEarliestStart(vehicle.shiftStart())
				.setLatestArrival(vehicle.shiftEnd())
				.setType(type)
				.build());
		}
		for (Task task : plannable) {
			builder.addJob(job(task));
		}
		return builder.build();
	}

	private Job job(Task task) {
		return switch (task.kind()) {
			case PICKUP -> Pickup.Builder.newInstance(task.id())
				.setLocation(location(task.pickupAt()))
				.addSizeDimension(0, task.size())
				.setServiceTime(task.pickupService())
				.setTimeWindow(window(task.pickupWindow()))
				.build();
			case DELIVERY -> Delivery.Builder.newInstance(task.id())
				.setLocation(location(task.deliverAt()))
				.addSizeDimension(0, task.size())
				.setServiceTime(task.deliveryService())
				.setTimeWindow(window(task.deliveryWindow()))
				.build();
			case SHIPMENT -> Shipment.Builder.newInstance(task.id())
				.setPickupLocation(location(task.pickupAt()))
				.setDeliveryLocation(location(task.deliverAt()))
				.addSizeDimension(0, task.size())
				.setPickupServiceTime(task.pickupService())
				.setDeliveryServiceTime(task.deliveryService())
				.setPickupTimeWindow(window(task.pickupWindow()))
				.setDeliveryTimeWindow(window(task.deliveryWindow()))
				.build();
		};
	}

	private Location location(Site site) {
		int index = this.matrix.index(site);
		return Location.Builder.newInstance()
			.setIndex(index)
			.setId(String.valueOf(index))
			.setName(site.id())
			.setCoordinate(Coordinate.newInstance(site.x(), site.y()))
			.build();
	}

	private static TimeWindow window(Window window) {
		return TimeWindow.newInstance(window.start(), window.end());
	}

	/**
	 * The routes of a jsprit solution, each scheduled on our matrix (empty routes left
	 * out).
	 */
	List<Route> routes(VehicleRoutingProblemSolution solution) {
		List<Route> routes = new ArrayList<>();
		for (VehicleRoute jspritRoute : solution.getRoutes()) {
			if (jspritRoute.isEmpty()) {
				continue;
			}
			List<Visit> visits = new ArrayList<>();
			for (TourActivity activity : jspritRoute.getActivities()) {
				if (activity instanceof TourActivity.JobActivity jobActivity) {
					Task task = this.tasks.get(jobActivity.getJob().getId());
					Stop.Action action = switch (task.kind()) {
						case PICKUP -> Stop.Action.PICKUP;
						case DELIVERY -> Stop.Action.DELIVERY;
						case SHIPMENT ->
							(activity instanceof DeliverShipment) ? Stop.Action.DELIVERY : Stop.Action.PICKUP;
					};
					visits.add(new Visit(task, action));
				}
			}
			routes.add(schedule(this.vehicles.get(jspritRoute.getVehicle().getId()), visits));
		}
		return routes;
	}

	/**
	 * Drives the visits in order: leave the depot as late as the first service start
	 * allows, wait for windows to open, serve, go on; back to the depot at the end.
	 */
	Route schedule(Vehicle vehicle, List<Visit> visits) {
		int load = 0;
		for (Visit visit : visits) {
			if (visit.task().kind() == Task.Kind.DELIVERY) {
				load += visit.task().size();
			}
		}
		int loadAtStart = load;
		double start = vehicle.shiftStart();
		if (!visits.isEmpty()) {
			Visit first = visits.get(0);
			double toFirst = this.matrix.time(vehicle.depot(), first.site());
			double firstStart = Math.max(start + toFirst, first.window().start());
			start = Math.max(start, firstStart - toFirst);
		}
		List<Stop> stops = new ArrayList<>();
		Site at = vehicle.depot();
		double time = start;
		double distance = 0;
		for (Visit visit : visits) {
			distance += this.matrix.distance(at, visit.site());
			double arrival = time + this.matrix.time(at, visit.site());
			double serviceStart = Math.max(arrival, visit.window().start());
			time = serviceStart + visit.service();
			load += (visit.action() == Stop.Action.PICKUP) ? visit.task().size() : -visit.task().size();
			stops.add(new Stop(visit.task().id(), visit.action(), visit.site(), arrival, serviceStart, time, load));
			at = visit.site();
		}
		distance += this.matrix.distance(at, vehicle.depot());
		double end = time + this.matrix.time(at, vehicle.depot());
		return new Route(vehicle, stops, distance, start, end, loadAtStart);
	}

	/** A task's pickup or delivery in a route. */
	record Visit(Task task, Stop.Action action) {

		Site site() {
			return (this.action == Stop.Action.PICKUP) ? this.task.pickupAt() : this.task.deliverAt();
		}

		Window window() {
			return (this.action == Stop.Action.PICKUP) ? this.task.pickupWindow() : this.task.deliveryWindow();
		}

		double service() {
			return (this.action == Stop.Action.PICKUP) ? this.task.pickupService() : this.task.deliveryService();
		}

	}

}

package org.farmgate.logistics.routing;

import java.util.List;

/**
 * Finds the tasks no vehicle could serve even alone, before any search, and says why: too
 * big for every vehicle, not reachable from their depots, or not servable within the
 * windows and shifts.
 */
final class Screening {

	private Screening() {
	}

	/**
	 * Null when some vehicle can serve the task on a tour of its own, else the reason
	 * code.
	 */
	static String whyNobodyCanServe(Task task, List<Vehicle> vehicles, JspritModel model, SiteMatrix matrix) {
		boolean fits = false;
		boolean reachable = false;
		for (Vehicle vehicle : vehicles) {
			if (task.size() > vehicle.capacity()) {
				continue;
			}
			fits = true;
			List<JspritModel.Visit> visits = visits(task);
			if (!reachable(vehicle.depot(), visits, matrix)) {
				continue;
			}
			reachable = true;
			Route alone = model.schedule(vehicle, visits);
			boolean inTime = alone.end() <= vehicle.shiftEnd();
			for (int i = 0; i < visits.size(); i++) {
				inTime &= alone.stops().get(i).start() <= visits.get(i).window().end();
			}
			if (inTime) {
				return null;
			}
		}
		if (!fits) {
			return Unplanned.CAPACITY;
		}
		return reachable ? Unplanned.TIME_WINDOW : Unplanned.UNREACHABLE;
	}

	private static List<JspritModel.Visit> visits(Task task) {
		return switch (task.kind()) {
			case PICKUP -> List.of(new JspritModel.Visit(task, Stop.Action.PICKUP));
			case DELIVERY -> List.of(new JspritModel.Visit(task, Stop.Action.DELIVERY));
			case SHIPMENT -> List.of(new JspritModel.Visit(task, Stop.Action.PICKUP),
					new JspritModel.Visit(task, Stop.Action.DELIVERY));
		};
	}

	private static boolean reachable(Site depot, List<JspritModel.Visit> visits, SiteMatrix matrix) {
		Site at = depot;
		for (JspritModel.Visit visit : visits) {
			if (!matrix.reachable(at, visit.site())) {
				return false;
			}
			at = visit.site();
		}
		return matrix.reachable(at, depot);
	}

}

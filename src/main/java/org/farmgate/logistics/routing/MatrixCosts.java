package org.farmgate.logistics.routing;

import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.cost.AbstractForwardVehicleRoutingTransportCosts;
import com.graphhopper.jsprit.core.problem.driver.Driver;
import com.graphhopper.jsprit.core.problem.vehicle.Vehicle;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl.VehicleCostParams;

/**
 * jsprit's transport costs read from a {@link SiteMatrix} by location index: cost is
 * distance (and time) weighted by the vehicle type's cost parameters, plain distance when
 * jsprit asks without a vehicle.
 */
final class MatrixCosts extends AbstractForwardVehicleRoutingTransportCosts {

	private final SiteMatrix matrix;

	MatrixCosts(SiteMatrix matrix) {
		this.matrix = matrix;
	}

	@Override
	public double getDistance(Location from, Location to, double departureTime, Vehicle vehicle) {
		return this.matrix.distance(from.getIndex(), to.getIndex());
	}

	@Override
	public double getTransportTime(Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
		return this.matrix.time(from.getIndex(), to.getIndex());
	}

	@Override
	public double getTransportCost(Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
		double distance = this.matrix.distance(from.getIndex(), to.getIndex());
		if (vehicle == null) {
			return distance;
		}
		VehicleCostParams costs = vehicle.getType().getVehicleCostParams();
		return distance * costs.perDistanceUnit
				+ this.matrix.time(from.getIndex(), to.getIndex()) * costs.perTransportTimeUnit;
	}

}

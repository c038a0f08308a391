package org.farmgate.logistics;

import java.util.Map;

import org.farmgate.logistics.routing.Site;
import org.farmgate.logistics.routing.Travel;

/**
 * Travel between stations for the runs, in kilometres and minutes: the uploaded road
 * distance of a pair when there is one, else the great-circle distance between the
 * coordinates (x longitude, y latitude) times the road factor (mountain roads wind: about
 * 1.4), driven at an average speed.
 */
final class RoadTravel implements Travel {

	private static final double EARTH_KM = 6371.0088;

	private final double roadFactor;

	private final double kmPerHour;

	private final Map<String, Map<String, double[]>> matrix;

	RoadTravel(double roadFactor, double kmPerHour, Map<String, Map<String, double[]>> matrix) {
		this.roadFactor = roadFactor;
		this.kmPerHour = kmPerHour;
		this.matrix = matrix;
	}

	@Override
	public double distance(Site from, Site to) {
		double[] leg = leg(from, to);
		return (leg != null) ? leg[0] : greatCircleKm(from.y(), from.x(), to.y(), to.x()) * this.roadFactor;
	}

	@Override
	public double time(Site from, Site to) {
		double[] leg = leg(from, to);
		return (leg != null) ? leg[1] : distance(from, to) / this.kmPerHour * 60;
	}

	private double[] leg(Site from, Site to) {
		if (from.id().equals(to.id())) {
			return new double[] { 0, 0 };
		}
		Map<String, double[]> row = this.matrix.get(from.id());
		return (row != null) ? row.get(to.id()) : null;
	}

	/** The great-circle (haversine) distance in kilometres. */
	static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
	}

}

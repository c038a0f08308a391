package org.farmgate.logistics.routing;

import java.util.Map;
import java.util.Objects;

/**
 * Distance and travel time between two sites. A pair that cannot be travelled has an
 * infinite distance (or time); tasks only reachable that way are reported
 * {@code UNREACHABLE}.
 */
public interface Travel {

	/** The distance driven from one site to another. */
	double distance(Site from, Site to);

	/** The time driven from one site to another. */
	double time(Site from, Site to);

	/**
	 * Straight-line distance between the coordinates; time equals distance (unrounded).
	 */
	static Travel euclidean() {
		return new Travel() {

			@Override
			public double distance(Site from, Site to) {
				return Math.hypot(from.x() - to.x(), from.y() - to.y());
			}

			@Override
			public double time(Site from, Site to) {
				return distance(from, to);
			}

		};
	}

	/**
	 * Travel from a matrix by site id: {@code matrix.get(fromId).get(toId)} is
	 * {@code {distance, time}}. A site to itself is zero; a missing pair cannot be
	 * travelled.
	 */
	static Travel matrix(Map<String, Map<String, double[]>> matrix) {
		Objects.requireNonNull(matrix, "matrix");
		return new Travel() {

			@Override
			public double distance(Site from, Site to) {
				return entry(from, to, 0);
			}

			@Override
			public double time(Site from, Site to) {
				return entry(from, to, 1);
			}

			private double entry(Site from, Site to, int which) {
				if (from.id().equals(to.id())) {
					return 0;
				}
				Map<String, double[]> row = matrix.get(from.id());
				double[] pair = (row != null) ? row.get(to.id()) : null;
				return (pair != null) ? pair[which] : Double.POSITIVE_INFINITY;
			}

		};
	}

	/**
	 * Road travel estimated from another travel: its distance times {@code roadFactor}
	 * (straight line to road), driven at {@code speedPerTimeUnit} distance units per time
	 * unit.
	 */
	static Travel scaled(Travel base, double roadFactor, double speedPerTimeUnit) {
		Objects.requireNonNull(base, "base");
		if (!(roadFactor > 0) || !(speedPerTimeUnit > 0)) {
			throw new IllegalArgumentException("road factor and speed must be positive");
		}
		return new Travel() {

			@Override
			public double distance(Site from, Site to) {
				return base.distance(from, to) * roadFactor;
			}

			@Override
			public double time(Site from, Site to) {
				return distance(from, to) / speedPerTimeUnit;
			}

		};
	}

}

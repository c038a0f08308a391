package org.farmgate.logistics.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sites of a problem numbered from zero, with distance and time between every two of
 * them computed once from the problem's {@link Travel}. A pair that cannot be travelled
 * (infinite or not a number) is kept as {@link #FAR}, so that sums stay finite.
 */
final class SiteMatrix {

	/** Stands for a pair that cannot be travelled. */
	static final double FAR = 1e12;

	private final Map<Site, Integer> indexes = new HashMap<>();

	private final List<Site> sites = new ArrayList<>();

	private final double[][] distances;

	private final double[][] times;

	SiteMatrix(Problem problem) {
		for (Vehicle vehicle : problem.vehicles()) {
			add(vehicle.depot());
		}
		for (Task task : problem.tasks()) {
			if (task.pickupAt() != null) {
				add(task.pickupAt());
			}
			if (task.deliverAt() != null) {
				add(task.deliverAt());
			}
		}
		int n = this.sites.size();
		this.distances = new double[n][n];
		this.times = new double[n][n];
		Travel travel = problem.travel();
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				if (i != j) {
					this.distances[i][j] = finite(travel.distance(this.sites.get(i), this.sites.get(j)));
					this.times[i][j] = finite(travel.time(this.sites.get(i), this.sites.get(j)));
				}
			}
		}
	}

	private static double finite(double value) {
		return (Double.isFinite(value) && value < FAR) ? value : FAR;
	}

	private void add(Site site) {
		if (!this.indexes.containsKey(site)) {
			this.indexes.put(site, this.sites.size());
			this.sites.add(site);
		}
	}

	int size() {
		return this.sites.size();
	}

	int index(Site site) {
		return this.indexes.get(site);
	}

	Site site(int index) {
		return this.sites.get(index);
	}

	double distance(int from, int to) {
		return this.distances[from][to];
	}

	double time(int from, int to) {
		return this.times[from][to];
	}

	double distance(Site from, Site to) {
		return this.distances[index(from)][index(to)];
	}

	double time(Site from, Site to) {
		return this.times[index(from)][index(to)];
	}

	boolean reachable(Site from, Site to) {
		return distance(from, to) < FAR && time(from, to) < FAR;
	}

}

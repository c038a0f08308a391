package org.farmgate.logistics.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Job;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.util.Solutions;
import com.graphhopper.jsprit.core.util.UnassignedJobReasonTracker;

/**
 * Plans a day: assigns the tasks of a {@link Problem} to vehicles and orders each route
 * so that the total distance is as short as the time budget allows, with capacities, time
 * windows and shifts as hard limits. Tasks no vehicle can serve are reported in the plan,
 * never dropped silently. Ruin-and-recreate search by jsprit, tuned for distance, run as
 * independent searches on the available cores; the best one wins. Thread-safe.
 */
public final class RoutePlanner {

	/** Time kept aside from the budget for turning the solution into a plan. */
	private static final long MARGIN_MILLIS = 30;

	private final Tuning tuning;

	public RoutePlanner() {
		this(Tuning.standard());
	}

	RoutePlanner(Tuning tuning) {
		this.tuning = tuning;
	}

	/**
	 * The plan of a day, searched for at most about {@code budget}; the same seed and
	 * budget give the same plan as far as the machine's speed allows.
	 */
	public Plan plan(Problem problem, Duration budget, long seed) {
		return solve(problem, budget, seed, this.tuning);
	}

	/**
	 * jsprit's default algorithm on the same problem and budget (one search, default
	 * settings): the baseline the benchmark compares {@link #plan} with.
	 */
	public Plan planWithPlainJsprit(Problem problem, Duration budget, long seed) {
		return solve(problem, budget, seed, Tuning.plainJsprit());
	}

	private static Plan solve(Problem problem, Duration budget, long seed, Tuning tuning) {
		Objects.requireNonNull(problem, "problem");
		long deadline = System.nanoTime() + budget.toNanos();
		SiteMatrix matrix = new SiteMatrix(problem);
		JspritModel model = new JspritModel(problem, matrix);
		Map<String, String> unplanned = new LinkedHashMap<>();
		List<Task> plannable = new ArrayList<>();
		for (Task task : problem.tasks()) {
			String reason = Screening.whyNobodyCanServe(task, problem.vehicles(), model, matrix);
			if (reason == null) {
				plannable.add(task);
			}
			else {
				unplanned.put(task.id(), reason);
			}
		}
		List<Route> routes = List.of();
		if (!plannable.isEmpty()) {
			Outcome best = search(model, plannable, deadline - MARGIN_MILLIS * 1_000_000, seed, tuning);
			routes = model.routes(best.solution());
			for (Job job : best.solution().getUnassignedJobs()) {
				unplanned.put(job.getId(), reason(best.tracker().getMostLikelyReasonCode(job.getId())));
			}
		}
		List<Unplanned> left = new ArrayList<>();
		unplanned.forEach((task, reason) -> left.add(new Unplanned(task, reason)));
		double distance = 0;
		for (Route route : routes) {
			distance += route.distance();
		}
		return new Plan(routes, left, distance);
	}

	private static String reason(int trackerCode) {
		return switch (trackerCode) {
			case 2 -> Unplanned.TIME_WINDOW;
			case 3 -> Unplanned.CAPACITY;
			default -> Unplanned.UNKNOWN;
		};
	}

	/**
	 * Runs the tuning's searches side by side; the cheapest solution wins (ties: the
	 * first).
	 */
	private static Outcome search(JspritModel model, List<Task> plannable, long deadline, long seed, Tuning tuning) {
		if (tuning.searches() == 1) {
			return searchOnce(model, plannable, deadline, seed, tuning);
		}
		ExecutorService executor = Executors.newFixedThreadPool(tuning.searches(), (runnable) -> {
			Thread thread = new Thread(runnable, "route-planner");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<Outcome>> futures = new ArrayList<>();
			for (int i = 0; i < tuning.searches(); i++) {
				long searchSeed = seed + 7919L * i;
				futures.add(executor.submit(() -> searchOnce(model, plannable, deadline, searchSeed, tuning)));
			}
			Outcome best = null;
			for (Future<Outcome> future : futures) {
				Outcome outcome = future.get();
				if (best == null || outcome.solution().getCost() < best.solution().getCost()) {
					best = outcome;
				}
			}
			return best;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while planning", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("planning failed", ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static Outcome searchOnce(JspritModel model, List<Task> plannable, long deadline, long seed,
			Tuning tuning) {
		VehicleRoutingProblem vrp = model.build(plannable);
		Jsprit.Builder builder = Jsprit.Builder.newInstance(vrp).setRandom(new Random(seed));
		tuning.properties().forEach(builder::setProperty);
		TimeCooledAcceptance acceptance = null;
		if (tuning.coolingAlpha() > 0) {
			acceptance = new TimeCooledAcceptance(tuning.thresholdShare(), tuning.coolingAlpha(), deadline);
			builder.setCustomAcceptor(acceptance);
		}
		VehicleRoutingAlgorithm algorithm = builder.buildAlgorithm();
		if (acceptance != null) {
			algorithm.addListener(acceptance);
		}
		if (tuning.iterations() > 0) {
			algorithm.setMaxIterations(tuning.iterations());
		}
		else {
			algorithm.setMaxIterations(Integer.MAX_VALUE);
		}
		algorithm.setPrematureAlgorithmTermination((discovered) -> System.nanoTime() > deadline);
		UnassignedJobReasonTracker tracker = new UnassignedJobReasonTracker();
		algorithm.addListener(tracker);
		Collection<VehicleRoutingProblemSolution> solutions = algorithm.searchSolutions();
		return new Outcome(Solutions.bestOf(solutions), tracker);
	}

	private record Outcome(VehicleRoutingProblemSolution solution, UnassignedJobReasonTracker tracker) {
	}

	/**
	 * How the planner searches: how many independent searches run side by side and the
	 * jsprit properties each gets.
	 */
	record Tuning(int searches, Map<String, String> properties, double thresholdShare, double coolingAlpha,
			int iterations) {

		Tuning {
			properties = Map.copyOf(properties);
		}

		/** jsprit as it comes: one search, default properties. */
		static Tuning plainJsprit() {
			return new Tuning(1, Map.of(), 0, 0, 0);
		}

		/** What {@link RoutePlanner#plan} uses. */
		static Tuning standard() {
			int searches = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
			return new Tuning(searches, Map.of(), 0.03, 0.15, 0);
		}

	}

}

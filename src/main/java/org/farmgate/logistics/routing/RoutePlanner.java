package org.farmgate.logistics.routing;

import java.time.Duration;
import java.util.ArrayList;
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
 * never dropped silently.
 * <p>
 * Ruin-and-recreate search by jsprit, objective distance: on each core (two at most) a
 * chain runs jsprit's default search and then, while the budget lasts, goes on from its
 * best solution with a re-heated threshold that cools with the clock (jsprit's own
 * schedule is tied to a fixed number of iterations, which a time budget does not give);
 * the cheapest chain wins. The re-heated threshold starts at jsprit's own share (3 % of
 * the cost) and halves every 15 % of the time left, as jsprit's does over its iterations.
 * Thread-safe.
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
			return searchChain(model, plannable, deadline, seed, tuning);
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
				futures.add(executor.submit(() -> searchChain(model, plannable, deadline, searchSeed, tuning)));
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

	/**
	 * One chain: jsprit's default search first (its own threshold schedule over its 2,000
	 * iterations, seeded with {@code seed}), then, while time is left, a second search
	 * from its best solution with the threshold re-heated and cooled by the clock until
	 * the deadline.
	 */
	private static Outcome searchChain(JspritModel model, List<Task> plannable, long deadline, long seed,
			Tuning tuning) {
		VehicleRoutingProblem vrp = model.build(plannable);
		Random random = new Random(seed);
		UnassignedJobReasonTracker tracker = new UnassignedJobReasonTracker();
		VehicleRoutingAlgorithm first = builder(vrp, random, tuning).buildAlgorithm();
		first.setPrematureAlgorithmTermination((discovered) -> System.nanoTime() > deadline);
		first.addListener(tracker);
		VehicleRoutingProblemSolution best = Solutions.bestOf(first.searchSolutions());
		if (tuning.reheatShare() > 0 && System.nanoTime() < deadline) {
			TimeCooledAcceptance acceptance = new TimeCooledAcceptance(tuning.reheatShare(), tuning.coolingAlpha(),
					deadline);
			VehicleRoutingAlgorithm second = builder(vrp, random, tuning).setCustomAcceptor(acceptance)
				.buildAlgorithm();
			second.addListener(acceptance);
			second.addListener(tracker);
			second.setMaxIterations(Integer.MAX_VALUE);
			second.setPrematureAlgorithmTermination((discovered) -> System.nanoTime() > deadline);
			second.addInitialSolution(best);
			VehicleRoutingProblemSolution improved = Solutions.bestOf(second.searchSolutions());
			if (improved.getCost() < best.getCost()) {
				best = improved;
			}
		}
		return new Outcome(best, tracker);
	}

	private static Jsprit.Builder builder(VehicleRoutingProblem vrp, Random random, Tuning tuning) {
		Jsprit.Builder builder = Jsprit.Builder.newInstance(vrp).setRandom(random);
		tuning.properties().forEach(builder::setProperty);
		return builder;
	}

	private record Outcome(VehicleRoutingProblemSolution solution, UnassignedJobReasonTracker tracker) {
	}

	/**
	 * How the planner searches: how many chains run side by side, the jsprit properties
	 * they get, and the re-heated threshold of their second search (a share of the cost,
	 * halving every {@code coolingAlpha} of the time left; zero: no second search).
	 */
	record Tuning(int searches, Map<String, String> properties, double reheatShare, double coolingAlpha) {

		Tuning {
			properties = Map.copyOf(properties);
		}

		/** jsprit as it comes: one search, default properties, nothing after it. */
		static Tuning plainJsprit() {
			return new Tuning(1, Map.of(), 0, 0);
		}

		/** What {@link RoutePlanner#plan} uses. */
		static Tuning standard() {
			int searches = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
			return new Tuning(searches, Map.of(), 0.03, 0.15);
		}

	}

}

package org.farmgate.logistics.routing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Solves one academic instance (Solomon or Li &amp; Lim, Euclidean travel) with
 * {@link RoutePlanner#plan} and, in the same run and with the same budget, with jsprit's
 * default algorithm ({@link RoutePlanner#planWithPlainJsprit}); prints one line starting
 * {@code RESULT} (ours), one starting {@code BASELINE}, one {@code GAP} to the best-known
 * cost (from {@code best-known.json} next to the instance) and one {@code CHECK} with the
 * feasibility of both plans as {@link PlanCheck} sees it. Run by
 * {@code ./bench.sh routing}.
 *
 * <p>
 * Arguments: {@code --instance FILE [--seconds N] [--seed S]}.
 */
public final class RoutingBenchmark {

	private RoutingBenchmark() {
	}

	public static void main(String[] args) {
		QuietJsprit.please();
		Path file = null;
		double seconds = 30;
		long seed = 1;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--instance" -> file = Path.of(args[++i]);
				case "--seconds" -> seconds = Double.parseDouble(args[++i]);
				case "--seed" -> seed = Long.parseLong(args[++i]);
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		if (file == null) {
			throw new IllegalArgumentException("usage: --instance FILE [--seconds N] [--seed S]");
		}
		VrpInstances.Instance instance = VrpInstances.read(file);
		Problem problem = instance.problem();
		Duration budget = Duration.ofMillis(Math.round(seconds * 1000));
		RoutePlanner planner = new RoutePlanner();
		// warms the JIT for both contenders alike
		planner.planWithPlainJsprit(problem, Duration.ofSeconds(2), seed);

		long started = System.nanoTime();
		Plan ours = planner.plan(problem, budget, seed);
		double oursSeconds = (System.nanoTime() - started) / 1e9;
		started = System.nanoTime();
		Plan plain = planner.planWithPlainJsprit(problem, budget, seed);
		double plainSeconds = (System.nanoTime() - started) / 1e9;

		System.out.println(line("RESULT", instance.name(), ours, oursSeconds));
		System.out.println(line("BASELINE", instance.name(), plain, plainSeconds));
		Optional<Double> best = VrpInstances.bestKnownCost(file, instance.name());
		if (best.isPresent()) {
			System.out.println(String.format(Locale.ROOT, "GAP instance=%s ours=%.2f%% plain=%.2f%% best-known=%.2f",
					instance.name(), gap(ours, best.get()), gap(plain, best.get()), best.get()));
		}
		System.out.println(String.format(Locale.ROOT, "CHECK instance=%s ours=%s plain=%s", instance.name(),
				verdict(problem, ours), verdict(problem, plain)));
	}

	private static String line(String label, String name, Plan plan, double seconds) {
		return String.format(Locale.ROOT, "%s instance=%s vehicles=%d distance=%.2f seconds=%.1f", label, name,
				plan.vehiclesUsed(), plan.distance(), seconds)
				+ (plan.unplanned().isEmpty() ? "" : " unplanned=" + plan.unplanned().size());
	}

	private static double gap(Plan plan, double bestKnown) {
		return 100 * (Math.round(plan.distance() * 100) / 100.0 - bestKnown) / bestKnown;
	}

	private static String verdict(Problem problem, Plan plan) {
		List<String> violations = PlanCheck.violations(problem, plan);
		if (!violations.isEmpty()) {
			return "INFEASIBLE(" + violations.size() + ": " + violations.get(0) + ")";
		}
		return plan.unplanned().isEmpty() ? "feasible" : "feasible-with-" + plan.unplanned().size() + "-unplanned";
	}

}

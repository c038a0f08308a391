package org.farmgate.logistics.routing;

import java.util.Collection;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.acceptor.SolutionAcceptor;
import com.graphhopper.jsprit.core.algorithm.listener.AlgorithmStartsListener;
import com.graphhopper.jsprit.core.algorithm.listener.IterationStartsListener;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.util.Solutions;

/**
 * Threshold acceptance (jsprit's Schrimpf acceptance) cooled by the clock instead of by
 * the iteration count: a new solution replaces the current one when it costs less than
 * the current cost plus a threshold that starts at a share of the first solution's cost
 * and halves every {@code alpha} of the time budget. jsprit's own schedule needs a
 * maximum number of iterations, which a time budget does not give.
 */
final class TimeCooledAcceptance implements SolutionAcceptor, IterationStartsListener, AlgorithmStartsListener {

	private final double initialShare;

	private final double alpha;

	private final long deadline;

	private long started;

	private double initialThreshold;

	private double threshold;

	TimeCooledAcceptance(double initialShare, double alpha, long deadline) {
		this.initialShare = initialShare;
		this.alpha = alpha;
		this.deadline = deadline;
	}

	@Override
	public void informAlgorithmStarts(VehicleRoutingProblem problem, VehicleRoutingAlgorithm algorithm,
			Collection<VehicleRoutingProblemSolution> solutions) {
		this.started = System.nanoTime();
	}

	@Override
	public void informIterationStarts(int i, VehicleRoutingProblem problem,
			Collection<VehicleRoutingProblemSolution> solutions) {
		if (i == 1) {
			this.started = System.nanoTime();
			this.initialThreshold = Solutions.bestOf(solutions).getCost() * this.initialShare;
		}
		double span = Math.max(1, this.deadline - this.started);
		double elapsed = Math.min(1, (System.nanoTime() - this.started) / span);
		this.threshold = this.initialThreshold * Math.exp(-Math.log(2) * elapsed / this.alpha);
	}

	@Override
	public boolean acceptSolution(Collection<VehicleRoutingProblemSolution> solutions,
			VehicleRoutingProblemSolution newSolution) {
		VehicleRoutingProblemSolution current = null;
		for (VehicleRoutingProblemSolution solution : solutions) {
			if (current == null || solution.getCost() > current.getCost()) {
				current = solution;
			}
		}
		if (current == null) {
			solutions.add(newSolution);
			return true;
		}
		if (newSolution.getCost() < current.getCost() + this.threshold) {
			solutions.remove(current);
			solutions.add(newSolution);
			return true;
		}
		return false;
	}

}

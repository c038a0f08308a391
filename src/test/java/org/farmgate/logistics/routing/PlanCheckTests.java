package org.farmgate.logistics.routing;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker itself: it passes a correct hand-made plan and catches each kind of fault.
 */
class PlanCheckTests {

	private final Site depot = new Site("depot", 0, 0);

	private final Site east = new Site("east", 3, 4);

	private final Vehicle van = new Vehicle("van", this.depot, 10, 0, 100);

	private final Task delivery = Task.delivery("d", this.east, 6, 1, new Window(0, 50));

	private final Task pickup = Task.pickup("p", this.east, 6, 1, new Window(0, 50));

	@Test
	void aCorrectPlanHasNoViolations() {
		Problem problem = new Problem(List.of(this.van), List.of(this.delivery), Travel.euclidean());
		Route route = new Route(this.van, List.of(new Stop("d", Stop.Action.DELIVERY, this.east, 5, 5, 6, 0)), 10, 0,
				11, 6);

		assertThat(PlanCheck.violations(problem, new Plan(List.of(route), List.of(), 10))).isEmpty();
	}

	@Test
	void aTaskNeitherServedNorReportedIsCaught() {
		Problem problem = new Problem(List.of(this.van), List.of(this.delivery), Travel.euclidean());

		assertThat(PlanCheck.violations(problem, new Plan(List.of(), List.of(), 0)))
			.anySatisfy((violation) -> assertThat(violation).contains("neither served nor reported"));
	}

	@Test
	void aLoadOverCapacityIsCaught() {
		Task second = Task.delivery("d2", this.east, 6, 1, Window.always());
		Problem problem = new Problem(List.of(this.van), List.of(this.delivery, second), Travel.euclidean());
		Route route = new Route(this.van, List.of(new Stop("d", Stop.Action.DELIVERY, this.east, 5, 5, 6, 6),
				new Stop("d2", Stop.Action.DELIVERY, this.east, 6, 6, 7, 0)), 10, 0, 12, 12);

		assertThat(PlanCheck.violations(problem, new Plan(List.of(route), List.of(), 10)))
			.anySatisfy((violation) -> assertThat(violation).contains("over its capacity"));
	}

	@Test
	void aPickupAndADeliveryOfTheSameVanCountFromTheDepot() {
		// the delivery is on board from the depot, the pickup until the depot: 6 + 6 > 10
		// at the stop
		Problem problem = new Problem(List.of(this.van), List.of(this.pickup, this.delivery), Travel.euclidean());
		Route pickFirst = new Route(this.van, List.of(new Stop("p", Stop.Action.PICKUP, this.east, 5, 5, 6, 12),
				new Stop("d", Stop.Action.DELIVERY, this.east, 6, 6, 7, 6)), 10, 0, 12, 6);

		assertThat(PlanCheck.violations(problem, new Plan(List.of(pickFirst), List.of(), 10)))
			.anySatisfy((violation) -> assertThat(violation).contains("over 10"));
	}

	@Test
	void aServiceStartedAfterItsWindowIsCaught() {
		Task late = Task.delivery("d", this.east, 1, 1, new Window(0, 4));
		Problem problem = new Problem(List.of(this.van), List.of(late), Travel.euclidean());
		Route route = new Route(this.van, List.of(new Stop("d", Stop.Action.DELIVERY, this.east, 5, 5, 6, 0)), 10, 0,
				11, 1);

		assertThat(PlanCheck.violations(problem, new Plan(List.of(route), List.of(), 10)))
			.anySatisfy((violation) -> assertThat(violation).contains("after its window"));
	}

	@Test
	void aShipmentDroppedBeforeItIsCollectedIsCaught() {
		Site west = new Site("west", -3, 4);
		Task shipment = Task.shipment("s", west, this.east, 1, 0, 0, Window.always(), Window.always());
		Problem problem = new Problem(List.of(this.van), List.of(shipment), Travel.euclidean());
		Route backwards = new Route(this.van, List.of(new Stop("s", Stop.Action.DELIVERY, this.east, 5, 5, 5, -1),
				new Stop("s", Stop.Action.PICKUP, west, 11, 11, 11, 0)), 16, 0, 16, 0);

		assertThat(PlanCheck.violations(problem, new Plan(List.of(backwards), List.of(), 16)))
			.anySatisfy((violation) -> assertThat(violation).contains("has not collected"));
	}

	@Test
	void aWrongDistanceIsCaught() {
		Problem problem = new Problem(List.of(this.van), List.of(this.delivery), Travel.euclidean());
		Route route = new Route(this.van, List.of(new Stop("d", Stop.Action.DELIVERY, this.east, 5, 5, 6, 0)), 9, 0, 11,
				6);

		assertThat(PlanCheck.violations(problem, new Plan(List.of(route), List.of(), 9)))
			.anySatisfy((violation) -> assertThat(violation).contains("drives 10"));
	}

}

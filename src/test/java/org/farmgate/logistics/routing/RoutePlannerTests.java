package org.farmgate.logistics.routing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route planner on hand-built days and on two academic instances; every plan is
 * checked by {@link PlanCheck}, never against remembered numbers.
 */
class RoutePlannerTests {

	private static final Duration SHORT = Duration.ofSeconds(1);

	private static final Path INSTANCES = Path.of("src/test/resources/routing");

	private final RoutePlanner planner = new RoutePlanner();

	private final Site depot = new Site("depot", 0, 0);

	@BeforeAll
	static void quiet() {
		QuietJsprit.please();
	}

	@Test
	void aDayWithMoreLoadThanTheFleetCarriesReportsWhatCouldNotBePlanned() {
		List<Vehicle> vans = List.of(van("van-1", 10), van("van-2", 10));
		List<Task> tasks = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			tasks.add(Task.delivery("box-" + i, new Site("village-" + i, 3 * i, 4), 6, 1, Window.always()));
		}
		Problem problem = new Problem(vans, tasks, Travel.euclidean());

		Plan plan = this.planner.plan(problem, SHORT, 1);

		assertThat(PlanCheck.violations(problem, plan)).isEmpty();
		// two boxes of 6 never fit in a van of 10: one box per van
		assertThat(plan.routes()).allSatisfy((route) -> assertThat(route.stops()).hasSize(1));
		assertThat(plan.vehiclesUsed()).isEqualTo(2);
		assertThat(plan.unplanned()).hasSize(3)
			.allSatisfy((left) -> assertThat(left.reason()).isEqualTo(Unplanned.CAPACITY));
	}

	@Test
	void pickupsAndDeliveriesShareOneTourWhenThatIsShorter() {
		Site near = new Site("near", 10, 0);
		Site far = new Site("far", 20, 0);
		List<Vehicle> vans = List.of(van("van-1", 10), van("van-2", 10));
		List<Task> tasks = List.of(Task.delivery("seed-to-far", far, 5, 0, Window.always()),
				Task.pickup("eggs-at-far", far, 5, 0, Window.always()),
				Task.pickup("honey-at-near", near, 5, 0, Window.always()));
		Travel travel = Travel.euclidean();
		Problem problem = new Problem(vans, tasks, travel);

		Plan plan = this.planner.plan(problem, SHORT, 1);

		assertThat(PlanCheck.violations(problem, plan)).isEmpty();
		assertThat(plan.unplanned()).isEmpty();
		assertThat(plan.vehiclesUsed()).isEqualTo(1);
		// the far village has to be reached and left anyway: out and back is the shortest
		// tour
		assertThat(plan.distance()).isCloseTo(travel.distance(this.depot, far) + travel.distance(far, this.depot),
				org.assertj.core.data.Offset.offset(1e-9));
		Route route = plan.routes().get(0);
		assertThat(route.loadAtStart()).isEqualTo(5);
		assertThat(route.stops()).extracting(Stop::taskId)
			.containsExactlyInAnyOrder("seed-to-far", "eggs-at-far", "honey-at-near");
	}

	@Test
	void aTaskOutsideEveryShiftIsUnplannedWithItsReason() {
		Site farm = new Site("farm", 5, 5);
		List<Vehicle> vans = List.of(new Vehicle("van-1", this.depot, 10, 0, 100));
		Task tooLate = Task.pickup("night-milk", farm, 1, 5, new Window(200, 300));
		Task inTime = Task.pickup("morning-milk", farm, 1, 5, new Window(10, 50));
		Problem problem = new Problem(vans, List.of(tooLate, inTime), Travel.euclidean());

		Plan plan = this.planner.plan(problem, SHORT, 1);

		assertThat(PlanCheck.violations(problem, plan)).isEmpty();
		assertThat(plan.unplanned()).containsExactly(new Unplanned("night-milk", Unplanned.TIME_WINDOW));
		assertThat(plan.routes()).singleElement()
			.satisfies((route) -> assertThat(route.stops()).extracting(Stop::taskId).containsExactly("morning-milk"));
	}

	@Test
	void aTaskTooBigForEveryVehicleIsUnplannedForCapacity() {
		Site farm = new Site("farm", 5, 5);
		Problem problem = new Problem(List.of(van("van-1", 10)),
				List.of(Task.pickup("a-whole-harvest", farm, 11, 0, Window.always())), Travel.euclidean());

		Plan plan = this.planner.plan(problem, SHORT, 1);

		assertThat(PlanCheck.violations(problem, plan)).isEmpty();
		assertThat(plan.routes()).isEmpty();
		assertThat(plan.unplanned()).containsExactly(new Unplanned("a-whole-harvest", Unplanned.CAPACITY));
	}

	@Test
	void aVillageNoRoadLeadsToIsUnplannedAsUnreachable() {
		Site village = new Site("village", 3, 4);
		Site island = new Site("island", 6, 8);
		Travel roads = Travel.matrix(Map.of("depot", Map.of("village", new double[] { 7, 9 }), "village",
				Map.of("depot", new double[] { 7, 9 })));
		Problem problem = new Problem(List.of(van("van-1", 10)),
				List.of(Task.delivery("to-village", village, 1, 0, Window.always()),
						Task.delivery("to-island", island, 1, 0, Window.always())),
				roads);

		Plan plan = this.planner.plan(problem, SHORT, 1);

		assertThat(PlanCheck.violations(problem, plan)).isEmpty();
		assertThat(plan.unplanned()).containsExactly(new Unplanned("to-island", Unplanned.UNREACHABLE));
		assertThat(plan.distance())
			.isEqualTo(roads.distance(this.depot, village) + roads.distance(village, this.depot));
	}

	@Test
	void aShipmentIsCollectedBeforeItIsDroppedByOneVehicle() {
		Site mill = new Site("mill", 10, 0);
		Site bakery = new Site("bakery", 10, 10);
		Site dairy = new Site("dairy", 0, 10);
		Site shop = new Site("shop", -5, 5);
		List<Task> tasks = List.of(
				Task.shipment("flour", mill, bakery, 4, 2, 2, new Window(0, 100), new Window(20, 200)),
				Task.shipment("cheese", dairy, shop, 4, 2, 2, Window.always(), Window.always()));
		Problem problem = new Problem(List.of(van("van-1", 6), van("van-2", 6)), tasks, Travel.euclidean());

		Plan plan = this.planner.plan(problem, SHORT, 1);

		assertThat(PlanCheck.violations(problem, plan)).isEmpty();
		assertThat(plan.unplanned()).isEmpty();
		for (Route route : plan.routes()) {
			assertThat(route.loadAtStart()).isZero();
		}
	}

	@Test
	void solomonC101IsSolvedFeasibly() {
		VrpInstances.Instance c101 = VrpInstances.read(INSTANCES.resolve("C101.txt"));

		Plan plan = this.planner.plan(c101.problem(), Duration.ofSeconds(3), 1);

		assertThat(PlanCheck.violations(c101.problem(), plan)).isEmpty();
		assertThat(plan.unplanned()).isEmpty();
		assertThat(plan.vehiclesUsed()).isLessThanOrEqualTo(c101.vehicles());
	}

	@Test
	void liLimLc101IsSolvedFeasibly() {
		VrpInstances.Instance lc101 = VrpInstances.read(INSTANCES.resolve("lc101.txt"));

		Plan plan = this.planner.plan(lc101.problem(), Duration.ofSeconds(3), 1);

		assertThat(PlanCheck.violations(lc101.problem(), plan)).isEmpty();
		assertThat(plan.unplanned()).isEmpty();
		assertThat(plan.vehiclesUsed()).isLessThanOrEqualTo(lc101.vehicles());
	}

	@Test
	void thePlainJspritBaselineGivesFeasiblePlansToo() {
		VrpInstances.Instance c101 = VrpInstances.read(INSTANCES.resolve("C101.txt"));

		Plan plan = this.planner.planWithPlainJsprit(c101.problem(), Duration.ofSeconds(2), 1);

		assertThat(PlanCheck.violations(c101.problem(), plan)).isEmpty();
		assertThat(plan.unplanned()).isEmpty();
	}

	private Vehicle van(String id, int capacity) {
		return new Vehicle(id, this.depot, capacity, 0, 1000);
	}

}

package org.farmgate.logistics.routing;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The instance readers on the two bundled files. */
class VrpInstancesTests {

	private static final Path INSTANCES = Path.of("src/test/resources/routing");

	@Test
	void aSolomonFileIsReadAsDeliveriesFromItsDepot() {
		VrpInstances.Instance c101 = VrpInstances.read(INSTANCES.resolve("C101.txt"));

		assertThat(c101.name()).isEqualTo("C101");
		assertThat(c101.format()).isEqualTo(VrpInstances.Format.SOLOMON);
		Problem problem = c101.problem();
		assertThat(problem.tasks()).hasSize(100)
			.allSatisfy((task) -> assertThat(task.kind()).isEqualTo(Task.Kind.DELIVERY));
		assertThat(problem.vehicles()).hasSize(25)
			.allSatisfy((vehicle) -> assertThat(vehicle)
				.extracting(Vehicle::depot, Vehicle::capacity, Vehicle::shiftStart, Vehicle::shiftEnd)
				.containsExactly(new Site("0", 40, 50), 200, 0.0, 1236.0));
		assertThat(problem.tasks().stream().mapToInt(Task::size).sum()).isEqualTo(1810);
		// " 1 45 68 10 912 967 90"
		assertThat(problem.tasks().get(0))
			.isEqualTo(Task.delivery("1", new Site("1", 45, 68), 10, 90, new Window(912, 967)));
	}

	@Test
	void aLiLimFileIsReadAsOneShipmentPerPickupAndItsDelivery() {
		VrpInstances.Instance lc101 = VrpInstances.read(INSTANCES.resolve("lc101.txt"));

		assertThat(lc101.name()).isEqualTo("lc101");
		assertThat(lc101.format()).isEqualTo(VrpInstances.Format.LI_LIM);
		Problem problem = lc101.problem();
		assertThat(problem.tasks()).hasSize(53)
			.allSatisfy((task) -> assertThat(task.kind()).isEqualTo(Task.Kind.SHIPMENT));
		assertThat(problem.vehicles()).hasSize(25)
			.allSatisfy((vehicle) -> assertThat(vehicle.capacity()).isEqualTo(200));
		assertThat(problem.tasks().stream().mapToInt(Task::size).sum()).isEqualTo(990);
		// "3 42 66 10 65 146 90 0 75" and "75 45 65 -10 997 1068 90 3 0"
		assertThat(problem.tasks()).contains(Task.shipment("3-75", new Site("3", 42, 66), new Site("75", 45, 65), 10,
				90, 90, new Window(65, 146), new Window(997, 1068)));
	}

	@Test
	void theBestKnownCostIsFoundNextToTheInstances() {
		assertThat(VrpInstances.bestKnownCost(INSTANCES.resolve("C101.txt"), "C101")).contains(828.94);
		assertThat(VrpInstances.bestKnownCostIn(INSTANCES.resolve("best-known.json"), "lr101")).contains(1650.8);
		assertThat(VrpInstances.bestKnownCostIn(INSTANCES.resolve("best-known.json"), "X999")).isEmpty();
	}

}

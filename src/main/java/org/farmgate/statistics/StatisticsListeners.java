package org.farmgate.statistics;

import org.farmgate.catalog.CatalogRestated;
import org.farmgate.catalog.ProductAdded;
import org.farmgate.catalog.ProductRecategorised;
import org.farmgate.catalog.SkuAdded;
import org.farmgate.income.DividendDistributed;
import org.farmgate.income.IncomeRestated;
import org.farmgate.income.ProcurementRecorded;
import org.farmgate.income.WageRecorded;
import org.farmgate.orders.OrderCancelled;
import org.farmgate.orders.OrderPaid;
import org.farmgate.orders.OrderRefunded;
import org.farmgate.orders.OrdersImported;
import org.farmgate.orders.OrdersRestated;
import org.farmgate.registry.EntrepreneurRecorded;
import org.farmgate.registry.HouseholdRecorded;
import org.farmgate.registry.OrganisationRecorded;
import org.farmgate.registry.RegistryRestated;
import org.farmgate.registry.ShopClosed;
import org.farmgate.registry.ShopOpened;
import org.farmgate.training.SessionAttended;
import org.farmgate.training.TraineeLinked;
import org.farmgate.training.TrainingRestated;

import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * The events the statistics learn from, each taken after its publisher committed, in the
 * background on the statistics' own threads ({@link StatisticsExecutionConfiguration}),
 * through the event publication registry (an event whose listener failed is taken again
 * on restart).
 */
@Component
class StatisticsListeners implements SmartLifecycle {

	private final StatisticsRecorder recorder;

	private volatile boolean running = true;

	StatisticsListeners(StatisticsRecorder recorder) {
		this.recorder = recorder;
	}

	/**
	 * Once the application stops, publications still queued are left for the next start
	 * (the registry republishes what was not completed) instead of holding the stop up.
	 */
	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stopped before the executors, whose stop waits for the tasks they run. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	private void record(Object event) {
		if (!this.running) {
			throw new IllegalStateException(
					"stopping: " + event.getClass().getSimpleName() + " is taken at the next start");
		}
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(OrdersImported event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(OrdersRestated event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(OrderPaid event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(OrderCancelled event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(OrderRefunded event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(OrganisationRecorded event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(ShopOpened event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(ShopClosed event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(EntrepreneurRecorded event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(HouseholdRecorded event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(RegistryRestated event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(ProductAdded event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(ProductRecategorised event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(SkuAdded event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(CatalogRestated event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(ProcurementRecorded event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(WageRecorded event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(DividendDistributed event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(IncomeRestated event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(SessionAttended event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(TrainingRestated event) {
		record(event);
	}

	@ApplicationModuleListener
	@Async(StatisticsExecutionConfiguration.LISTENERS)
	void on(TraineeLinked event) {
		record(event);
	}

}

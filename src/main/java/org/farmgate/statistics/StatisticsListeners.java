package org.farmgate.statistics;

import org.farmgate.TakenAtNextStart;
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
			throw new TakenAtNextStart(event);
		}
		this.recorder.record(event);
	}

	@StatisticsListener
	void on(OrdersImported event) {
		record(event);
	}

	@StatisticsListener
	void on(OrdersRestated event) {
		record(event);
	}

	@StatisticsListener
	void on(OrderPaid event) {
		record(event);
	}

	@StatisticsListener
	void on(OrderCancelled event) {
		record(event);
	}

	@StatisticsListener
	void on(OrderRefunded event) {
		record(event);
	}

	@StatisticsListener
	void on(OrganisationRecorded event) {
		record(event);
	}

	@StatisticsListener
	void on(ShopOpened event) {
		record(event);
	}

	@StatisticsListener
	void on(ShopClosed event) {
		record(event);
	}

	@StatisticsListener
	void on(EntrepreneurRecorded event) {
		record(event);
	}

	@StatisticsListener
	void on(HouseholdRecorded event) {
		record(event);
	}

	@StatisticsListener
	void on(RegistryRestated event) {
		record(event);
	}

	@StatisticsListener
	void on(ProductAdded event) {
		record(event);
	}

	@StatisticsListener
	void on(ProductRecategorised event) {
		record(event);
	}

	@StatisticsListener
	void on(SkuAdded event) {
		record(event);
	}

	@StatisticsListener
	void on(CatalogRestated event) {
		record(event);
	}

	@StatisticsListener
	void on(ProcurementRecorded event) {
		record(event);
	}

	@StatisticsListener
	void on(WageRecorded event) {
		record(event);
	}

	@StatisticsListener
	void on(DividendDistributed event) {
		record(event);
	}

	@StatisticsListener
	void on(IncomeRestated event) {
		record(event);
	}

	@StatisticsListener
	void on(SessionAttended event) {
		record(event);
	}

	@StatisticsListener
	void on(TrainingRestated event) {
		record(event);
	}

	@StatisticsListener
	void on(TraineeLinked event) {
		record(event);
	}

}

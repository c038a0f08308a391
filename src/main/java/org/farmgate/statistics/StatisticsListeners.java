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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * The events the statistics learn from, each taken after its publisher committed, in the
 * background on the statistics' own threads ({@link StatisticsExecutionConfiguration}),
 * through the event publication registry (an event whose listener failed is taken again
 * on restart). An import's chunks are the exception: taken in the chunk's own transaction
 * (decision 0016), so that a year of orders is not written twice more, as publications
 * and as their JSON; a chunk the statistics cannot take there is deferred to the registry
 * instead of failing the import.
 */
@Component
class StatisticsListeners implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(StatisticsListeners.class);

	private final StatisticsRecorder recorder;

	private final ApplicationEventPublisher events;

	private volatile boolean running = true;

	StatisticsListeners(StatisticsRecorder recorder, ApplicationEventPublisher events) {
		this.recorder = recorder;
		this.events = events;
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

	/**
	 * Takes an import's chunk in the chunk's transaction, behind a savepoint: the sales
	 * are counted when the chunk commits, or not at all. When the statistics cannot take
	 * it (a database error, a bug), what they wrote is rolled back to the savepoint and
	 * the chunk is deferred to the registry, to be taken after the commit like any other
	 * event; the import itself goes on.
	 */
	@EventListener
	void on(OrdersImported event) {
		// a chunk deferred outside a transaction would be lost: the registry keeps what a
		// transaction publishes
		Assert.state(TransactionSynchronizationManager.isActualTransactionActive(),
				"an import's chunk is published in the chunk's transaction");
		try {
			this.recorder.recordBehindSavepoint(event);
		}
		catch (RuntimeException ex) {
			// no personal data: the statistics hold ids, codes and amounts
			logger.warn("The statistics take import chunk {} (job {}) after it commits, not with it", event.id(),
					event.importJobId(), ex);
			this.events.publishEvent(new ImportChunkDeferred(event));
		}
	}

	@StatisticsListener
	void on(ImportChunkDeferred event) {
		record(event.chunk());
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

package org.farmgate.statistics;

import org.farmgate.catalog.CatalogRestated;
import org.farmgate.catalog.ProductAdded;
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

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The events the statistics learn from, each taken after its publisher committed, in the
 * background, through the event publication registry (an event whose listener failed is
 * taken again on restart).
 */
@Component
class StatisticsListeners {

	private final StatisticsRecorder recorder;

	StatisticsListeners(StatisticsRecorder recorder) {
		this.recorder = recorder;
	}

	@ApplicationModuleListener
	void on(OrdersImported event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(OrdersRestated event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(OrderPaid event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(OrderCancelled event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(OrderRefunded event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(OrganisationRecorded event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(ShopOpened event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(ShopClosed event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(EntrepreneurRecorded event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(HouseholdRecorded event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(RegistryRestated event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(ProductAdded event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(SkuAdded event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(CatalogRestated event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(ProcurementRecorded event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(WageRecorded event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(DividendDistributed event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(IncomeRestated event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(SessionAttended event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(TrainingRestated event) {
		this.recorder.record(event);
	}

	@ApplicationModuleListener
	void on(TraineeLinked event) {
		this.recorder.record(event);
	}

}

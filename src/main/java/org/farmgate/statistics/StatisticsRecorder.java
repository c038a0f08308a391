package org.farmgate.statistics;

import java.util.List;

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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes each event the statistics learn from, once: the ledger keeps the key of every
 * publication taken (a chunk's id, or a single move's natural key), in the same
 * transaction as what it changed, and a key seen before is skipped. Facts are also keyed
 * by what they are about, so a restatement of things already known adds nothing either.
 */
@Component
class StatisticsRecorder {

	private final JdbcClient jdbc;

	private final SalesRollup sales;

	private final Facts facts;

	StatisticsRecorder(JdbcClient jdbc, SalesRollup sales, Facts facts) {
		this.jdbc = jdbc;
		this.sales = sales;
		this.facts = facts;
	}

	/**
	 * Takes one event of the kinds the statistics know.
	 * @return whether it was new (false: taken before, or not a kind they know)
	 */
	@Transactional
	public boolean record(Object event) {
		return take(event);
	}

	/**
	 * Takes one event in the caller's transaction, behind a savepoint: when it fails,
	 * nothing of it stays and the caller's transaction goes on (an import's chunk).
	 * @return whether it was new
	 */
	@Transactional(propagation = Propagation.NESTED)
	public boolean recordBehindSavepoint(Object event) {
		return take(event);
	}

	private boolean take(Object event) {
		String key = key(event);
		if (key == null || !first(key)) {
			return false;
		}
		if (event instanceof OrdersImported chunk) {
			orders(chunk.paid(), chunk.cancelled(), chunk.refunded());
		}
		else if (event instanceof OrdersRestated chunk) {
			orders(chunk.paid(), chunk.cancelled(), chunk.refunded());
		}
		else if (event instanceof OrderPaid paid) {
			this.sales.took(List.of(paid), List.of(), List.of());
		}
		else if (event instanceof OrderCancelled cancelled) {
			this.sales.took(List.of(), List.of(cancelled), List.of());
		}
		else if (event instanceof OrderRefunded refunded) {
			this.sales.took(List.of(), List.of(), List.of(refunded));
		}
		else if (event instanceof OrganisationRecorded organisation) {
			this.facts.organisations(List.of(organisation));
		}
		else if (event instanceof ShopOpened shop) {
			this.facts.shops(List.of(shop));
		}
		else if (event instanceof ShopClosed shop) {
			this.facts.closed(List.of(shop));
		}
		else if (event instanceof EntrepreneurRecorded entrepreneur) {
			this.facts.entrepreneurs(List.of(entrepreneur));
		}
		else if (event instanceof HouseholdRecorded household) {
			this.facts.households(List.of(household));
		}
		else if (event instanceof RegistryRestated registry) {
			this.facts.organisations(registry.organisations());
			this.facts.shops(registry.shops());
			this.facts.closed(registry.closedShops());
			this.facts.entrepreneurs(registry.entrepreneurs());
			this.facts.households(registry.households());
		}
		else if (event instanceof ProductAdded product) {
			this.facts.products(List.of(product));
		}
		else if (event instanceof ProductRecategorised product) {
			this.facts.products(List.of(new ProductAdded(product.productId(), product.organisationId(),
					product.countyCode(), product.categoryCode())));
		}
		else if (event instanceof SkuAdded sku) {
			this.facts.skus(List.of(sku));
		}
		else if (event instanceof CatalogRestated catalog) {
			this.facts.products(catalog.products());
			this.facts.skus(catalog.skus());
		}
		else if (event instanceof ProcurementRecorded procurement) {
			this.facts.procurements(List.of(procurement));
		}
		else if (event instanceof WageRecorded wage) {
			this.facts.wages(List.of(wage));
		}
		else if (event instanceof DividendDistributed dividend) {
			this.facts.dividends(List.of(dividend));
		}
		else if (event instanceof IncomeRestated income) {
			this.facts.procurements(income.procurements());
			this.facts.wages(income.wages());
			this.facts.dividends(income.dividends());
		}
		else if (event instanceof SessionAttended attended) {
			this.facts.attendances(List.of(attended));
		}
		else if (event instanceof TrainingRestated training) {
			this.facts.attendances(training.attendances());
			this.facts.trainees(training.links());
		}
		else if (event instanceof TraineeLinked link) {
			this.facts.trainees(List.of(link));
		}
		return true;
	}

	private void orders(List<OrderPaid> paid, List<OrderCancelled> cancelled, List<OrderRefunded> refunded) {
		this.sales.took(paid, cancelled.stream().filter(OrderCancelled::wasPaid).toList(), refunded);
	}

	/**
	 * The ledger key of an event: a chunk's publication id, or what makes a single move
	 * unique (an order is paid once, cancelled once; a refund is known by its total).
	 * Facts that may be told again with new values (an organisation's village) are not
	 * kept in the ledger: the newest telling wins.
	 */
	static String key(Object event) {
		if (event instanceof OrdersImported chunk) {
			return "OrdersImported:" + chunk.id();
		}
		if (event instanceof OrdersRestated chunk) {
			return "OrdersRestated:" + chunk.id();
		}
		if (event instanceof OrderPaid) {
			// told again when the order's amount or lines change: the sale row decides
			return "";
		}
		if (event instanceof OrderCancelled cancelled) {
			return cancelled.wasPaid() ? "OrderCancelled:" + cancelled.orderId() : null;
		}
		if (event instanceof OrderRefunded refunded) {
			return "OrderRefunded:" + refunded.orderId() + ":"
					+ ((refunded.refundedAmount() != null) ? refunded.refundedAmount().toPlainString() : "0");
		}
		if (event instanceof RegistryRestated registry) {
			return "RegistryRestated:" + registry.id();
		}
		if (event instanceof CatalogRestated catalog) {
			return "CatalogRestated:" + catalog.id();
		}
		if (event instanceof IncomeRestated income) {
			return "IncomeRestated:" + income.id();
		}
		if (event instanceof TrainingRestated training) {
			return "TrainingRestated:" + training.id();
		}
		if (event instanceof ProcurementRecorded procurement) {
			return "ProcurementRecorded:" + procurement.id();
		}
		if (event instanceof WageRecorded wage) {
			return "WageRecorded:" + wage.id();
		}
		if (event instanceof DividendDistributed dividend) {
			return "DividendDistributed:" + dividend.id();
		}
		if (event instanceof SessionAttended attended) {
			return "SessionAttended:" + attended.enrolmentId();
		}
		if (event instanceof SkuAdded sku) {
			return "SkuAdded:" + sku.skuId();
		}
		boolean fact = event instanceof OrganisationRecorded || event instanceof ShopOpened
				|| event instanceof ShopClosed || event instanceof EntrepreneurRecorded
				|| event instanceof HouseholdRecorded || event instanceof ProductAdded
				|| event instanceof ProductRecategorised || event instanceof TraineeLinked;
		return fact ? "" : null;
	}

	private boolean first(String key) {
		if (key.isEmpty()) {
			return true;
		}
		return this.jdbc.sql("INSERT INTO statistics_ledger (event_key) VALUES (?) ON CONFLICT DO NOTHING")
			.param(key)
			.update() == 1;
	}

}

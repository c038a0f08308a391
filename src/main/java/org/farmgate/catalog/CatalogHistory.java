package org.farmgate.catalog;

import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells every product and SKU again as one {@link CatalogRestated}: how the statistics
 * catch up with products added before they listened, or written directly by the demo.
 */
@Component
public class CatalogHistory {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	CatalogHistory(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = transactions;
	}

	/** Publishes every product and SKU. */
	public void restate() {
		List<ProductAdded> products = this.jdbc
			.sql("SELECT id, organisation_id, county_code, category_code FROM catalog_product")
			.query((rs, n) -> new ProductAdded(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getString(4)))
			.list();
		List<SkuAdded> skus = this.jdbc.sql("SELECT id, product_id, organisation_id, county_code FROM catalog_sku")
			.query((rs, n) -> new SkuAdded(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4)))
			.list();
		this.transactions.executeWithoutResult(
				status -> this.events.publishEvent(new CatalogRestated(UUID.randomUUID(), products, skus)));
	}

}

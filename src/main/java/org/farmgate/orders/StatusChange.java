package org.farmgate.orders;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One move of an order's status or after-sale state: from, to, when, and its source (an
 * import job, a webhook, the API or a user) with a reference.
 */
@Table("orders_status_change")
public record StatusChange(OrderStatus fromStatus, OrderStatus toStatus, AfterSaleStatus afterSale, Instant occurredAt,
		ChangeSource source, String sourceRef) {

	/**
	 * Where a change came from.
	 */
	public enum ChangeSource {

		IMPORT, WEBHOOK, API, USER

	}

}

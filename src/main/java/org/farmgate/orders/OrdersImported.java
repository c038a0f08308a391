package org.farmgate.orders;

import java.util.List;
import java.util.UUID;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Orders an import job took (a chunk of them, or one when a chunk had to be taken order
 * by order): the moves they made, as the same events a single order's moves publish,
 * gathered so that a listener takes thousands at once instead of one publication each.
 * {@code id} identifies the publication (for a listener's ledger); a chunk taken again
 * after a restart makes no moves a second time (its orders are then unchanged). The
 * statistics take it in the chunk's own transaction (decision 0016); when a listener
 * takes it after the commit instead (a chunk the statistics deferred), the event
 * publication registry keeps it in a compact form of its own
 * ({@link OrdersImportedJson}).
 */
@JsonSerialize(using = OrdersImportedJson.Writer.class)
@JsonDeserialize(using = OrdersImportedJson.Reader.class)
public record OrdersImported(UUID id, UUID importJobId, UUID shopId, UUID organisationId, String countyCode,
		List<OrderPaid> paid, List<OrderShipped> shipped, List<OrderCompleted> completed,
		List<OrderCancelled> cancelled, List<OrderRefunded> refunded) {

	/** The moves of an import's orders, sorted by kind. */
	static OrdersImported of(UUID importJobId, ShopContext shop, List<Object> moves) {
		return new OrdersImported(UUID.randomUUID(), importJobId, shop.shopId(), shop.organisationId(),
				shop.countyCode(), only(moves, OrderPaid.class), only(moves, OrderShipped.class),
				only(moves, OrderCompleted.class), only(moves, OrderCancelled.class), only(moves, OrderRefunded.class));
	}

	private static <T> List<T> only(List<Object> moves, Class<T> type) {
		return moves.stream().filter(type::isInstance).map(type::cast).toList();
	}

}

package org.farmgate.orders;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.farmgate.registry.Platform;

/**
 * An order as the county's fulfilment sees it: whom it goes to (the phone in full, for
 * the waybill; pages mask it), where, what it holds and what is in it.
 */
public record ShippableOrder(UUID id, String countyCode, UUID organisationId, UUID shopId, Platform platform,
		String platformOrderNo, OrderStatus status, Set<HoldReason> holds, String recipientName, String recipientPhone,
		String address, String provinceCode, String destinationCode, String destinationStatus, List<Line> lines) {

	public ShippableOrder {
		holds = Set.copyOf(holds);
		lines = List.copyOf(lines);
	}

	/** Whether it may leave now: paid, not all shipped yet, held for nothing. */
	public boolean shippable() {
		return (this.status == OrderStatus.PAID || this.status == OrderStatus.PARTIALLY_SHIPPED)
				&& this.holds.isEmpty();
	}

	/** A line under its platform line key, with our SKU when matched. */
	public record Line(String lineKey, UUID skuId, String title, int quantity) {
	}

}

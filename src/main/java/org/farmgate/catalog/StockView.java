package org.farmgate.catalog;

import java.util.UUID;

/**
 * The stock of a SKU at a location: on hand, reserved for order lines, available (on hand
 * less reserved), and whether available stock is at or below the low-stock threshold.
 */
public record StockView(UUID skuId, UUID productId, UUID organisationId, String productName, String specification,
		String merchantCode, LocationKind locationKind, UUID locationId, int onHand, int reserved, int lowThreshold) {

	public int available() {
		return this.onHand - this.reserved;
	}

	public boolean low() {
		return this.lowThreshold > 0 && available() <= this.lowThreshold;
	}

}

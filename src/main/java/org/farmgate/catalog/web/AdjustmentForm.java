package org.farmgate.catalog.web;

import java.util.UUID;

import org.farmgate.catalog.AdjustmentInput;
import org.farmgate.catalog.AdjustmentReason;
import org.farmgate.catalog.LocationKind;

/**
 * The form that changes a SKU's stock in the organisation's warehouse.
 */
record AdjustmentForm(UUID skuId, Integer delta, AdjustmentReason reason, String note, Integer lowThreshold) {

	static AdjustmentForm empty() {
		return new AdjustmentForm(null, null, AdjustmentReason.RECEIVED, "", null);
	}

	AdjustmentInput toInput() {
		return new AdjustmentInput(this.skuId, LocationKind.WAREHOUSE, null, this.delta, this.reason, this.note);
	}

}

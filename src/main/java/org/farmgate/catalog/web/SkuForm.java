package org.farmgate.catalog.web;

import java.math.BigDecimal;

import org.farmgate.catalog.SkuInput;
import org.farmgate.catalog.Unit;

/**
 * The form of a SKU.
 */
record SkuForm(String specification, Unit unit, BigDecimal quantity, Integer netWeightGrams, BigDecimal price,
		String barcode, String merchantCode) {

	static SkuForm empty() {
		return new SkuForm("", Unit.KG, BigDecimal.ONE, null, null, "", "");
	}

	SkuInput toInput() {
		return new SkuInput(this.specification, this.unit, this.quantity, this.netWeightGrams, this.price, this.barcode,
				this.merchantCode);
	}

}

package org.farmgate.catalog;

import java.math.BigDecimal;

/**
 * The unit a SKU is sold in. Weight units know their grams (斤 = 500 g), so that a SKU's
 * net weight can be checked against its quantity; count units (portion, box, bottle,
 * piece) carry their net weight apart.
 */
public enum Unit {

	KG(1000), JIN(500), G(1), PORTION(0), BOX(0), BOTTLE(0), PIECE(0);

	private final int grams;

	Unit(int grams) {
		this.grams = grams;
	}

	public boolean isWeight() {
		return this.grams > 0;
	}

	/** The grams of a quantity of a weight unit. */
	public BigDecimal grams(BigDecimal quantity) {
		if (!isWeight()) {
			throw new IllegalStateException(this + " is not a weight unit");
		}
		return quantity.multiply(BigDecimal.valueOf(this.grams));
	}

}

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

	/**
	 * A quantity as people write it: 1.5, not 1.500; 100, not 1E+2.
	 */
	public static BigDecimal plain(BigDecimal quantity) {
		if (quantity == null) {
			return null;
		}
		BigDecimal stripped = quantity.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	/** The grams of a quantity of a weight unit. */
	public BigDecimal grams(BigDecimal quantity) {
		if (!isWeight()) {
			throw new IllegalStateException(this + " is not a weight unit");
		}
		return quantity.multiply(BigDecimal.valueOf(this.grams));
	}

}

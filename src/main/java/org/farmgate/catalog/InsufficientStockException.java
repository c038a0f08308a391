package org.farmgate.catalog;

/**
 * A reservation refused because the SKU's available stock at the location is less than
 * asked for.
 */
public class InsufficientStockException extends CatalogException {

	private final int available;

	InsufficientStockException(int requested, int available) {
		super("catalog.error.insufficient-stock", requested, available);
		this.available = available;
	}

	public int available() {
		return this.available;
	}

}

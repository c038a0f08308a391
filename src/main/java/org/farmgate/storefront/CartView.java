package org.farmgate.storefront;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.farmgate.catalog.Unit;

/**
 * A guest's cart with today's prices: its lines (a SKU that can no longer be sold is left
 * out and counted), the goods total, and how many units in all.
 */
public record CartView(UUID id, List<Line> lines, BigDecimal goods, int units, int dropped) {

	public static CartView empty() {
		return new CartView(null, List.of(), BigDecimal.ZERO, 0, 0);
	}

	public boolean isEmpty() {
		return this.lines.isEmpty();
	}

	/** A line: the SKU, its product's names, specification, unit price and units. */
	public record Line(UUID skuId, UUID productId, UUID organisationId, String nameZh, String nameEn, String nameFr,
			String specification, Unit unit, Integer netWeightGrams, BigDecimal unitPrice, int quantity) {

		public BigDecimal amount() {
			return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
		}

	}

}

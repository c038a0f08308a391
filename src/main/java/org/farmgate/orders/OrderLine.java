package org.farmgate.orders;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A line of an order (kept under the platform's line key): item and SKU ids, merchant
 * code and title, our SKU when matched, quantity, unit price, amount, and whether stock
 * is reserved for it.
 */
@Table("orders_order_line")
record OrderLine(String itemId, String platformSkuId, String merchantCode, String title, UUID skuId, int quantity,
		BigDecimal unitPrice, BigDecimal amount, boolean reserved) {

	OrderLine matched(UUID sku) {
		return new OrderLine(this.itemId, this.platformSkuId, this.merchantCode, this.title, sku, this.quantity,
				this.unitPrice, this.amount, this.reserved);
	}

	OrderLine reserved(boolean held) {
		return new OrderLine(this.itemId, this.platformSkuId, this.merchantCode, this.title, this.skuId, this.quantity,
				this.unitPrice, this.amount, held);
	}

}

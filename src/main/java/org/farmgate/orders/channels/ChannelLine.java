package org.farmgate.orders.channels;

import java.math.BigDecimal;

/**
 * A line of an order as a channel wrote it: its key within the order, the platform's item
 * and SKU ids, the merchant code, the title, quantity, unit price and amount.
 */
public record ChannelLine(String lineKey, String itemId, String skuId, String merchantCode, String title, int quantity,
		BigDecimal unitPrice, BigDecimal amount) {

	/**
	 * The key of the one line a Taobao order report gives when its item report is not
	 * there (title and item count only): the real lines replace it when they come.
	 */
	public static final String FROM_ORDER_REPORT = "order-report";

	public boolean fromOrderReport() {
		return FROM_ORDER_REPORT.equals(this.lineKey);
	}

}

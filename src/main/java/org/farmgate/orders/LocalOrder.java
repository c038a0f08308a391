package org.farmgate.orders;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * An order placed on the county's own storefront (platform LOCAL): its number, whom it
 * goes to, the lines at the prices the storefront charged, the shipping fee, and whether
 * the buyer has paid (cash on delivery counts as to be shipped: paid to the courier).
 */
public record LocalOrder(String orderNo, String buyerMessage, String recipientName, String recipientPhone,
		String address, BigDecimal shippingFee, boolean paid, List<Line> lines) {

	public LocalOrder {
		lines = List.copyOf(lines);
	}

	/** A line: the SKU, its merchant code and title, units and unit price. */
	public record Line(String lineKey, UUID skuId, String merchantCode, String title, int quantity,
			BigDecimal unitPrice) {
	}

}

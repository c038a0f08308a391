package org.farmgate.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.farmgate.registry.Platform;

/**
 * An order as the inbox and the API show it: the recipient's phone masked, its holds, its
 * destination and its lines and status history.
 */
public record OrderView(UUID id, UUID shopId, UUID organisationId, Platform platform, String platformOrderNo,
		String buyerNickname, String buyerMessage, String sellerMemo, Instant createdAt, Instant paidAt,
		Instant shippedAt, Instant completedAt, OrderStatus status, AfterSaleStatus afterSale, List<HoldReason> holds,
		BigDecimal goodsAmount, BigDecimal shippingFee, BigDecimal discount, BigDecimal paidAmount,
		BigDecimal refundedAmount, String recipientName, String recipientPhone, String rawAddress,
		Destination destination, List<Line> lines, List<StatusChange> history) {

	/**
	 * Where the order goes: the division codes its address resolved to, and how far.
	 */
	public record Destination(String provinceCode, String cityCode, String countyCode, String status) {
	}

	/**
	 * A line of the order.
	 */
	public record Line(String lineKey, String itemId, String platformSkuId, String merchantCode, String title,
			UUID skuId, int quantity, BigDecimal unitPrice, BigDecimal amount, boolean reserved) {
	}

}

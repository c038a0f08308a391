package org.farmgate.orders.channels;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.farmgate.orders.AfterSaleStatus;
import org.farmgate.orders.OrderStatus;
import org.farmgate.registry.Platform;

/**
 * An order as one channel wrote it, read into the unified shape: identity, buyer, times,
 * unified status and after-sale state (and whether the platform locked it), amounts, the
 * recipient (null where the platform masked it) with the raw address, and its lines.
 * {@code line} is where it starts in its file.
 */
public record ChannelOrder(Platform platform, String platformOrderNo, int line, String buyerNickname,
		String buyerMessage, String sellerMemo, Instant createdAt, Instant paidAt, Instant shippedAt,
		Instant completedAt, OrderStatus status, AfterSaleStatus afterSale, boolean locked, BigDecimal goodsAmount,
		BigDecimal shippingFee, BigDecimal discount, BigDecimal paidAmount, BigDecimal refundedAmount,
		String recipientName, String recipientPhone, String rawAddress, List<ChannelLine> lines) {

	/** The same order with other lines (the Taobao item report adds them). */
	public ChannelOrder withLines(List<ChannelLine> other) {
		return new ChannelOrder(this.platform, this.platformOrderNo, this.line, this.buyerNickname, this.buyerMessage,
				this.sellerMemo, this.createdAt, this.paidAt, this.shippedAt, this.completedAt, this.status,
				this.afterSale, this.locked, this.goodsAmount, this.shippingFee, this.discount, this.paidAmount,
				this.refundedAmount, this.recipientName, this.recipientPhone, this.rawAddress, List.copyOf(other));
	}

}

package org.farmgate.orders;

import java.util.List;

import org.farmgate.orders.channels.ChannelLine;
import org.farmgate.orders.channels.ChannelOrder;

/**
 * What an order may hold: identifiers longer than the platforms use are refused, free
 * text (messages, titles, names, addresses) is cut to what is kept.
 */
final class OrderFit {

	private OrderFit() {
	}

	/**
	 * The order with its free text cut to size.
	 * @throws OrderException when an identifier is too long
	 */
	static ChannelOrder fitted(ChannelOrder order) {
		if (order.platformOrderNo().length() > 64) {
			throw OrderException.because("orders.message.too-long", "platformOrderNo");
		}
		// a loop, not a stream: every order of an import passes here
		ChannelLine[] lines = new ChannelLine[order.lines().size()];
		for (int i = 0; i < lines.length; i++) {
			ChannelLine line = order.lines().get(i);
			if (line.lineKey().length() > 80) {
				throw OrderException.because("orders.message.too-long", "lineKey");
			}
			if (longer(line.itemId(), 64) || longer(line.skuId(), 64) || longer(line.merchantCode(), 64)) {
				throw OrderException.because("orders.message.too-long", "itemId / skuId / merchantCode");
			}
			lines[i] = !longer(line.title(), 300) ? line : new ChannelLine(line.lineKey(), line.itemId(), line.skuId(),
					line.merchantCode(), cut(line.title(), 300), line.quantity(), line.unitPrice(), line.amount());
		}
		return new ChannelOrder(order.platform(), order.platformOrderNo(), order.line(),
				cut(order.buyerNickname(), 100), cut(order.buyerMessage(), 1000), cut(order.sellerMemo(), 1000),
				order.createdAt(), order.paidAt(), order.shippedAt(), order.completedAt(), order.status(),
				order.afterSale(), order.locked(), order.goodsAmount(), order.shippingFee(), order.discount(),
				order.paidAmount(), order.refundedAmount(), cut(order.recipientName(), 100),
				longer(order.recipientPhone(), 40) ? null : order.recipientPhone(), cut(order.rawAddress(), 500),
				java.util.Collections.unmodifiableList(java.util.Arrays.asList(lines)));
	}

	private static boolean longer(String value, int max) {
		return value != null && value.length() > max;
	}

	private static String cut(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}

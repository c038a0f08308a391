package org.farmgate.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.farmgate.orders.channels.ChannelLine;
import org.farmgate.orders.channels.ChannelOrder;
import org.farmgate.registry.Platform;

/**
 * One order as integrations send it (the API and webhooks), modelled on the platforms'
 * open-API order objects in the unified lifecycle:
 *
 * <pre>
 * {"platformOrderNo": "2543…", "status": "PAID", "afterSale": "NONE", "locked": false,
 *  "buyerNickname": "…", "buyerMessage": "…", "sellerMemo": "…",
 *  "createdAt": "2026-11-20T02:15:00Z", "paidAt": "…", "shippedAt": null, "completedAt": null,
 *  "goodsAmount": 79.80, "shippingFee": 0, "discount": 0, "paidAmount": 79.80, "refundedAmount": 0,
 *  "recipient": {"name": "张三", "phone": "13812345678", "address": "江苏省南京市鼓楼区中山路1号"},
 *  "lines": [{"lineKey": "1", "itemId": "6100…", "skuId": "…", "merchantCode": "XF-SC-1500",
 *             "title": "立碑酸菜 1.5kg", "quantity": 2, "unitPrice": 39.90, "amount": 79.80}]}
 * </pre>
 *
 * Instead of {@code status}, a Suning shop may send the platform's own status code as
 * {@code platformStatus}: 10 paid, 20 shipped, 21 partly shipped, 30 complete, 40 closed.
 */
public record OrderMessage(String platformOrderNo, OrderStatus status, String platformStatus, AfterSaleStatus afterSale,
		Boolean locked, String buyerNickname, String buyerMessage, String sellerMemo, Instant createdAt, Instant paidAt,
		Instant shippedAt, Instant completedAt, BigDecimal goodsAmount, BigDecimal shippingFee, BigDecimal discount,
		BigDecimal paidAmount, BigDecimal refundedAmount, Recipient recipient, List<Line> lines) {

	/** Who receives the parcel, and where. */
	public record Recipient(String name, String phone, String address) {
	}

	/** A line of the order. */
	public record Line(String lineKey, String itemId, String skuId, String merchantCode, String title, Integer quantity,
			BigDecimal unitPrice, BigDecimal amount) {
	}

	/**
	 * The order in the channel shape, after checking it.
	 * @throws OrderException naming what is missing or wrong
	 */
	ChannelOrder toChannelOrder(Platform platform) {
		if (this.platformOrderNo == null || this.platformOrderNo.isBlank() || this.platformOrderNo.length() > 64) {
			throw OrderException.because("orders.message.order-no");
		}
		OrderStatus unified = (this.status != null) ? this.status : platformStatus(platform, this.platformStatus);
		if (unified == null) {
			throw OrderException.because("orders.message.status");
		}
		if (this.lines == null || this.lines.isEmpty() || this.lines.size() > 200) {
			throw OrderException.because("orders.message.lines");
		}
		List<ChannelLine> channelLines = new java.util.ArrayList<>();
		int n = 0;
		for (Line line : this.lines) {
			n++;
			if (line == null || line.quantity() == null || line.quantity() < 1 || line.quantity() > 100_000) {
				throw OrderException.because("orders.message.quantity", n);
			}
			channelLines.add(new ChannelLine(
					(line.lineKey() != null && !line.lineKey().isBlank()) ? line.lineKey() : String.valueOf(n),
					line.itemId(), line.skuId(), line.merchantCode(), line.title(), line.quantity(), line.unitPrice(),
					(line.amount() != null) ? line.amount() : (line.unitPrice() != null)
							? line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())) : null));
		}
		Recipient to = (this.recipient != null) ? this.recipient : new Recipient(null, null, null);
		return new ChannelOrder(platform, this.platformOrderNo.strip(), 0, this.buyerNickname, this.buyerMessage,
				this.sellerMemo, this.createdAt, this.paidAt, this.shippedAt, this.completedAt, unified,
				(this.afterSale != null) ? this.afterSale : AfterSaleStatus.NONE, Boolean.TRUE.equals(this.locked),
				this.goodsAmount, this.shippingFee, this.discount, this.paidAmount, this.refundedAmount,
				masked(to.name()), masked(to.phone()), masked(to.address()), channelLines);
	}

	/** A platform's own status code where the platform sends codes (Suning). */
	static OrderStatus platformStatus(Platform platform, String code) {
		if (platform != Platform.SUNING || code == null) {
			return null;
		}
		return switch (code.strip()) {
			case "10" -> OrderStatus.PAID;
			case "20" -> OrderStatus.SHIPPED;
			case "21" -> OrderStatus.PARTIALLY_SHIPPED;
			case "30" -> OrderStatus.COMPLETED;
			case "40" -> OrderStatus.CANCELLED;
			default -> null;
		};
	}

	private static String masked(String value) {
		return (value == null || value.isBlank() || value.contains("*")) ? null : value.strip();
	}

}

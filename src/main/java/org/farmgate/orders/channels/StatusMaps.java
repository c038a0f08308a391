package org.farmgate.orders.channels;

import java.util.Map;

import org.farmgate.orders.AfterSaleStatus;
import org.farmgate.orders.OrderStatus;

/**
 * Each platform's status texts in the unified lifecycle (channel-exports.md).
 */
final class StatusMaps {

	/** A platform status read: the unified status, the after-sale state, and a lock. */
	record Mapped(OrderStatus status, AfterSaleStatus afterSale, boolean locked) {

		static Mapped of(OrderStatus status) {
			return new Mapped(status, AfterSaleStatus.NONE, false);
		}

	}

	private static final Map<String, OrderStatus> TAOBAO = Map.ofEntries(
			Map.entry("等待买家付款", OrderStatus.PENDING_PAYMENT), Map.entry("买家已付款，等待卖家发货", OrderStatus.PAID),
			Map.entry("买家已付款,等待卖家发货", OrderStatus.PAID), Map.entry("等待卖家发货", OrderStatus.PAID),
			Map.entry("卖家部分发货", OrderStatus.PARTIALLY_SHIPPED), Map.entry("卖家已发货，等待买家确认", OrderStatus.SHIPPED),
			Map.entry("卖家已发货,等待买家确认", OrderStatus.SHIPPED), Map.entry("等待买家确认收货", OrderStatus.SHIPPED),
			Map.entry("买家已签收", OrderStatus.DELIVERED), Map.entry("交易成功", OrderStatus.COMPLETED),
			Map.entry("交易关闭", OrderStatus.CANCELLED), Map.entry("交易被淘宝关闭", OrderStatus.CANCELLED));

	private static final Map<String, Mapped> JD = Map.ofEntries(
			Map.entry("等待付款", Mapped.of(OrderStatus.PENDING_PAYMENT)), Map.entry("等待出库", Mapped.of(OrderStatus.PAID)),
			Map.entry("等待发货", Mapped.of(OrderStatus.PAID)), Map.entry("等待确认收货", Mapped.of(OrderStatus.SHIPPED)),
			Map.entry("发往配送中心", Mapped.of(OrderStatus.SHIPPED)), Map.entry("完成", Mapped.of(OrderStatus.COMPLETED)),
			Map.entry("已完成", Mapped.of(OrderStatus.COMPLETED)), Map.entry("已取消", Mapped.of(OrderStatus.CANCELLED)),
			Map.entry("取消", Mapped.of(OrderStatus.CANCELLED)),
			Map.entry("已锁定", new Mapped(OrderStatus.PAID, AfterSaleStatus.NONE, true)),
			Map.entry("暂停", new Mapped(OrderStatus.PAID, AfterSaleStatus.NONE, true)));

	private static final Map<String, Mapped> PINDUODUO = Map.ofEntries(
			Map.entry("待支付", Mapped.of(OrderStatus.PENDING_PAYMENT)), Map.entry("待发货", Mapped.of(OrderStatus.PAID)),
			Map.entry("已发货，待签收", Mapped.of(OrderStatus.SHIPPED)), Map.entry("已发货,待签收", Mapped.of(OrderStatus.SHIPPED)),
			Map.entry("已签收", Mapped.of(OrderStatus.COMPLETED)),
			Map.entry("未发货，退款成功", new Mapped(OrderStatus.CANCELLED, AfterSaleStatus.REFUNDED, false)),
			Map.entry("未发货,退款成功", new Mapped(OrderStatus.CANCELLED, AfterSaleStatus.REFUNDED, false)),
			Map.entry("已发货，退款成功", new Mapped(OrderStatus.SHIPPED, AfterSaleStatus.REFUNDED, false)),
			Map.entry("已发货,退款成功", new Mapped(OrderStatus.SHIPPED, AfterSaleStatus.REFUNDED, false)),
			Map.entry("已取消", Mapped.of(OrderStatus.CANCELLED)));

	private static final Map<String, OrderStatus> DOUYIN = Map.ofEntries(Map.entry("待支付", OrderStatus.PENDING_PAYMENT),
			Map.entry("待发货", OrderStatus.PAID), Map.entry("备货中", OrderStatus.PAID),
			Map.entry("部分发货", OrderStatus.PARTIALLY_SHIPPED), Map.entry("已发货", OrderStatus.SHIPPED),
			Map.entry("已完成", OrderStatus.COMPLETED), Map.entry("已关闭", OrderStatus.CANCELLED),
			Map.entry("已取消", OrderStatus.CANCELLED));

	private StatusMaps() {
	}

	/** Taobao; a closed order that had been paid was refunded. */
	static Mapped taobao(String text, boolean paid) {
		OrderStatus status = TAOBAO.get(text);
		if (status == null) {
			return null;
		}
		return new Mapped(status,
				(status == OrderStatus.CANCELLED && paid) ? AfterSaleStatus.REFUNDED : AfterSaleStatus.NONE, false);
	}

	/** JD; {@code (删除)} in front marks a deleted order, read as cancelled. */
	static Mapped jd(String text) {
		if (text.startsWith("(删除)")) {
			return Mapped.of(OrderStatus.CANCELLED);
		}
		return JD.get(text);
	}

	static Mapped pinduoduo(String text, String afterSale) {
		Mapped mapped = PINDUODUO.get(text);
		if (mapped == null) {
			return null;
		}
		AfterSaleStatus after = switch ((afterSale == null) ? "" : afterSale) {
			case "售后处理中" -> AfterSaleStatus.REFUND_REQUESTED;
			case "退款成功" -> AfterSaleStatus.REFUNDED;
			default -> mapped.afterSale();
		};
		return new Mapped(mapped.status(), after, false);
	}

	static Mapped douyin(String text, String afterSale) {
		OrderStatus status = DOUYIN.get(text);
		if (status == null) {
			return null;
		}
		AfterSaleStatus after = AfterSaleStatus.NONE;
		if (afterSale != null && afterSale.contains("退款成功")) {
			after = AfterSaleStatus.REFUNDED;
		}
		else if (afterSale != null && (afterSale.contains("待处理") || afterSale.contains("处理中"))) {
			after = AfterSaleStatus.REFUND_REQUESTED;
		}
		return new Mapped(status, after, false);
	}

}

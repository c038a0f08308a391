package org.farmgate.logistics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.farmgate.orders.HoldReason;
import org.farmgate.orders.OrderStatus;
import org.farmgate.orders.ShippableOrder;
import org.farmgate.registry.Platform;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The merge and split rules on hand-built orders: which orders may share a parcel, how
 * many units of a line a parcel may take, and when an order has left in full.
 */
class ShipmentRulesTests {

	private static final UUID SHOP = UUID.randomUUID();

	private static final UUID ORG = UUID.randomUUID();

	private static ShippableOrder order(String number, OrderStatus status, Set<HoldReason> holds, String name,
			String phone, String address, ShippableOrder.Line... lines) {
		return new ShippableOrder(UUID.randomUUID(), "520122", ORG, SHOP, Platform.TAOBAO, number, status, holds, name,
				phone, address, "320000", "320106", "OK", List.of(lines));
	}

	private static ShippableOrder paid(String number, String name, ShippableOrder.Line... lines) {
		return order(number, OrderStatus.PAID, Set.of(), name, "13812345678", "江苏省南京市鼓楼区中山路1号", lines);
	}

	private static ShippableOrder.Line line(String key, int quantity) {
		return new ShippableOrder.Line(key, UUID.randomUUID(), "酸菜 " + key, quantity);
	}

	@Test
	void ordersToTheSameRecipientMergeEvenWithOtherSpacingAndCase() {
		ShippableOrder a = paid("A1", "张三", line("1", 1));
		ShippableOrder b = order("B1", OrderStatus.PARTIALLY_SHIPPED, Set.of(), " 张 三", "138 1234 5678",
				"江苏省 南京市 鼓楼区 中山路1号", line("1", 2));

		ShipmentRules.Recipient to = ShipmentRules.recipientOf(List.of(a, b));

		assertThat(to.shopId()).isEqualTo(SHOP);
		assertThat(to.name()).isEqualTo("张三");
		assertThat(ShipmentRules.items(List.of(a, b), null, List.of())).hasSize(2)
			.extracting(ShipmentItem::quantity)
			.containsExactlyInAnyOrder(1, 2);
	}

	@Test
	void ordersToDifferentRecipientsDoNotMerge() {
		ShippableOrder a = paid("A1", "张三", line("1", 1));
		ShippableOrder b = paid("B1", "李四", line("1", 1));

		assertThatThrownBy(() -> ShipmentRules.recipientOf(List.of(a, b))).isInstanceOf(LogisticsException.class)
			.hasMessage("logistics.shipment.recipients-differ");
	}

	@Test
	void ordersOfAnotherShopDoNotMerge() {
		ShippableOrder a = paid("A1", "张三", line("1", 1));
		ShippableOrder other = new ShippableOrder(UUID.randomUUID(), "520122", ORG, UUID.randomUUID(), Platform.JD,
				"J1", OrderStatus.PAID, Set.of(), "张三", "13812345678", "江苏省南京市鼓楼区中山路1号", "320000", "320106", "OK",
				List.of(line("1", 1)));

		assertThatThrownBy(() -> ShipmentRules.recipientOf(List.of(a, other)))
			.hasMessage("logistics.shipment.other-shop");
	}

	@Test
	void aHeldOrderOrAnUnpaidOneCannotGoInAParcel() {
		ShippableOrder held = order("H1", OrderStatus.PAID, Set.of(HoldReason.OVERSOLD), "张三", "13812345678", "地址",
				line("1", 1));
		ShippableOrder unpaid = order("U1", OrderStatus.PENDING_PAYMENT, Set.of(), "张三", "13812345678", "地址",
				line("1", 1));
		ShippableOrder shipped = order("S1", OrderStatus.SHIPPED, Set.of(), "张三", "13812345678", "地址", line("1", 1));

		assertThatThrownBy(() -> ShipmentRules.recipientOf(List.of(held))).hasMessage("logistics.shipment.held");
		assertThatThrownBy(() -> ShipmentRules.recipientOf(List.of(unpaid)))
			.hasMessage("logistics.shipment.not-shippable");
		assertThatThrownBy(() -> ShipmentRules.recipientOf(List.of(shipped)))
			.hasMessage("logistics.shipment.not-shippable");
		assertThatThrownBy(() -> ShipmentRules.recipientOf(List.of())).hasMessage("logistics.shipment.no-orders");
	}

	@Test
	void aSplitTakesSomeUnitsAndTheNextParcelTakesWhatIsLeft() {
		ShippableOrder order = paid("A1", "张三", line("1", 3), line("2", 1));

		List<ShipmentItem> first = ShipmentRules.items(List.of(order), Map.of(order.id(), Map.of("1", 1)), List.of());
		List<ShipmentItem> rest = ShipmentRules.items(List.of(order), null, first);

		assertThat(first).containsExactly(new ShipmentItem(order.id(), "1", 1));
		assertThat(rest).containsExactlyInAnyOrder(new ShipmentItem(order.id(), "1", 2),
				new ShipmentItem(order.id(), "2", 1));
	}

	@Test
	void aParcelCannotTakeMoreUnitsThanTheLineHasLeft() {
		ShippableOrder order = paid("A1", "张三", line("1", 3));
		List<ShipmentItem> packed = List.of(new ShipmentItem(order.id(), "1", 2));

		assertThatThrownBy(() -> ShipmentRules.items(List.of(order), Map.of(order.id(), Map.of("1", 2)), packed))
			.isInstanceOf(LogisticsException.class)
			.hasMessage("logistics.shipment.too-many")
			.satisfies(ex -> assertThat(((LogisticsException) ex).arguments()).containsExactly("A1", "酸菜 1", 2, 1));
		assertThatThrownBy(() -> ShipmentRules.items(List.of(order), Map.of(order.id(), Map.of("1", -1)), List.of()))
			.hasMessage("logistics.shipment.negative");
		assertThatThrownBy(() -> ShipmentRules.items(List.of(order), Map.of(order.id(), Map.of("9", 1)), List.of()))
			.hasMessage("logistics.shipment.no-such-line");
	}

	@Test
	void anOrderWhoseUnitsAreAllPackedHasNothingLeftForAnotherParcel() {
		ShippableOrder order = paid("A1", "张三", line("1", 2));

		assertThatThrownBy(
				() -> ShipmentRules.items(List.of(order), null, List.of(new ShipmentItem(order.id(), "1", 2))))
			.hasMessage("logistics.shipment.nothing-left");
	}

	@Test
	void anOrderIsShippedInFullOnlyOnceEveryUnitOfEveryLineLeft() {
		ShippableOrder order = paid("A1", "张三", line("1", 3), line("2", 1));

		assertThat(ShipmentRules.complete(order, List.of(new ShipmentItem(order.id(), "1", 3)))).isFalse();
		assertThat(ShipmentRules.complete(order, List.of(new ShipmentItem(order.id(), "1", 1),
				new ShipmentItem(order.id(), "1", 2), new ShipmentItem(order.id(), "2", 1))))
			.isTrue();
		assertThat(ShipmentRules.complete(order,
				List.of(new ShipmentItem(UUID.randomUUID(), "1", 3), new ShipmentItem(UUID.randomUUID(), "2", 1))))
			.as("another order's units do not count")
			.isFalse();
	}

}

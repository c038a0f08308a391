package org.farmgate.logistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.farmgate.orders.OrderStatus;
import org.farmgate.orders.ShippableOrder;
import org.farmgate.registry.Platform;

/**
 * The rules of making parcels from orders, apart from storage so that they can be tested
 * on their own. Merge: several paid orders of one shop, none held, to one recipient (the
 * same name, phone and address once spaces and case are put aside), in one parcel. Split:
 * one order in several parcels, each taking some units of its lines; a line never goes
 * out in more units than it has. An order is shipped in full once parcels that left hold
 * every unit of every line, partly while some left and some did not.
 */
final class ShipmentRules {

	private ShipmentRules() {
	}

	/** Whom a parcel goes to, and whose it is. */
	record Recipient(String countyCode, UUID organisationId, UUID shopId, Platform platform, String name, String phone,
			String address, String provinceCode, String destinationCode) {
	}

	/** What the packer says about the parcel itself. */
	record Parcel(UUID originStationId, int weightGrams, Integer lengthCm, Integer widthCm, Integer heightCm,
			Carrier carrier, String trackingNo) {
	}

	/**
	 * The one recipient of the orders to merge, or a refusal saying which order cannot go
	 * in and why.
	 */
	static Recipient recipientOf(List<ShippableOrder> orders) {
		if (orders.isEmpty()) {
			throw LogisticsException.because("logistics.shipment.no-orders");
		}
		ShippableOrder first = orders.get(0);
		for (ShippableOrder order : orders) {
			if (!order.shopId().equals(first.shopId())) {
				throw LogisticsException.because("logistics.shipment.other-shop", order.platformOrderNo());
			}
			if (!order.holds().isEmpty()) {
				throw LogisticsException.because("logistics.shipment.held", order.platformOrderNo(),
						order.holds().stream().map(Enum::name).sorted().toList().toString());
			}
			if (order.status() != OrderStatus.PAID && order.status() != OrderStatus.PARTIALLY_SHIPPED) {
				throw LogisticsException.because("logistics.shipment.not-shippable", order.platformOrderNo(),
						order.status());
			}
			if (!sameRecipient(first, order)) {
				throw LogisticsException.because("logistics.shipment.recipients-differ", order.platformOrderNo(),
						first.platformOrderNo());
			}
		}
		return new Recipient(first.countyCode(), first.organisationId(), first.shopId(), first.platform(),
				first.recipientName(), first.recipientPhone(), first.address(), first.provinceCode(),
				first.destinationCode());
	}

	static boolean sameRecipient(ShippableOrder a, ShippableOrder b) {
		return normal(a.recipientName()).equals(normal(b.recipientName()))
				&& normal(a.recipientPhone()).equals(normal(b.recipientPhone()))
				&& normal(a.address()).equals(normal(b.address()));
	}

	/**
	 * The items of a new parcel: the units asked for (by order and line key; null asks
	 * for everything still unpacked), checked against what the lines have and what other
	 * live parcels already hold.
	 * @param packed the items of the orders' other live (not cancelled) parcels
	 */
	static List<ShipmentItem> items(List<ShippableOrder> orders, Map<UUID, Map<String, Integer>> asked,
			Collection<ShipmentItem> packed) {
		Map<String, Integer> already = sum(packed);
		List<ShipmentItem> items = new ArrayList<>();
		for (ShippableOrder order : orders) {
			Map<String, Integer> wanted = (asked != null) ? asked.getOrDefault(order.id(), Map.of()) : null;
			if (wanted != null) {
				for (String key : wanted.keySet()) {
					if (order.lines().stream().noneMatch(line -> line.lineKey().equals(key))) {
						throw LogisticsException.because("logistics.shipment.no-such-line", order.platformOrderNo(),
								key);
					}
				}
			}
			for (ShippableOrder.Line line : order.lines()) {
				int left = line.quantity() - already.getOrDefault(key(order.id(), line.lineKey()), 0);
				int quantity = (wanted != null) ? java.util.Objects.requireNonNullElse(wanted.get(line.lineKey()), 0)
						: Math.max(0, left);
				if (quantity < 0) {
					throw LogisticsException.because("logistics.shipment.negative", order.platformOrderNo(),
							line.title());
				}
				if (quantity > left) {
					throw LogisticsException.because("logistics.shipment.too-many", order.platformOrderNo(),
							line.title(), quantity, Math.max(0, left));
				}
				if (quantity > 0) {
					items.add(new ShipmentItem(order.id(), line.lineKey(), quantity));
				}
			}
		}
		if (items.isEmpty()) {
			throw LogisticsException.because("logistics.shipment.nothing-left");
		}
		return items;
	}

	/**
	 * Whether every unit of every line of the order is in a parcel that left.
	 * @param shipped the items of the order's parcels that left (shipped, delivered or
	 * returned)
	 */
	static boolean complete(ShippableOrder order, Collection<ShipmentItem> shipped) {
		Map<String, Integer> out = sum(shipped);
		return order.lines()
			.stream()
			.allMatch(line -> out.getOrDefault(key(order.id(), line.lineKey()), 0) >= line.quantity());
	}

	private static Map<String, Integer> sum(Collection<ShipmentItem> items) {
		Map<String, Integer> sums = new HashMap<>();
		for (ShipmentItem item : items) {
			sums.merge(key(item.orderId(), item.lineKey()), item.quantity(), Integer::sum);
		}
		return sums;
	}

	private static String key(UUID order, String line) {
		return order + "/" + line;
	}

	private static String normal(String text) {
		return (text == null) ? "" : text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
	}

}

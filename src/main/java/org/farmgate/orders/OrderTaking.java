package org.farmgate.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.farmgate.catalog.InsufficientStockException;
import org.farmgate.catalog.OrderLineKey;
import org.farmgate.catalog.ReservationInput;
import org.farmgate.catalog.StockManagement;
import org.farmgate.geo.Resolution;
import org.farmgate.geo.ResolutionStatus;
import org.farmgate.orders.channels.ChannelOrder;

/**
 * What taking a channel's report of an order does to the order, wherever the order is
 * stored: creates it or moves it forward, matches its lines to SKUs, resolves its
 * address, reserves stock once it is paid (or holds it as OVERSOLD), releases stock when
 * it is cancelled or refunded before shipping, commits it when the goods leave, and says
 * which events the moves make. One order at a time
 * ({@link OrderIntake#takeInCallersTransaction}) and whole import chunks
 * ({@link OrderIntake#takeAll}) share it; they differ in how they look things up (the
 * chunks remember answers) and how they store the orders.
 */
final class OrderTaking {

	/** What taking an order did to it. */
	enum Outcome {

		CREATED, UPDATED, UNCHANGED

	}

	/**
	 * The order after taking a report, what happened to it, the events of its moves, and
	 * its payment told again when a paid order's amount, lines or destination changed
	 * (else null): a restatement for the statistics, not a new payment to alert of.
	 */
	record Taken(Order order, Outcome outcome, List<Object> events, OrderPaid toldAgain) {

		/** The moves and the payment told again, for a publication that alerts nobody. */
		List<Object> eventsAndRetelling() {
			if (this.toldAgain == null) {
				return this.events;
			}
			List<Object> all = new ArrayList<>(this.events);
			all.add(this.toldAgain);
			return all;
		}

	}

	/**
	 * Where the taking looks things up, and what it does before it first touches stock
	 * (import chunks taken side by side take turns there, so that two never wait on each
	 * other's stock rows).
	 */
	record Lookups(Function<OrderLineKey, Optional<UUID>> skuOf, Function<String, Resolution> resolve,
			Function<UUID, Optional<Instant>> lastCountedAt, Runnable beforeStock) {
	}

	private final Lookups lookups;

	private final StockManagement stock;

	OrderTaking(Lookups lookups, StockManagement stock) {
		this.lookups = lookups;
		this.stock = stock;
	}

	/**
	 * Takes a report of an order into the order as it stands ({@code known}; null when it
	 * is new). The report must be {@link OrderFit#fitted fitted}.
	 */
	Taken take(ShopContext shop, Order known, ChannelOrder channel, StatusChange.ChangeSource source, String sourceRef,
			Instant now) {
		Order order = known;
		Outcome outcome;
		OrderStatus before;
		AfterSaleStatus afterBefore;
		java.math.BigDecimal refundedBefore = null;
		Object saleBefore = null;
		String resolvedAddress = null;
		if (order == null) {
			order = Order.receive(shop.countyCode(), shop.organisationId(), shop.shopId(), channel, source, sourceRef,
					now);
			before = null;
			afterBefore = AfterSaleStatus.NONE;
			outcome = Outcome.CREATED;
		}
		else {
			before = order.status();
			afterBefore = order.afterSale();
			refundedBefore = order.refundedAmount();
			saleBefore = sale(order);
			resolvedAddress = order.destinationResolved() ? order.rawAddress() : null;
			outcome = order.update(channel, source, sourceRef, now) ? Outcome.UPDATED : Outcome.UNCHANGED;
		}
		Object linesBefore = order.linesAndHolds();
		match(order);
		if (resolvedAddress == null || !resolvedAddress.equals(order.rawAddress())) {
			// an address resolved before and sent again unchanged resolves the same way
			// (one that did not resolve, or only in part, is tried again)
			resolve(order, channel.rawAddress());
		}
		keepStock(order);
		// a reservation taken or a line matched must be written even if nothing else
		// moved
		if (outcome == Outcome.UNCHANGED && !linesBefore.equals(order.linesAndHolds())) {
			outcome = Outcome.UPDATED;
		}
		List<Object> events = (outcome != Outcome.UNCHANGED) ? events(order, before, afterBefore, refundedBefore, now)
				: List.of();
		// a paid order whose amount, lines or destination changed tells its payment again
		// as it now stands (the statistics count what it is, not what it was), unless it
		// is paid now
		boolean paidBefore = before != null && (before.paid() || order.paidAt() != null);
		boolean paidNow = false;
		for (Object event : events) {
			paidNow |= event instanceof OrderPaid;
		}
		OrderPaid again = paidNow ? null : toldAgain(order, paidBefore, saleBefore, now);
		return new Taken(order, outcome, List.copyOf(events), again);
	}

	/**
	 * Looks again at a held order after something changed around it (a line mapped, stock
	 * received): matches its lines, reserves its stock; answers whether it moved.
	 */
	private boolean recheck(Order order) {
		Object before = order.linesAndHolds();
		match(order);
		keepStock(order);
		return !before.equals(order.linesAndHolds());
	}

	/**
	 * Looks again at a held order as {@link #recheck(Order)} does, at {@code now}; when
	 * it moved, it was changed then, and a paid order whose lines now tell another sale
	 * (a line matched a SKU) answers its payment as it now stands.
	 * @return whether it moved, and the payment to tell again (else null)
	 */
	Rechecked recheck(Order order, Instant now) {
		Object saleBefore = sale(order);
		if (!recheck(order)) {
			return new Rechecked(false, null);
		}
		order.changed(now);
		return new Rechecked(true, toldAgain(order, order.status().paid() || order.paidAt() != null, saleBefore, now));
	}

	/**
	 * The payment of an order paid before, told again as it now stands when what it tells
	 * (amount, lines, destination) changed and it is not cancelled; else null.
	 */
	private static OrderPaid toldAgain(Order order, boolean paidBefore, Object saleBefore, Instant now) {
		boolean changed = paidBefore && order.status() != OrderStatus.CANCELLED && !sale(order).equals(saleBefore);
		return changed ? paid(order, now) : null;
	}

	/** What looking again at an order did: whether it moved, its payment told again. */
	record Rechecked(boolean moved, OrderPaid toldAgain) {
	}

	/** Matches the lines that have no SKU yet; an unmatched line holds the order. */
	private void match(Order order) {
		boolean unmatched = false;
		for (Map.Entry<String, OrderLine> entry : order.lines().entrySet()) {
			OrderLine line = entry.getValue();
			if (line.skuId() != null) {
				continue;
			}
			UUID sku = this.lookups.skuOf()
				.apply(new OrderLineKey(order.organisationId(), order.shopId(), line.itemId(), line.platformSkuId(),
						line.merchantCode(), line.title()))
				.orElse(null);
			if (sku != null) {
				order.replaceLine(entry.getKey(), line.matched(sku));
			}
			else {
				unmatched = true;
			}
		}
		order.hold(HoldReason.UNMATCHED_LINE, unmatched);
	}

	private void resolve(Order order, String offeredAddress) {
		String address = order.rawAddress();
		if (address == null || (order.destinationKnown() && offeredAddress == null)) {
			return;
		}
		Resolution resolution = this.lookups.resolve().apply(address);
		order.destination(resolution.provinceCode(), resolution.cityCode(), resolution.countyCode(),
				resolution.status().name());
		order.hold(HoldReason.ADDRESS_UNRESOLVED, resolution.status() == ResolutionStatus.UNRESOLVED
				|| resolution.status() == ResolutionStatus.AMBIGUOUS);
	}

	/**
	 * Paid and not yet shipped: every matched line holds a reservation (or the order is
	 * OVERSOLD); cancelled or refunded before shipping: reservations are released;
	 * shipped: they are committed.
	 */
	private void keepStock(Order order) {
		boolean refunded = order.afterSale() == AfterSaleStatus.REFUNDED;
		boolean wantsStock = order.status().paid() && !order.status().shipped() && !refunded;
		boolean oversold = false;
		for (Map.Entry<String, OrderLine> entry : order.lines().entrySet()) {
			OrderLine line = entry.getValue();
			String key = orderLineKey(order, entry.getKey());
			if (line.skuId() == null || line.quantity() < 1) {
				continue;
			}
			if (wantsStock && !line.reserved()) {
				this.lookups.beforeStock().run();
				try {
					this.stock.reserve(new ReservationInput(line.skuId(), null, null, line.quantity(), key));
					order.replaceLine(entry.getKey(), line.reserved(true));
				}
				catch (InsufficientStockException ex) {
					oversold = true;
				}
			}
			else if (line.reserved() && order.status().shipped()) {
				this.lookups.beforeStock().run();
				this.stock.commitOrderLine(order.organisationId(), key);
				order.replaceLine(entry.getKey(), line.reserved(false));
			}
			else if (line.reserved() && !wantsStock) {
				this.lookups.beforeStock().run();
				this.stock.releaseOrderLine(order.organisationId(), key);
				order.replaceLine(entry.getKey(), line.reserved(false));
			}
			else if (!line.reserved() && order.status().shipped() && !refunded && leftAfterCount(order, line)) {
				// first seen already shipped (a weekly export): the units left after the
				// stock was last counted, so they come off now; once, by the line's key
				this.lookups.beforeStock().run();
				try {
					this.stock.reserve(new ReservationInput(line.skuId(), null, null, line.quantity(), key));
					this.stock.commitOrderLine(order.organisationId(), key);
				}
				catch (InsufficientStockException ex) {
					// the count is behind the platform: the next count puts it right
				}
			}
		}
		order.hold(HoldReason.OVERSOLD, oversold);
	}

	/**
	 * Whether the order's goods left after the SKU's stock was last received or counted.
	 */
	private boolean leftAfterCount(Order order, OrderLine line) {
		Instant left = order.leftAt();
		return left != null && this.lookups.lastCountedAt().apply(line.skuId()).map(left::isAfter).orElse(false);
	}

	/**
	 * The catalog's key of an order line's reservation: platform, order number and line
	 * key, or a digest of them when that would be longer than the catalog keeps.
	 */
	static String orderLineKey(Order order, String lineKey) {
		String key = order.platform() + ":" + order.platformOrderNo() + ":" + lineKey;
		if (key.length() <= 120) {
			return key;
		}
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return order.platform() + ":sha256:" + java.util.HexFormat.of().formatHex(digest);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What a payment tells of an order: amount, when, where and the lines. */
	private static Object sale(Order order) {
		// values compared as they are (an amount with its scale, as it is told)
		return java.util.Arrays.asList(order.paidAmount(), order.provinceCode(), order.cityCode(),
				order.destinationCode(), order.soldAt(null), paid(order, Instant.EPOCH).lines());
	}

	/** The payment of an order, with its lines, as the statistics take it. */
	static OrderPaid paid(Order order, Instant now) {
		OrderPaid.Line[] lines = new OrderPaid.Line[order.lines().size()];
		int at = 0;
		for (OrderLine line : order.lines().values()) {
			lines[at++] = new OrderPaid.Line(line.skuId(), line.quantity(), line.amount());
		}
		return new OrderPaid(order.id(), order.platformOrderNo(), order.shopId(), order.organisationId(),
				order.countyCode(), order.platform(), order.paidAmount(), order.provinceCode(), order.cityCode(),
				order.destinationCode(), order.soldAt(now), List.of(lines), now);
	}

	/** The events of the moves from (before, afterBefore) to where the order is now. */
	static List<Object> events(Order order, OrderStatus before, AfterSaleStatus afterBefore, Instant now) {
		return events(order, before, afterBefore, null, now);
	}

	/**
	 * The events of the moves from (before, afterBefore, refundedBefore) to where the
	 * order is now.
	 */
	static List<Object> events(Order order, OrderStatus before, AfterSaleStatus afterBefore,
			java.math.BigDecimal refundedBefore, Instant now) {
		List<Object> events = new ArrayList<>(2);
		OrderStatus after = order.status();
		// a sale first seen cancelled or refunded was still paid once: statistics add it
		// before they take it off again
		boolean paidNow = after.paid() || order.paidAt() != null;
		if (paidNow && (before == null || before == OrderStatus.PENDING_PAYMENT)) {
			events.add(paid(order, now));
		}
		if (after != before) {
			boolean shippedBefore = before != null && before.shipped();
			if (after.shipped() && !shippedBefore) {
				// PAID straight to DELIVERED or COMPLETED still passed through shipping
				events.add(new OrderShipped(order.id(), order.shopId(), order.organisationId(), order.countyCode(),
						after == OrderStatus.PARTIALLY_SHIPPED, now));
			}
			else if (after == OrderStatus.SHIPPED && before == OrderStatus.PARTIALLY_SHIPPED) {
				events.add(new OrderShipped(order.id(), order.shopId(), order.organisationId(), order.countyCode(),
						false, now));
			}
			if (after == OrderStatus.COMPLETED) {
				events.add(new OrderCompleted(order.id(), order.shopId(), order.organisationId(), order.countyCode(),
						now));
			}
			if (after == OrderStatus.CANCELLED) {
				// paid before even when the platform gave no payment time
				boolean wasPaid = paidNow || (before != null && before.paid());
				events.add(new OrderCancelled(order.id(), order.shopId(), order.organisationId(), order.countyCode(),
						wasPaid, now));
			}
		}
		// the refunded amount is the total so far: a full refund after a partial one
		// tells
		// the new total
		boolean moreRefunded = refundedBefore != null && order.refundedAmount() != null
				&& order.refundedAmount().compareTo(refundedBefore) > 0;
		if (order.afterSale().refunded() && (order.afterSale() != afterBefore || moreRefunded)) {
			events.add(new OrderRefunded(order.id(), order.shopId(), order.organisationId(), order.countyCode(),
					order.refundedAmount(), now));
		}
		return events;
	}

}

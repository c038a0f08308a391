package org.farmgate.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.farmgate.catalog.InsufficientStockException;
import org.farmgate.catalog.ListingManagement;
import org.farmgate.catalog.ListingMatch;
import org.farmgate.catalog.OrderLineKey;
import org.farmgate.catalog.ReservationInput;
import org.farmgate.catalog.StockManagement;
import org.farmgate.geo.AddressResolver;
import org.farmgate.geo.Resolution;
import org.farmgate.geo.ResolutionStatus;
import org.farmgate.orders.channels.ChannelOrder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes one order as a channel reports it, in a transaction of its own so that an order
 * and its lines are written whole or not at all: creates it or moves it forward, matches
 * its lines to SKUs through the catalog's listings, resolves its address, reserves stock
 * once it is paid (or holds it as OVERSOLD), releases stock when it is cancelled or
 * refunded before shipping, commits it when the goods leave, and publishes the moves.
 */
@Component
class OrderIntake {

	/** What taking an order did to it. */
	enum Outcome {

		CREATED, UPDATED, UNCHANGED

	}

	private final OrderRepository orders;

	private final ListingManagement listings;

	private final StockManagement stock;

	private final ObjectProvider<AddressResolver> resolver;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	OrderIntake(OrderRepository orders, ListingManagement listings, StockManagement stock,
			ObjectProvider<AddressResolver> resolver, ApplicationEventPublisher events, Clock clock,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.listings = listings;
		this.stock = stock;
		this.resolver = resolver;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Outcome take(ShopContext shop, ChannelOrder offered, StatusChange.ChangeSource source, String sourceRef) {
		ChannelOrder channel = OrderFit.fitted(offered);
		if (source == StatusChange.ChangeSource.IMPORT) {
			// an import job's order need not wait for the disk: if the machine stops, the
			// job runs again and takes what was lost (taking is idempotent); webhook and
			// API
			// orders are answered only once they are on disk
			this.jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
		}
		Instant now = this.clock.instant();
		Order order = this.orders.findByPlatformOrderNo(shop.shopId(), channel.platformOrderNo()).orElse(null);
		Outcome outcome;
		OrderStatus before;
		AfterSaleStatus afterBefore;
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
			outcome = order.update(channel, source, sourceRef, now) ? Outcome.UPDATED : Outcome.UNCHANGED;
		}
		String linesBefore = order.holds() + "|" + order.lines();
		match(order);
		resolve(order, channel.rawAddress());
		keepStock(order);
		// a reservation taken or a line matched must be written even if nothing else
		// moved
		if (outcome == Outcome.UNCHANGED && !linesBefore.equals(order.holds() + "|" + order.lines())) {
			outcome = Outcome.UPDATED;
		}
		if (outcome != Outcome.UNCHANGED) {
			this.orders.save(order);
			publish(order, before, afterBefore, now);
		}
		return outcome;
	}

	/**
	 * Looks again at a held order after something changed around it (a line mapped, stock
	 * received): matches its lines, reserves its stock; answers whether it moved.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean recheck(UUID orderId) {
		Order order = this.orders.findById(orderId).orElse(null);
		if (order == null) {
			return false;
		}
		String before = order.holds() + "|" + order.lines();
		match(order);
		keepStock(order);
		if (before.equals(order.holds() + "|" + order.lines())) {
			return false;
		}
		this.orders.save(order);
		return true;
	}

	/** Matches the lines that have no SKU yet; an unmatched line holds the order. */
	private void match(Order order) {
		boolean unmatched = false;
		for (Map.Entry<String, OrderLine> entry : order.lines().entrySet()) {
			OrderLine line = entry.getValue();
			if (line.skuId() != null) {
				continue;
			}
			UUID sku = this.listings
				.match(new OrderLineKey(order.organisationId(), order.shopId(), line.itemId(), line.platformSkuId(),
						line.merchantCode(), line.title()))
				.map(ListingMatch::skuId)
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
		Resolution resolution = this.resolver.getObject().resolve(address);
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
				try {
					this.stock.reserve(new ReservationInput(line.skuId(), null, null, line.quantity(), key));
					order.replaceLine(entry.getKey(), line.reserved(true));
				}
				catch (InsufficientStockException ex) {
					oversold = true;
				}
			}
			else if (line.reserved() && order.status().shipped()) {
				this.stock.commitOrderLine(order.organisationId(), key);
				order.replaceLine(entry.getKey(), line.reserved(false));
			}
			else if (line.reserved() && !wantsStock) {
				this.stock.releaseOrderLine(order.organisationId(), key);
				order.replaceLine(entry.getKey(), line.reserved(false));
			}
			else if (!line.reserved() && order.status().shipped() && !refunded && leftAfterCount(order, line)) {
				// first seen already shipped (a weekly export): the units left after the
				// stock was last counted, so they come off now; once, by the line's key
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
		return left != null && this.stock.lastCountedAt(line.skuId()).map(left::isAfter).orElse(false);
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

	private void publish(Order order, OrderStatus before, AfterSaleStatus afterBefore, Instant now) {
		OrderStatus after = order.status();
		// a sale first seen cancelled or refunded was still paid once: statistics add it
		// before they take it off again
		boolean paidNow = after.paid() || order.paidAt() != null;
		if (paidNow && (before == null || before == OrderStatus.PENDING_PAYMENT)) {
			this.events
				.publishEvent(new OrderPaid(order.id(), order.platformOrderNo(), order.shopId(), order.organisationId(),
						order.countyCode(), order.platform(), order.paidAmount(), order.destinationCode(), now));
		}
		if (after != before) {
			boolean shippedBefore = before != null && before.shipped();
			if (after.shipped() && !shippedBefore) {
				// PAID straight to DELIVERED or COMPLETED still passed through shipping
				this.events.publishEvent(new OrderShipped(order.id(), order.shopId(), order.organisationId(),
						order.countyCode(), after == OrderStatus.PARTIALLY_SHIPPED, now));
			}
			else if (after == OrderStatus.SHIPPED && before == OrderStatus.PARTIALLY_SHIPPED) {
				this.events.publishEvent(new OrderShipped(order.id(), order.shopId(), order.organisationId(),
						order.countyCode(), false, now));
			}
			if (after == OrderStatus.COMPLETED) {
				this.events.publishEvent(new OrderCompleted(order.id(), order.shopId(), order.organisationId(),
						order.countyCode(), now));
			}
			if (after == OrderStatus.CANCELLED) {
				this.events.publishEvent(new OrderCancelled(order.id(), order.shopId(), order.organisationId(),
						order.countyCode(), paidNow, now));
			}
		}
		if (order.afterSale() == AfterSaleStatus.REFUNDED && afterBefore != AfterSaleStatus.REFUNDED) {
			this.events.publishEvent(new OrderRefunded(order.id(), order.shopId(), order.organisationId(),
					order.countyCode(), order.refundedAmount(), now));
		}
	}

}

package org.farmgate.orders;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orders module's side of the county's fulfilment: which orders wait to ship, and
 * moving an order on when its parcels left or were delivered (through the aggregate, so
 * that the status only moves forward, stock is committed and the events are published as
 * for any other move). Logistics checks who may ship before it calls the moves.
 */
@Service
public class OrderFulfilment {

	private static final int MAX_WAITING = 500;

	private final OrderRepository orders;

	private final OrderIntake intake;

	private final JdbcClient jdbc;

	OrderFulfilment(OrderRepository orders, OrderIntake intake, JdbcClient jdbc) {
		this.orders = orders;
		this.intake = intake;
		this.jdbc = jdbc;
	}

	/**
	 * The paid orders of the user's scope that are not all shipped yet (oldest paid
	 * first, at most 500), held ones with their reasons; of one shop when given.
	 */
	@Transactional(readOnly = true)
	public List<ShippableOrder> waiting(SignedInUser user, UUID shopId) {
		requireShipper(user);
		boolean merchant = user.role() == Role.MERCHANT;
		List<Object> params = new java.util.ArrayList<>();
		params.add(merchant ? user.scope().organisationId() : user.scope().countyCode());
		if (shopId != null) {
			params.add(shopId);
		}
		List<UUID> ids = this.jdbc
			.sql("SELECT id FROM orders_order WHERE " + (merchant ? "organisation_id = ?" : "county_code = ?")
					+ " AND status IN ('PAID', 'PARTIALLY_SHIPPED') AND after_sale <> 'REFUNDED'"
					+ ((shopId != null) ? " AND shop_id = ?" : "") + " ORDER BY paid_at NULLS LAST, created_at LIMIT "
					+ MAX_WAITING)
			.params(params)
			.query(UUID.class)
			.list();
		return of(ids);
	}

	/**
	 * The user's orders in these statuses created since the given time (newest first, at
	 * most 500): the parcels of a week, for the demo county and for catching up.
	 */
	@Transactional(readOnly = true)
	public List<ShippableOrder> createdSince(SignedInUser user, java.time.Instant since,
			java.util.Set<OrderStatus> statuses) {
		requireShipper(user);
		boolean merchant = user.role() == Role.MERCHANT;
		List<UUID> ids = this.jdbc
			.sql("SELECT id FROM orders_order WHERE " + (merchant ? "organisation_id = ?" : "county_code = ?")
					+ " AND created_at >= ? AND status = ANY(?) ORDER BY created_at DESC LIMIT " + MAX_WAITING)
			.params(merchant ? user.scope().organisationId() : user.scope().countyCode(),
					java.sql.Timestamp.from(since), statuses.stream().map(Enum::name).toArray(String[]::new))
			.query(UUID.class)
			.list();
		return of(ids);
	}

	/** These orders, as far as the user sees them (others are left out). */
	@Transactional(readOnly = true)
	public List<ShippableOrder> orders(SignedInUser user, List<UUID> ids) {
		requireShipper(user);
		return of(ids).stream().filter(order -> sees(user, order)).toList();
	}

	/** One order, whoever asks (tracking events from carriers); empty when unknown. */
	@Transactional(readOnly = true)
	public Optional<ShippableOrder> order(UUID id) {
		return this.orders.findById(id).map(OrderFulfilment::shippable);
	}

	/**
	 * Its parcels left: all of them ({@code complete}, SHIPPED) or some
	 * (PARTIALLY_SHIPPED). Refused while the order is held or when it is not paid; an
	 * order already further on is left as it is.
	 * @return whether the order moved
	 */
	@Transactional
	public boolean shipped(UUID orderId, boolean complete, String sourceRef) {
		Order order = this.orders.findById(orderId).orElseThrow(OrderException::notFound);
		if (!order.holds().isEmpty()) {
			throw OrderException.because("orders.ship.held", order.platformOrderNo(),
					order.holds().stream().map(Enum::name).sorted().toList().toString());
		}
		if (!order.status().paid()) {
			throw OrderException.because("orders.ship.not-paid", order.platformOrderNo());
		}
		return this.intake.fulfil(order, complete ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED, sourceRef);
	}

	/**
	 * The buyer received it: DELIVERED, when the order had shipped and is not further on.
	 * @return whether the order moved
	 */
	@Transactional
	public boolean delivered(UUID orderId, String sourceRef) {
		Order order = this.orders.findById(orderId).orElseThrow(OrderException::notFound);
		if (!order.status().shipped()) {
			return false;
		}
		return this.intake.fulfil(order, OrderStatus.DELIVERED, sourceRef);
	}

	private List<ShippableOrder> of(List<UUID> ids) {
		List<UUID> distinct = ids.stream().distinct().toList();
		return java.util.stream.StreamSupport.stream(this.orders.findAllById(distinct).spliterator(), false)
			.map(OrderFulfilment::shippable)
			.sorted(Comparator.comparing((ShippableOrder order) -> distinct.indexOf(order.id())))
			.toList();
	}

	private static ShippableOrder shippable(Order order) {
		return new ShippableOrder(order.id(), order.countyCode(), order.organisationId(), order.shopId(),
				order.platform(), order.platformOrderNo(), order.status(), order.holds(), order.recipientName(),
				order.recipientPhone(), order.rawAddress(), order.provinceCode(), order.destinationCode(),
				order.destinationStatus(),
				order.lines()
					.entrySet()
					.stream()
					.sorted(java.util.Map.Entry.comparingByKey())
					.map(entry -> new ShippableOrder.Line(entry.getKey(), entry.getValue().skuId(),
							entry.getValue().title(), entry.getValue().quantity()))
					.toList());
	}

	private static boolean sees(SignedInUser user, ShippableOrder order) {
		if (user.role() == Role.MERCHANT) {
			return order.organisationId().equals(user.scope().organisationId());
		}
		return order.countyCode().equals(user.scope().countyCode());
	}

	private static void requireShipper(SignedInUser user) {
		switch (user.role()) {
			case ADMIN, OPERATOR, MERCHANT, STATION -> {
			}
			default -> throw new AccessDeniedException("role " + user.role() + " does not ship orders");
		}
	}

}

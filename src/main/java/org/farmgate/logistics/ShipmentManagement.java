package org.farmgate.logistics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.orders.OrderException;
import org.farmgate.orders.OrderFulfilment;
import org.farmgate.orders.ShippableOrder;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parcels: packed from paid orders (merged or split by {@link ShipmentRules}), with the
 * carrier detected from the waybill number when not chosen (a mismatch is a warning,
 * never a refusal) and the cost estimated from the county's rates; shipped (which moves
 * the orders to SHIPPED or PARTIALLY_SHIPPED through the orders module); cancelled while
 * still packed. Merchants handle their organisation's parcels, operators the county's;
 * station staff see the parcels handed in at their station.
 */
@Service
public class ShipmentManagement {

	static final int PAGE_SIZE = 50;

	private final ShipmentRepository shipments;

	private final OrderFulfilment fulfilment;

	private final RateManagement rates;

	private final StationRepository stations;

	private final JdbcClient jdbc;

	private final Clock clock;

	ShipmentManagement(ShipmentRepository shipments, OrderFulfilment fulfilment, RateManagement rates,
			StationRepository stations, JdbcClient jdbc, Clock clock) {
		this.shipments = shipments;
		this.fulfilment = fulfilment;
		this.rates = rates;
		this.stations = stations;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A parcel packed, and the warnings its packer should see (a carrier mismatch). */
	public record Packed(ShipmentView shipment, List<String> warnings) {
	}

	/**
	 * Packs a parcel of the given orders; refused with the reason when an order cannot go
	 * in (another shop, held, not paid, another recipient) or a line would go out in more
	 * units than it has.
	 */
	@Transactional
	public Packed pack(SignedInUser user, PackInput input) {
		LogisticsScope.requireShipper(user);
		if (input.orderIds().isEmpty()) {
			throw LogisticsException.because("logistics.shipment.no-orders");
		}
		if (input.weightGrams() == null || input.weightGrams() < 1 || input.weightGrams() > 100_000_000) {
			throw LogisticsException.because("logistics.shipment.weight");
		}
		for (Integer cm : java.util.Arrays.asList(input.lengthCm(), input.widthCm(), input.heightCm())) {
			if (cm != null && (cm < 1 || cm > 1000)) {
				throw LogisticsException.because("logistics.shipment.size");
			}
		}
		String trackingNo = PackInput.normalTrackingNo(input.trackingNo());
		if (!trackingNo.matches("[A-Z0-9]{6,40}")) {
			throw LogisticsException.because("logistics.shipment.tracking-format");
		}
		List<String> warnings = new ArrayList<>();
		Carrier carrier = input.carrier();
		if (carrier == null) {
			carrier = CarrierDetection.candidates(trackingNo)
				.stream()
				.findFirst()
				.orElseThrow(() -> LogisticsException.because("logistics.shipment.carrier-unknown"));
		}
		else {
			CarrierDetection.mismatch(carrier, trackingNo).ifPresent(warnings::add);
		}
		if (input.originStationId() != null && this.stations.findById(input.originStationId())
			.filter(station -> station.countyCode().equals(user.scope().countyCode()))
			.isEmpty()) {
			throw LogisticsException.because("logistics.station.unknown");
		}
		lockOrders(input.orderIds());
		List<ShippableOrder> orders = this.fulfilment.orders(user, input.orderIds());
		if (orders.size() != input.orderIds().stream().distinct().count()) {
			throw LogisticsException.notFound();
		}
		ShipmentRules.Recipient to = ShipmentRules.recipientOf(orders);
		List<ShipmentItem> items = ShipmentRules.items(orders, input.quantities(), itemsOf(input.orderIds(), false));
		Long cost = this.rates
			.estimate(to.countyCode(), carrier, to.provinceCode(), input.weightGrams(), input.lengthCm(),
					input.widthCm(), input.heightCm())
			.map(CostEstimate::fen)
			.orElse(null);
		if (cost == null) {
			warnings.add("logistics.shipment.no-rate");
		}
		Shipment shipment = Shipment.pack(to,
				new ShipmentRules.Parcel(input.originStationId(), input.weightGrams(), input.lengthCm(),
						input.widthCm(), input.heightCm(), carrier, trackingNo),
				items, cost, user.getUsername(), this.clock.instant());
		try {
			shipment = this.shipments.save(shipment);
		}
		catch (DuplicateKeyException ex) {
			throw LogisticsException.because("logistics.shipment.tracking-taken", trackingNo);
		}
		// events a carrier pushed before the parcel was packed find it now
		this.jdbc
			.sql("UPDATE logistics_tracking_event SET shipment_id = ? WHERE shipment_id IS NULL AND tracking_no = ?")
			.params(shipment.id(), trackingNo)
			.update();
		return new Packed(shipment.toView(false), List.copyOf(warnings));
	}

	/**
	 * Marks parcels shipped: each PACKED parcel moves to SHIPPED and its orders to
	 * SHIPPED (every unit left) or PARTIALLY_SHIPPED, in one transaction: if one order
	 * cannot move (held meanwhile), nothing moves and the reason says which.
	 * @return how many parcels moved
	 */
	@Transactional
	public int ship(SignedInUser user, List<UUID> shipmentIds) {
		LogisticsScope.requireShipper(user);
		Instant now = this.clock.instant();
		List<Shipment> chosen = visible(user, shipmentIds);
		if (chosen.size() != shipmentIds.stream().distinct().count()) {
			throw LogisticsException.notFound();
		}
		List<UUID> orderIds = chosen.stream()
			.flatMap(shipment -> shipment.items().stream())
			.map(ShipmentItem::orderId)
			.distinct()
			.toList();
		lockOrders(orderIds);
		for (Shipment shipment : chosen) {
			shipment.ship(now);
			this.shipments.save(shipment);
		}
		Map<UUID, List<ShipmentItem>> left = itemsOf(orderIds, true).stream()
			.collect(Collectors.groupingBy(ShipmentItem::orderId));
		Map<UUID, UUID> parcelOf = new java.util.HashMap<>();
		chosen.forEach(shipment -> shipment.items().forEach(item -> parcelOf.put(item.orderId(), shipment.id())));
		for (ShippableOrder order : this.fulfilment.orders(user, orderIds)) {
			boolean complete = ShipmentRules.complete(order, left.getOrDefault(order.id(), List.of()));
			try {
				this.fulfilment.shipped(order.id(), complete, "shipment:" + parcelOf.get(order.id()));
			}
			catch (OrderException ex) {
				throw LogisticsException.because(ex.messageKey(), ex.arguments());
			}
		}
		return chosen.size();
	}

	/** Cancels a parcel still packed, freeing its units for another. */
	@Transactional
	public void cancel(SignedInUser user, UUID shipmentId) {
		LogisticsScope.requireShipper(user);
		Shipment shipment = visible(user, List.of(shipmentId)).stream()
			.findFirst()
			.orElseThrow(LogisticsException::notFound);
		shipment.cancel();
		this.shipments.save(shipment);
	}

	@Transactional(readOnly = true)
	public Optional<ShipmentView> shipment(SignedInUser user, UUID id) {
		LogisticsScope.requireReader(user);
		return visible(user, List.of(id)).stream().findFirst().map(shipment -> shipment.toView(false));
	}

	/**
	 * The parcels the user sees, newest first, one page of 50; of one status when given.
	 */
	@Transactional(readOnly = true)
	public org.farmgate.web.PageOf<ShipmentView> shipments(SignedInUser user, ShipmentStatus status, int page) {
		LogisticsScope.requireReader(user);
		List<Object> params = new ArrayList<>();
		String where = scopeWhere(user, params);
		if (status != null) {
			where += " AND status = ?";
			params.add(status.name());
		}
		int total = this.jdbc.sql("SELECT count(*) FROM logistics_shipment WHERE " + where)
			.params(params)
			.query(Integer.class)
			.single();
		int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int shown = Math.max(0, Math.min(page, pages - 1));
		List<Object> paged = new ArrayList<>(params);
		paged.add(PAGE_SIZE);
		paged.add(shown * PAGE_SIZE);
		List<UUID> ids = this.jdbc
			.sql("SELECT id FROM logistics_shipment WHERE " + where + " ORDER BY created_at DESC LIMIT ? OFFSET ?")
			.params(paged)
			.query(UUID.class)
			.list();
		return new org.farmgate.web.PageOf<>(inOrder(ids).stream().map(shipment -> shipment.toView(false)).toList(),
				shown, pages, total);
	}

	/**
	 * The paid orders waiting to leave (of one shop when given), with the units of each
	 * line not yet in a parcel, by order id and line key.
	 */
	@Transactional(readOnly = true)
	public Waiting waiting(SignedInUser user, UUID shopId) {
		LogisticsScope.requireShipper(user);
		List<ShippableOrder> orders = this.fulfilment.waiting(user, shopId);
		Map<String, Integer> packed = new java.util.HashMap<>();
		for (ShipmentItem item : itemsOf(orders.stream().map(ShippableOrder::id).toList(), false)) {
			packed.merge(item.orderId() + "/" + item.lineKey(), item.quantity(), Integer::sum);
		}
		Map<UUID, Map<String, Integer>> left = new java.util.LinkedHashMap<>();
		for (ShippableOrder order : orders) {
			Map<String, Integer> lines = new java.util.LinkedHashMap<>();
			for (ShippableOrder.Line line : order.lines()) {
				lines.put(line.lineKey(),
						Math.max(0, line.quantity() - packed.getOrDefault(order.id() + "/" + line.lineKey(), 0)));
			}
			left.put(order.id(), lines);
		}
		return new Waiting(orders.stream()
			.filter(order -> left.get(order.id()).values().stream().anyMatch(units -> units > 0))
			.map(ShipmentManagement::masked)
			.toList(), left);
	}

	private static ShippableOrder masked(ShippableOrder order) {
		return new ShippableOrder(order.id(), order.countyCode(), order.organisationId(), order.shopId(),
				order.platform(), order.platformOrderNo(), order.status(), order.holds(), order.recipientName(),
				org.farmgate.registry.PhoneNumber.masked(order.recipientPhone()), order.address(), order.provinceCode(),
				order.destinationCode(), order.destinationStatus(), order.lines());
	}

	/**
	 * Orders waiting to leave (phones masked), and what of each is not in a parcel yet.
	 */
	public record Waiting(List<ShippableOrder> orders, Map<UUID, Map<String, Integer>> left) {

		/** The units of a line not in a parcel yet. */
		public int left(UUID orderId, String lineKey) {
			return this.left.getOrDefault(orderId, Map.of()).getOrDefault(lineKey, 0);
		}

	}

	/**
	 * The user's parcels of a platform's shops that left on the day (Asia/Shanghai),
	 * oldest first.
	 */
	@Transactional(readOnly = true)
	List<ShipmentView> leftOn(SignedInUser user, org.farmgate.registry.Platform platform, java.time.LocalDate day) {
		LogisticsScope.requireShipper(user);
		List<Object> params = new ArrayList<>();
		String where = scopeWhere(user, params);
		params.add(platform.name());
		params.add(java.sql.Timestamp.from(day.atStartOfDay(TrackingManagement.CHINA).toInstant()));
		params.add(java.sql.Timestamp.from(day.plusDays(1).atStartOfDay(TrackingManagement.CHINA).toInstant()));
		List<UUID> ids = this.jdbc
			.sql("SELECT id FROM logistics_shipment WHERE " + where
					+ " AND platform = ? AND shipped_at >= ? AND shipped_at < ? AND status <> 'CANCELLED'"
					+ " ORDER BY shipped_at LIMIT 5000")
			.params(params)
			.query(UUID.class)
			.list();
		return inOrder(ids).stream().map(shipment -> shipment.toView(false)).toList();
	}

	/**
	 * The user's parcels for their labels (phones masked, as privacy waybills print
	 * them).
	 */
	@Transactional(readOnly = true)
	List<ShipmentView> forLabels(SignedInUser user, List<UUID> ids) {
		LogisticsScope.requireShipper(user);
		return visible(user, ids).stream().map(shipment -> shipment.toView(false)).toList();
	}

	/** The orders in these parcels, by id (as the user sees them; none for analysts). */
	@Transactional(readOnly = true)
	public Map<UUID, ShippableOrder> ordersOf(SignedInUser user, Collection<ShipmentView> parcels) {
		if (user.role() == Role.ANALYST || user.role() == Role.TRAINER) {
			return Map.of();
		}
		List<UUID> ids = parcels.stream()
			.flatMap(parcel -> parcel.items().stream())
			.map(ShipmentItem::orderId)
			.distinct()
			.toList();
		return this.fulfilment.orders(user, ids).stream().collect(Collectors.toMap(ShippableOrder::id, order -> order));
	}

	/** The parcels the user sees among these, in the order asked. */
	private List<Shipment> visible(SignedInUser user, List<UUID> ids) {
		List<Object> params = new ArrayList<>();
		String where = scopeWhere(user, params);
		params.add(ids.stream().distinct().toArray(UUID[]::new));
		List<UUID> seen = this.jdbc.sql("SELECT id FROM logistics_shipment WHERE " + where + " AND id = ANY(?)")
			.params(params)
			.query(UUID.class)
			.list();
		return inOrder(ids.stream().filter(seen::contains).distinct().toList());
	}

	private List<Shipment> inOrder(List<UUID> ids) {
		Map<UUID, Shipment> found = this.shipments.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Shipment::id, shipment -> shipment));
		return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	private static String scopeWhere(SignedInUser user, List<Object> params) {
		if (user.role() == Role.MERCHANT) {
			params.add(user.scope().organisationId());
			return "organisation_id = ?";
		}
		if (user.role() == Role.STATION) {
			params.add(user.scope().countyCode());
			params.add(user.scope().stationId());
			return "county_code = ? AND origin_station_id = ?";
		}
		params.add(user.scope().countyCode());
		return "county_code = ?";
	}

	/**
	 * The items of these orders' parcels: every live one (packed or gone), or only the
	 * ones that left.
	 */
	private List<ShipmentItem> itemsOf(Collection<UUID> orderIds, boolean left) {
		String statuses = left ? "('SHIPPED', 'DELIVERED', 'RETURNED')"
				: "('PACKED', 'SHIPPED', 'DELIVERED', 'RETURNED')";
		return this.jdbc.sql("""
				SELECT i.order_id, i.line_key, i.quantity FROM logistics_shipment_item i
				  JOIN logistics_shipment s ON s.id = i.shipment_id
				 WHERE i.order_id = ANY(?) AND s.status IN """ + statuses)
			.param(orderIds.stream().distinct().toArray(UUID[]::new))
			.query((rs, row) -> new ShipmentItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)))
			.list();
	}

	/**
	 * Two packers of the same orders wait for each other (in a fixed order, so that they
	 * never wait in a circle), so that a line never goes out twice.
	 */
	private void lockOrders(Collection<UUID> orderIds) {
		orderIds.stream()
			.distinct()
			.sorted()
			.forEach(id -> this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('logistics-order:' || ?, 0))")
				.param(id.toString())
				.query()
				.singleValue());
	}

}

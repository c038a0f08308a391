package org.farmgate.logistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.orders.OrderFulfilment;
import org.farmgate.orders.OrderStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tracking: events pushed by carriers and parcels scanned at stations. Every event is
 * kept, even for a waybill number no parcel has yet (unmatched, attached when the parcel
 * is packed); the same event twice is kept once; a delivery moves the parcel and, once
 * all of an order's parcels are delivered, the order. The exceptions list shows parcels
 * silent for three days, returned, refused or in trouble.
 */
@Service
public class TrackingManagement {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final Duration SILENT = Duration.ofDays(3);

	private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

	private final ShipmentRepository shipments;

	private final StationRepository stations;

	private final OrderFulfilment fulfilment;

	private final JdbcClient jdbc;

	private final Clock clock;

	TrackingManagement(ShipmentRepository shipments, StationRepository stations, OrderFulfilment fulfilment,
			JdbcClient jdbc, Clock clock) {
		this.shipments = shipments;
		this.stations = stations;
		this.fulfilment = fulfilment;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Today in China. */
	public java.time.LocalDate today() {
		return java.time.LocalDate.now(this.clock.withZone(CHINA));
	}

	/** Takes what a carrier pushed (operators' and admins' integration accounts). */
	@Transactional
	public TrackingPush.Outcome record(SignedInUser user, TrackingPush push) {
		LogisticsScope.requireNetworkManager(user);
		String trackingNo = PackInput.normalTrackingNo(push.trackingNo());
		if (!trackingNo.matches("[A-Z0-9]{6,40}")) {
			throw LogisticsException.because("logistics.tracking.number");
		}
		Carrier carrier = null;
		if (push.carrier() != null && !push.carrier().isBlank()) {
			carrier = Carrier.fromCode(push.carrier())
				.orElseThrow(() -> LogisticsException.because("logistics.tracking.carrier", push.carrier()));
		}
		if (push.events().isEmpty()) {
			throw LogisticsException.because("logistics.tracking.no-events");
		}
		if (push.events().size() > 500) {
			throw LogisticsException.because("logistics.tracking.too-many");
		}
		Optional<Shipment> shipment = find(user.scope().countyCode(), carrier, trackingNo);
		List<TrackingPush.Refused> refused = new ArrayList<>();
		List<Taken> taken = new ArrayList<>();
		for (int i = 0; i < push.events().size(); i++) {
			TrackingPush.Event event = push.events().get(i);
			Optional<TrackingState> state = TrackingState.of(event.state());
			if (state.isEmpty()) {
				refused.add(new TrackingPush.Refused(i, "logistics.tracking.state"));
				continue;
			}
			Optional<Instant> at = time(event.time());
			if (at.isEmpty()) {
				refused.add(new TrackingPush.Refused(i, "logistics.tracking.time"));
				continue;
			}
			if (at.get().isAfter(this.clock.instant().plus(Duration.ofHours(1)))) {
				refused.add(new TrackingPush.Refused(i, "logistics.tracking.future"));
				continue;
			}
			taken.add(new Taken(state.get(), at.get(), trim(event.state(), 40),
					trim(firstOf(event.location(), event.context()), 200)));
		}
		int recorded = 0;
		boolean delivered = false;
		taken.sort(Comparator.comparing(Taken::at));
		for (Taken event : taken) {
			if (insert(user.scope().countyCode(), shipment.map(Shipment::id).orElse(null), carrier, trackingNo,
					event.state(), event.raw(), event.at(), null, event.location(), "CARRIER", user.getUsername())) {
				recorded++;
				if (shipment.isPresent()) {
					delivered |= shipment.get().track(event.state(), event.at());
				}
			}
		}
		if (recorded > 0 && shipment.isPresent()) {
			saved(shipment.get(), delivered);
		}
		return new TrackingPush.Outcome(recorded, taken.size() - recorded, shipment.isEmpty(), List.copyOf(refused));
	}

	/** What a scan at a station did. */
	public record Scanned(TrackingState state, Optional<ShipmentView> shipment, boolean duplicate,
			List<Carrier> carrierHints) {
	}

	/**
	 * A parcel scanned at a station (a barcode scanner types into the page's field): the
	 * state is the station's level (received at a village point, at a township station,
	 * at the county hub) unless the hub hands it to its carrier. An unknown number is
	 * recorded unmatched and said so; the same parcel scanned twice at one station in a
	 * state is one event.
	 */
	@Transactional
	public Scanned scan(SignedInUser user, UUID stationId, String typed, boolean handedToCarrier) {
		LogisticsScope.requireScanner(user, stationId);
		Station station = this.stations.findById(stationId)
			.filter(found -> found.countyCode().equals(user.scope().countyCode()))
			.orElseThrow(LogisticsException::notFound);
		String trackingNo = PackInput.normalTrackingNo(typed);
		if (!trackingNo.matches("[A-Z0-9]{6,40}")) {
			throw LogisticsException.because("logistics.tracking.number");
		}
		TrackingState state = handedToCarrier ? TrackingState.HANDED_TO_CARRIER : switch (station.kind()) {
			case VILLAGE_POINT -> TrackingState.RECEIVED_AT_VILLAGE_POINT;
			case TOWNSHIP_STATION -> TrackingState.AT_TOWNSHIP_STATION;
			case COUNTY_HUB -> TrackingState.AT_COUNTY_HUB;
		};
		Optional<Shipment> shipment = find(user.scope().countyCode(), null, trackingNo);
		boolean already = Boolean.TRUE.equals(this.jdbc.sql(
				"SELECT EXISTS (SELECT 1 FROM logistics_tracking_event WHERE tracking_no = ? AND state = ? AND station_id = ?)")
			.params(trackingNo, state.name(), stationId)
			.query(Boolean.class)
			.single());
		Instant now = this.clock.instant();
		if (!already) {
			insert(user.scope().countyCode(), shipment.map(Shipment::id).orElse(null),
					shipment.map(found -> found.toView(false).carrier()).orElse(null), trackingNo, state, null, now,
					stationId, station.name(), "SCAN", user.getUsername());
			shipment.ifPresent(found -> saved(found, found.track(state, now)));
		}
		return new Scanned(state,
				shipment.flatMap(found -> this.shipments.findById(found.id())).map(found -> found.toView(false)),
				already, CarrierDetection.candidates(trackingNo));
	}

	/**
	 * A station's day: the parcels scanned there that day, and the parcels handed in
	 * there still waiting for the van.
	 */
	public record StationDay(List<TrackingEventView> scanned, List<ShipmentView> waiting) {
	}

	@Transactional(readOnly = true)
	public StationDay stationDay(SignedInUser user, UUID stationId, java.time.LocalDate day) {
		LogisticsScope.requireScanner(user, stationId);
		Instant from = day.atStartOfDay(CHINA).toInstant();
		List<TrackingEventView> scanned = this.jdbc
			.sql(SELECT + "WHERE station_id = ? AND county_code = ? AND occurred_at >= ? AND occurred_at < ?"
					+ " ORDER BY occurred_at DESC LIMIT 500")
			.params(stationId, user.scope().countyCode(), java.sql.Timestamp.from(from),
					java.sql.Timestamp.from(day.plusDays(1).atStartOfDay(CHINA).toInstant()))
			.query(TrackingManagement::view)
			.list();
		List<UUID> ids = this.jdbc.sql("""
				SELECT id FROM logistics_shipment
				 WHERE origin_station_id = ? AND county_code = ? AND status IN ('PACKED', 'SHIPPED')
				   AND (tracking_state IS NULL OR tracking_state = 'RECEIVED_AT_VILLAGE_POINT')
				 ORDER BY created_at LIMIT 500
				""").params(stationId, user.scope().countyCode()).query(UUID.class).list();
		List<ShipmentView> waiting = new ArrayList<>();
		this.shipments.findAllById(ids).forEach(shipment -> waiting.add(shipment.toView(false)));
		waiting.sort(Comparator.comparing(ShipmentView::createdAt));
		return new StationDay(scanned, waiting);
	}

	/**
	 * The events of a parcel the user sees, oldest first (none of a parcel out of sight).
	 */
	@Transactional(readOnly = true)
	public List<TrackingEventView> events(SignedInUser user, UUID shipmentId) {
		LogisticsScope.requireReader(user);
		String scope = switch (user.role()) {
			case MERCHANT -> "organisation_id = ?";
			case STATION -> "origin_station_id = ?";
			default -> "county_code = ?";
		};
		Object scoped = switch (user.role()) {
			case MERCHANT -> user.scope().organisationId();
			case STATION -> user.scope().stationId();
			default -> user.scope().countyCode();
		};
		return this.jdbc
			.sql(SELECT + "WHERE shipment_id = (SELECT id FROM logistics_shipment WHERE id = ? AND " + scope + ")"
					+ " ORDER BY occurred_at, recorded_at")
			.params(shipmentId, scoped)
			.query(TrackingManagement::view)
			.list();
	}

	/**
	 * The trace of an order's parcels, oldest first, for its buyer (the storefront shows
	 * it once the order number and the phone matched): states, times and places only.
	 */
	@Transactional(readOnly = true)
	public List<TrackingEventView> eventsOfOrder(UUID orderId) {
		return this.jdbc.sql(SELECT + """
				WHERE shipment_id IN (SELECT i.shipment_id FROM logistics_shipment_item i
				                        JOIN logistics_shipment s ON s.id = i.shipment_id
				                       WHERE i.order_id = ? AND s.status <> 'CANCELLED')
				ORDER BY occurred_at, recorded_at
				""").param(orderId).query(TrackingManagement::view).list();
	}

	/**
	 * Events of waybill numbers no parcel of the county has (newest first, at most 200).
	 */
	@Transactional(readOnly = true)
	public List<TrackingEventView> unmatched(SignedInUser user) {
		LogisticsScope.requireNetworkManager(user);
		return this.jdbc
			.sql(SELECT + "WHERE shipment_id IS NULL AND county_code = ? ORDER BY recorded_at DESC LIMIT 200")
			.param(user.scope().countyCode())
			.query(TrackingManagement::view)
			.list();
	}

	/** Why a parcel is on the exceptions list. */
	public enum Trouble {

		SILENT, EXCEPTION, RETURNED, REFUSED

	}

	/** A parcel on the exceptions list. */
	public record Exception(ShipmentView shipment, Trouble trouble) {
	}

	/**
	 * Parcels that need someone to look: shipped and silent for three days, or whose last
	 * event is an exception, a return or a refusal.
	 */
	@Transactional(readOnly = true)
	public List<Exception> exceptions(SignedInUser user) {
		LogisticsScope.requireReader(user);
		List<Object> params = new ArrayList<>();
		String where;
		switch (user.role()) {
			case MERCHANT -> {
				where = "organisation_id = ?";
				params.add(user.scope().organisationId());
			}
			case STATION -> {
				where = "county_code = ? AND origin_station_id = ?";
				params.add(user.scope().countyCode());
				params.add(user.scope().stationId());
			}
			default -> {
				where = "county_code = ?";
				params.add(user.scope().countyCode());
			}
		}
		params.add(java.sql.Timestamp.from(this.clock.instant().minus(SILENT)));
		params.add(java.util.Arrays.stream(TrackingState.values())
			.filter(TrackingState::needsAttention)
			.map(Enum::name)
			.toArray(String[]::new));
		List<UUID> ids = this.jdbc.sql("SELECT id FROM logistics_shipment WHERE " + where + """
				 AND ((status = 'SHIPPED' AND coalesce(last_event_at, shipped_at) < ?)
				      OR (status IN ('SHIPPED', 'RETURNED') AND tracking_state = ANY(?)))
				 ORDER BY coalesce(last_event_at, shipped_at) LIMIT 500
				""").params(params).query(UUID.class).list();
		Instant silentSince = this.clock.instant().minus(SILENT);
		List<Exception> found = new ArrayList<>();
		for (Shipment shipment : this.shipments.findAllById(ids)) {
			ShipmentView view = shipment.toView(false);
			Trouble trouble;
			if (view.trackingState() == TrackingState.REFUSED) {
				trouble = Trouble.REFUSED;
			}
			else if (view.trackingState() == TrackingState.RETURNED || view.status() == ShipmentStatus.RETURNED) {
				trouble = Trouble.RETURNED;
			}
			else if (view.trackingState() == TrackingState.EXCEPTION) {
				trouble = Trouble.EXCEPTION;
			}
			else {
				trouble = Trouble.SILENT;
			}
			if (trouble == Trouble.SILENT
					&& (view.lastEventAt() != null ? view.lastEventAt() : view.shippedAt()).isAfter(silentSince)) {
				continue;
			}
			found.add(new Exception(view, trouble));
		}
		found.sort(Comparator.comparing((Exception e) -> e.trouble()).thenComparing(e -> e.shipment().createdAt()));
		return found;
	}

	/**
	 * Saves a parcel that took new events; once one of them delivered it, its orders
	 * whose parcels are all delivered move on.
	 */
	private void saved(Shipment shipment, boolean delivered) {
		Shipment current = this.shipments.save(shipment);
		if (!delivered) {
			return;
		}
		for (UUID orderId : current.items().stream().map(ShipmentItem::orderId).distinct().toList()) {
			boolean allDelivered = Boolean.TRUE.equals(this.jdbc.sql("""
					SELECT bool_and(s.status = 'DELIVERED') FROM logistics_shipment s
					 WHERE s.status <> 'CANCELLED'
					   AND s.id IN (SELECT shipment_id FROM logistics_shipment_item WHERE order_id = ?)
					""").param(orderId).query(Boolean.class).single());
			boolean shippedInFull = this.fulfilment.order(orderId)
				.map(order -> order.status() == OrderStatus.SHIPPED)
				.orElse(false);
			if (allDelivered && shippedInFull) {
				this.fulfilment.delivered(orderId, "tracking:" + current.id());
			}
		}
	}

	private Optional<Shipment> find(String county, Carrier carrier, String trackingNo) {
		List<UUID> ids = this.jdbc.sql("""
				SELECT id FROM logistics_shipment
				 WHERE tracking_no = ? AND county_code = ? AND status <> 'CANCELLED'
				   AND (?::text IS NULL OR carrier = ?::text)
				 ORDER BY created_at DESC LIMIT 1
				""")
			.params(trackingNo, county, (carrier != null) ? carrier.name() : null,
					(carrier != null) ? carrier.name() : null)
			.query(UUID.class)
			.list();
		return ids.stream().findFirst().flatMap(this.shipments::findById);
	}

	private boolean insert(String county, UUID shipmentId, Carrier carrier, String trackingNo, TrackingState state,
			String raw, Instant at, UUID stationId, String location, String source, String by) {
		return this.jdbc
			.sql("""
					INSERT INTO logistics_tracking_event (id, county_code, shipment_id, carrier, tracking_no, state, raw_state, occurred_at,
					       station_id, location, source, recorded_at, recorded_by)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT ON CONSTRAINT logistics_tracking_event_uq DO NOTHING
					""")
			.params(UUID.randomUUID(), county, shipmentId, (carrier != null) ? carrier.name() : null, trackingNo,
					state.name(), raw, java.sql.Timestamp.from(at), stationId, location, source,
					java.sql.Timestamp.from(this.clock.instant()), by)
			.update() == 1;
	}

	static Optional<Instant> time(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
		}
		catch (DateTimeParseException ex) {
			try {
				return Optional.of(LocalDateTime.parse(text.strip(), CHINA_TIME).atZone(CHINA).toInstant());
			}
			catch (DateTimeParseException again) {
				return Optional.empty();
			}
		}
	}

	private static String firstOf(String a, String b) {
		return (a != null && !a.isBlank()) ? a : b;
	}

	private static String trim(String text, int max) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return (stripped.length() > max) ? stripped.substring(0, max) : stripped;
	}

	private record Taken(TrackingState state, Instant at, String raw, String location) {
	}

	private static final String SELECT = """
			SELECT id, shipment_id, carrier, tracking_no, state, raw_state, occurred_at, station_id, location, source
			  FROM logistics_tracking_event
			""";

	private static TrackingEventView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String carrier = rs.getString(3);
		return new TrackingEventView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				(carrier != null) ? Carrier.valueOf(carrier) : null, rs.getString(4),
				TrackingState.valueOf(rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toInstant(),
				rs.getObject(8, UUID.class), rs.getString(9), rs.getString(10));
	}

}

package org.farmgate.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock per SKU and location, its adjustments, and reservations held by order lines.
 * Every change is one conditional {@code UPDATE}: a reservation only takes units while
 * {@code on_hand - reserved} covers them, and PostgreSQL re-checks that condition on the
 * locked row when several channels reserve at once, so available stock never goes below
 * zero (the table's CHECK constraints are the last guard).
 */
@Service
@Transactional
public class StockManagement {

	private static final String STOCK_VIEW = """
			SELECT st.sku_id, s.product_id, st.organisation_id, p.name_zh, s.specification, s.merchant_code,
			       st.location_kind, st.location_id, st.on_hand, st.reserved, st.low_threshold
			FROM catalog_stock st JOIN catalog_sku s ON s.id = st.sku_id JOIN catalog_product p ON p.id = s.product_id
			""";

	private final JdbcClient jdbc;

	private final SkuManagement skus;

	private final CatalogScope scope;

	private final Clock clock;

	StockManagement(JdbcClient jdbc, SkuManagement skus, CatalogScope scope, Clock clock) {
		this.jdbc = jdbc;
		this.skus = skus;
		this.scope = scope;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<StockView> stock(SignedInUser user) {
		return this.scope.within(user,
				own -> this.jdbc.sql(STOCK_VIEW + " WHERE st.organisation_id = ? ORDER BY p.name_zh, s.specification")
					.param(own)
					.query(StockManagement::stockView)
					.list(),
				county -> this.jdbc.sql(STOCK_VIEW + " WHERE st.county_code = ? ORDER BY p.name_zh, s.specification")
					.param(county)
					.query(StockManagement::stockView)
					.list());
	}

	@Transactional(readOnly = true)
	public List<StockView> stockOf(SignedInUser user, UUID skuId) {
		this.skus.visible(user, skuId).orElseThrow(CatalogException::notFound);
		return this.jdbc.sql(STOCK_VIEW + " WHERE st.sku_id = ? ORDER BY st.location_kind")
			.param(skuId)
			.query(StockManagement::stockView)
			.list();
	}

	/** The stock of all of a product's SKUs the user sees, in one query. */
	@Transactional(readOnly = true)
	public List<StockView> stockOfProduct(SignedInUser user, UUID productId) {
		return this.scope.within(user,
				own -> this.jdbc.sql(STOCK_VIEW + " WHERE s.product_id = ? AND st.organisation_id = ?")
					.params(productId, own)
					.query(StockManagement::stockView)
					.list(),
				county -> this.jdbc.sql(STOCK_VIEW + " WHERE s.product_id = ? AND st.county_code = ?")
					.params(productId, county)
					.query(StockManagement::stockView)
					.list());
	}

	/**
	 * The latest adjustments of each of a product's SKUs the user sees, at most
	 * {@code perSku} each, in one query.
	 */
	@Transactional(readOnly = true)
	public List<AdjustmentView> latestAdjustmentsOfProduct(SignedInUser user, UUID productId, int perSku) {
		String latest = """
				SELECT id, sku_id, location_kind, location_id, delta, on_hand_after, reason, note, actor, occurred_at
				FROM (SELECT a.*, row_number() OVER (PARTITION BY a.sku_id ORDER BY a.occurred_at DESC) AS n
				      FROM catalog_stock_adjustment a JOIN catalog_sku s ON s.id = a.sku_id
				      WHERE s.product_id = ? AND s.%s = ?) latest
				WHERE n <= ? ORDER BY sku_id, occurred_at DESC""";
		return this.scope.within(user,
				own -> this.jdbc.sql(latest.formatted("organisation_id"))
					.params(productId, own, perSku)
					.query(StockManagement::adjustmentView)
					.list(),
				county -> this.jdbc.sql(latest.formatted("county_code"))
					.params(productId, county, perSku)
					.query(StockManagement::adjustmentView)
					.list());
	}

	@Transactional(readOnly = true)
	public List<AdjustmentView> adjustments(SignedInUser user, UUID skuId) {
		this.skus.visible(user, skuId).orElseThrow(CatalogException::notFound);
		return this.jdbc.sql("""
				SELECT id, sku_id, location_kind, location_id, delta, on_hand_after, reason, note, actor, occurred_at
				FROM catalog_stock_adjustment WHERE sku_id = ? ORDER BY occurred_at DESC LIMIT 50""")
			.param(skuId)
			.query(StockManagement::adjustmentView)
			.list();
	}

	private static AdjustmentView adjustmentView(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new AdjustmentView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				LocationKind.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getInt(5), rs.getInt(6),
				AdjustmentReason.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9),
				rs.getTimestamp(10).toInstant());
	}

	/**
	 * Changes stock on hand with a reason; taking away more than is on hand, or below
	 * what is reserved, is refused.
	 */
	public StockView adjust(SignedInUser user, AdjustmentInput input) {
		this.scope.requireWriter(user);
		Sku sku = this.skus.visible(user, input.skuId()).orElseThrow(CatalogException::notFound);
		if (input.delta() == null || input.delta() == 0 || Math.abs((long) input.delta()) > 1_000_000) {
			throw CatalogException.because("catalog.error.delta");
		}
		if (input.reason() == null || input.reason() == AdjustmentReason.SHIPPED) {
			throw CatalogException.because("catalog.error.reason");
		}
		if (input.note() != null && input.note().length() > 200) {
			throw CatalogException.because("catalog.error.too-long");
		}
		Location location = location(sku, input.locationKind(), input.locationId());
		ensureRow(sku, location);
		Optional<Integer> onHand = this.jdbc.sql("""
				UPDATE catalog_stock SET on_hand = on_hand + :delta, updated_at = :now
				WHERE sku_id = :sku AND location_kind = :kind AND location_id = :location
				  AND on_hand + :delta >= reserved
				RETURNING on_hand""")
			.param("delta", input.delta())
			.param("now", Timestamp.from(now()))
			.param("sku", sku.id())
			.param("kind", location.kind().name())
			.param("location", location.id())
			.query(Integer.class)
			.optional();
		if (onHand.isEmpty()) {
			StockView current = current(sku.id(), location);
			throw CatalogException.because("catalog.error.below-reserved", current.onHand(), current.reserved());
		}
		record(sku.id(), location, input.delta(), onHand.get(), input.reason(), input.note(), user.getUsername());
		return current(sku.id(), location);
	}

	/**
	 * The stock form's change in one transaction: an adjustment (delta may be absent) and
	 * a new low-stock threshold (may be absent); if either is refused, neither is made.
	 */
	public StockView adjustAndWarn(SignedInUser user, AdjustmentInput input, Integer threshold) {
		boolean adjusting = input.delta() != null && input.delta() != 0;
		if (!adjusting && threshold == null) {
			throw CatalogException.because("catalog.error.delta");
		}
		if (threshold != null && (threshold < 0 || threshold > 1_000_000)) {
			throw CatalogException.because("catalog.error.threshold");
		}
		StockView after = adjusting ? adjust(user, input) : null;
		if (threshold != null) {
			after = threshold(user, input.skuId(), input.locationKind(), input.locationId(), threshold);
		}
		return after;
	}

	/** Sets the low-stock threshold of a SKU at a location (0: no warning). */
	public StockView threshold(SignedInUser user, UUID skuId, LocationKind kind, UUID locationId, int threshold) {
		this.scope.requireWriter(user);
		Sku sku = this.skus.visible(user, skuId).orElseThrow(CatalogException::notFound);
		if (threshold < 0 || threshold > 1_000_000) {
			throw CatalogException.because("catalog.error.threshold");
		}
		Location location = location(sku, kind, locationId);
		ensureRow(sku, location);
		this.jdbc.sql("""
				UPDATE catalog_stock SET low_threshold = ?
				WHERE sku_id = ? AND location_kind = ? AND location_id = ?""")
			.params(threshold, sku.id(), location.kind().name(), location.id())
			.update();
		return current(sku.id(), location);
	}

	/** Reserves stock for an order line, for a user who sees the SKU. */
	@Transactional(noRollbackFor = InsufficientStockException.class)
	public ReservationView reserve(SignedInUser user, ReservationInput input) {
		this.scope.requireWriter(user);
		this.skus.visible(user, input.skuId()).orElseThrow(CatalogException::notFound);
		return reserve(input);
	}

	/**
	 * Reserves stock for an order line (the orders module's call): the same order-line
	 * key twice gives the first reservation back and takes nothing more.
	 * @throws InsufficientStockException when fewer units are available than asked for
	 */
	@Transactional(noRollbackFor = InsufficientStockException.class)
	public ReservationView reserve(ReservationInput input) {
		Sku sku = this.skus.byId(input.skuId()).orElseThrow(CatalogException::notFound);
		if (input.quantity() == null || input.quantity() < 1 || input.quantity() > 100_000) {
			throw CatalogException.because("catalog.error.reserve-quantity");
		}
		if (input.orderLine() == null || input.orderLine().isBlank() || input.orderLine().strip().length() > 120) {
			throw CatalogException.because("catalog.error.order-line");
		}
		String orderLine = input.orderLine().strip();
		Location location = location(sku, input.locationKind(), input.locationId());
		Optional<ReservationView> earlier = reservationByOrderLine(sku.organisationId(), orderLine);
		if (earlier.isPresent()) {
			return same(earlier.get(), sku, input.quantity());
		}
		// take the units first: a refusal then writes nothing, and leaves a caller's
		// transaction usable
		Instant now = now();
		if (changeReserved(sku.id(), location, input.quantity(), now) == 0) {
			int available = this.jdbc.sql(
					"SELECT on_hand - reserved FROM catalog_stock WHERE sku_id = ? AND location_kind = ? AND location_id = ?")
				.params(sku.id(), location.kind().name(), location.id())
				.query(Integer.class)
				.optional()
				.orElse(0);
			throw new InsufficientStockException(input.quantity(), available);
		}
		UUID id = UUID.randomUUID();
		int inserted = this.jdbc.sql("""
				INSERT INTO catalog_reservation (id, sku_id, location_kind, location_id, organisation_id, quantity,
				                                 order_line, state, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'HELD', ?) ON CONFLICT (organisation_id, order_line) DO NOTHING""")
			.params(id, sku.id(), location.kind().name(), location.id(), sku.organisationId(), input.quantity(),
					orderLine, Timestamp.from(now))
			.update();
		if (inserted == 0) {
			// the same order line reserved meanwhile by another call: give these units
			// back
			changeReserved(sku.id(), location, -input.quantity(), now);
			return same(reservationByOrderLine(sku.organisationId(), orderLine).orElseThrow(), sku, input.quantity());
		}
		return new ReservationView(id, sku.id(), location.kind(), location.id(), input.quantity(), orderLine,
				ReservationState.HELD, now, true);
	}

	private static ReservationView same(ReservationView earlier, Sku sku, int quantity) {
		if (!earlier.skuId().equals(sku.id()) || earlier.quantity() != quantity) {
			throw CatalogException.because("catalog.error.order-line-reused");
		}
		return earlier;
	}

	/**
	 * Adds to the reserved units while the available ones cover them; 0 when they do not.
	 */
	private int changeReserved(UUID skuId, Location location, int quantity, Instant now) {
		return this.jdbc.sql("""
				UPDATE catalog_stock SET reserved = reserved + :quantity, updated_at = :now
				WHERE sku_id = :sku AND location_kind = :kind AND location_id = :location
				  AND on_hand - reserved >= :quantity""")
			.param("quantity", quantity)
			.param("now", Timestamp.from(now))
			.param("sku", skuId)
			.param("kind", location.kind().name())
			.param("location", location.id())
			.update();
	}

	/** Gives a reservation's units back (the order was cancelled); again is harmless. */
	public ReservationView release(SignedInUser user, UUID reservationId) {
		return settle(visibleReservation(user, reservationId), ReservationState.RELEASED, user.getUsername());
	}

	/**
	 * Takes a reservation's units off the shelf (the goods were shipped); again is
	 * harmless.
	 */
	public ReservationView commit(SignedInUser user, UUID reservationId) {
		return settle(visibleReservation(user, reservationId), ReservationState.COMMITTED, user.getUsername());
	}

	/** The orders module's release, by the organisation's order-line key. */
	public Optional<ReservationView> releaseOrderLine(UUID organisationId, String orderLine) {
		return reservationByOrderLine(organisationId, orderLine)
			.map(found -> settle(found, ReservationState.RELEASED, "system"));
	}

	/**
	 * When a SKU's stock at the organisation's warehouse was last received or counted by
	 * hand (shipments after that time are not in the count yet; those before it are).
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> lastCountedAt(UUID skuId) {
		return Optional.ofNullable(this.jdbc
			.sql("SELECT max(occurred_at) FROM catalog_stock_adjustment WHERE sku_id = ?"
					+ " AND location_kind = 'WAREHOUSE' AND reason <> 'SHIPPED'")
			.param(skuId)
			.query((rs, n) -> (rs.getTimestamp(1) != null) ? rs.getTimestamp(1).toInstant() : null)
			.single());
	}

	/** The orders module's commit on shipping, by the organisation's order-line key. */
	public Optional<ReservationView> commitOrderLine(UUID organisationId, String orderLine) {
		return reservationByOrderLine(organisationId, orderLine)
			.map(found -> settle(found, ReservationState.COMMITTED, "system"));
	}

	@Transactional(readOnly = true)
	public Optional<ReservationView> reservation(SignedInUser user, UUID reservationId) {
		this.scope.requireReader(user);
		return reservationById(reservationId).filter(found -> this.skus.visible(user, found.skuId()).isPresent());
	}

	private ReservationView visibleReservation(SignedInUser user, UUID reservationId) {
		this.scope.requireWriter(user);
		return reservation(user, reservationId).orElseThrow(CatalogException::notFound);
	}

	private ReservationView settle(ReservationView reservation, ReservationState next, String actor) {
		if (reservation.state() == next) {
			return reservation;
		}
		if (!reservation.state().canMoveTo(next)) {
			throw CatalogException.because("catalog.error.reservation-settled");
		}
		Instant now = now();
		int moved = this.jdbc
			.sql("UPDATE catalog_reservation SET state = ?, settled_at = ? WHERE id = ? AND state = 'HELD'")
			.params(next.name(), Timestamp.from(now), reservation.id())
			.update();
		if (moved == 0) {
			// settled meanwhile by another call: answer with what it became
			ReservationView settled = reservationById(reservation.id()).orElseThrow();
			if (settled.state() != next) {
				throw CatalogException.because("catalog.error.reservation-settled");
			}
			return settled;
		}
		Location location = new Location(reservation.locationKind(), reservation.locationId());
		int onHandDelta = (next == ReservationState.COMMITTED) ? -reservation.quantity() : 0;
		Integer onHand = this.jdbc.sql("""
				UPDATE catalog_stock SET reserved = reserved - :quantity, on_hand = on_hand + :onHandDelta,
				                         updated_at = :now
				WHERE sku_id = :sku AND location_kind = :kind AND location_id = :location
				RETURNING on_hand""")
			.param("quantity", reservation.quantity())
			.param("onHandDelta", onHandDelta)
			.param("now", Timestamp.from(now))
			.param("sku", reservation.skuId())
			.param("kind", location.kind().name())
			.param("location", location.id())
			.query(Integer.class)
			.single();
		if (next == ReservationState.COMMITTED) {
			record(reservation.skuId(), location, onHandDelta, onHand, AdjustmentReason.SHIPPED,
					reservation.orderLine(), actor);
		}
		return reservationById(reservation.id()).orElseThrow();
	}

	private Optional<ReservationView> reservationByOrderLine(UUID organisationId, String orderLine) {
		return reservations("organisation_id = ? AND order_line = ?", organisationId, orderLine);
	}

	private Optional<ReservationView> reservationById(UUID id) {
		return reservations("id = ?", (Object) id);
	}

	private Optional<ReservationView> reservations(String where, Object... keys) {
		return this.jdbc.sql("""
				SELECT id, sku_id, location_kind, location_id, quantity, order_line, state, created_at
				FROM catalog_reservation""" + " WHERE " + where)
			.params(keys)
			.query((rs, n) -> new ReservationView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					LocationKind.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getInt(5), rs.getString(6),
					ReservationState.valueOf(rs.getString(7)), rs.getTimestamp(8).toInstant(), false))
			.optional();
	}

	private void ensureRow(Sku sku, Location location) {
		this.jdbc.sql("""
				INSERT INTO catalog_stock (sku_id, location_kind, location_id, county_code, organisation_id, on_hand,
				                           reserved, low_threshold, updated_at)
				VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?) ON CONFLICT DO NOTHING""")
			.params(sku.id(), location.kind().name(), location.id(), sku.countyCode(), sku.organisationId(),
					Timestamp.from(now()))
			.update();
	}

	private StockView current(UUID skuId, Location location) {
		return this.jdbc.sql(STOCK_VIEW + " WHERE st.sku_id = ? AND st.location_kind = ? AND st.location_id = ?")
			.params(skuId, location.kind().name(), location.id())
			.query(StockManagement::stockView)
			.single();
	}

	private void record(UUID skuId, Location location, int delta, int onHandAfter, AdjustmentReason reason, String note,
			String actor) {
		this.jdbc.sql("""
				INSERT INTO catalog_stock_adjustment (id, sku_id, location_kind, location_id, delta, on_hand_after,
				                                      reason, note, actor, occurred_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), skuId, location.kind().name(), location.id(), delta, onHandAfter, reason.name(),
					(note == null || note.isBlank()) ? null : note.strip(), actor, Timestamp.from(now()))
			.update();
	}

	/** The warehouse of the SKU's organisation unless a station is named. */
	private static Location location(Sku sku, LocationKind kind, UUID id) {
		if (kind == null || kind == LocationKind.WAREHOUSE) {
			if (id != null && !id.equals(sku.organisationId())) {
				throw CatalogException.because("catalog.error.location");
			}
			return new Location(LocationKind.WAREHOUSE, sku.organisationId());
		}
		if (id == null) {
			throw CatalogException.because("catalog.error.location");
		}
		return new Location(kind, id);
	}

	private static StockView stockView(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new StockView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getString(5), rs.getString(6), LocationKind.valueOf(rs.getString(7)),
				rs.getObject(8, UUID.class), rs.getInt(9), rs.getInt(10), rs.getInt(11));
	}

	private Instant now() {
		return this.clock.instant();
	}

	private record Location(LocationKind kind, UUID id) {
	}

}

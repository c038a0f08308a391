package org.farmgate.logistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.AccountView;
import org.farmgate.accounts.DataScope;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.geo.TownshipView;
import org.farmgate.geo.VillageView;
import org.farmgate.orders.OrderFulfilment;
import org.farmgate.orders.OrderStatus;
import org.farmgate.orders.ShippableOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode, the county's logistics network: the hub in the county town, a station in
 * every township and a service point in every village, three vans, the carriers' rates; a
 * week of the Libei enterprise's parcels with their tracking (some delivered, one
 * returned, one silent for four days), parcels waiting at Libei's point, and inbound
 * goods for village shops due tomorrow. The demo station account works at Libei's point.
 * Written straight into the tables (a demo history, not live trade: no order moves).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 70)
class DemoLogistics implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoLogistics.class);

	/** The village whose point the demo station account works at. */
	static final String LIBEI = "立碑村";

	/** Goods for village shops and their weight in kilograms: a van-load a day in all. */
	private static final String[][] GOODS = { { "化肥 6 袋", "300" }, { "食用油 12 桶", "60" }, { "日用百货 8 箱", "90" },
			{ "饮料 20 箱", "160" }, { "农膜 6 卷", "120" }, { "水泥 4 袋", "200" }, { "饲料 6 袋", "240" },
			{ "洗衣粉 10 箱", "100" } };

	private final StationRepository stations;

	private final FleetManagement fleet;

	private final RateManagement rates;

	private final CountyGeographyManagement geography;

	private final AccountManagement accounts;

	private final UserDetailsService users;

	private final OrderFulfilment fulfilment;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean demo;

	private final String county;

	DemoLogistics(StationRepository stations, FleetManagement fleet, RateManagement rates,
			CountyGeographyManagement geography, AccountManagement accounts, UserDetailsService users,
			OrderFulfilment fulfilment, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			@Value("${farmgate.demo:false}") boolean demo,
			@Value("${farmgate.demo-county.code:520122}") String county) {
		this.stations = stations;
		this.fleet = fleet;
		this.rates = rates;
		this.geography = geography;
		this.accounts = accounts;
		this.users = users;
		this.fulfilment = fulfilment;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.demo = demo;
		this.county = county;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo || !this.stations.findByCountyCodeOrderByKindAscCodeAsc(this.county).isEmpty()) {
			return;
		}
		List<VillageView> villages = this.geography.villages(this.county);
		if (villages.isEmpty()) {
			return;
		}
		this.transactions.executeWithoutResult(status -> load(villages));
	}

	private void load(List<VillageView> villages) {
		LocalTime eight = LocalTime.of(8, 0);
		Station hub = this.stations.save(Station.open(this.county,
				new StationInput("HUB", StationKind.COUNTY_HUB, "息烽县电商物流中心", "永靖镇城北物流园", new BigDecimal("27.0920"),
						new BigDecimal("106.7380"), LocalTime.of(6, 30), LocalTime.of(21, 0), "王磊", "0851-87721234",
						List.of())));
		Map<UUID, Station> pointOfVillage = new HashMap<>();
		int townshipNo = 0;
		for (TownshipView township : this.geography.townships(this.county)) {
			List<VillageView> own = villages.stream()
				.filter(village -> village.townshipId().equals(township.id()))
				.toList();
			if (own.isEmpty()) {
				continue;
			}
			townshipNo++;
			BigDecimal[] at = where(township.place().latitude(), township.place().longitude(), own);
			this.stations.save(Station.open(this.county,
					new StationInput(String.format("TS%02d", townshipNo), StationKind.TOWNSHIP_STATION,
							township.name() + "电商服务站", township.name() + "政府旁", at[0], at[1], eight,
							LocalTime.of(18, 0), null, null, own.stream().map(VillageView::id).toList())));
			int villageNo = 0;
			for (VillageView village : own) {
				villageNo++;
				BigDecimal lat = village.place().latitude();
				BigDecimal lon = village.place().longitude();
				if (lat == null || lon == null) {
					lat = at[0];
					lon = at[1];
				}
				Station point = this.stations.save(Station.open(this.county,
						new StationInput(String.format("VP%02d%02d", townshipNo, villageNo), StationKind.VILLAGE_POINT,
								village.name() + "电商服务点", township.name() + village.name() + "村委会", lat, lon, eight,
								LocalTime.of(19, 0), null, null, List.of(village.id()))));
				pointOfVillage.put(village.id(), point);
			}
		}
		this.fleet.addVehicle(this.county,
				new VehicleInput("1号车", "贵A·XF001", 1500, LocalTime.of(7, 30), LocalTime.of(18, 30)));
		this.fleet.addVehicle(this.county,
				new VehicleInput("2号车", "贵A·XF002", 1000, LocalTime.of(8, 0), LocalTime.of(18, 0)));
		this.fleet.addVehicle(this.county,
				new VehicleInput("3号车", "贵A·XF003", 800, LocalTime.of(8, 0), LocalTime.of(17, 30)));
		this.rates.put(this.county, RateTable.demo().rates());
		Station libei = villages.stream()
			.filter(village -> village.name().equals(LIBEI))
			.findFirst()
			.map(village -> pointOfVillage.get(village.id()))
			.orElse(pointOfVillage.values().iterator().next());
		assignStationAccount(libei);
		Random random = new Random(520_122_7L);
		LocalDate tomorrow = LocalDate.now(this.clock.withZone(TrackingManagement.CHINA)).plusDays(1);
		int inbound = 0;
		for (Station point : pointOfVillage.values()
			.stream()
			.sorted(java.util.Comparator.comparing(Station::code))
			.toList()) {
			if (random.nextInt(3) == 0) {
				continue;
			}
			String[] goods = GOODS[random.nextInt(GOODS.length)];
			this.fleet.addInbound(this.county, new InboundInput(point.id(), point.name().replace("电商服务点", "") + "小卖部",
					goods[0], Integer.parseInt(goods[1]) * 1000 / (1 + random.nextInt(2)), tomorrow));
			inbound++;
		}
		int parcels = parcels(hub, libei, random);
		logger.info("Demo mode: {} stations, 3 vans, {} parcels of the past week, {} inbound deliveries due {}",
				this.stations.findByCountyCodeOrderByKindAscCodeAsc(this.county).size(), parcels, inbound, tomorrow);
	}

	/**
	 * The Libei enterprise's parcels of the past week (its shipped orders, with their
	 * tracking) and a few packed at Libei's point waiting for the van.
	 */
	private int parcels(Station hub, Station libei, Random random) {
		SignedInUser merchant;
		try {
			merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		}
		catch (RuntimeException ex) {
			return 0;
		}
		Instant now = this.clock.instant();
		List<ShippableOrder> shipped = this.fulfilment.createdSince(merchant, now.minus(Duration.ofDays(8)),
				EnumSet.of(OrderStatus.SHIPPED));
		List<ShippableOrder> paid = this.fulfilment.createdSince(merchant, now.minus(Duration.ofDays(3)),
				EnumSet.of(OrderStatus.PAID));
		Carrier[] carriers = { Carrier.SF, Carrier.YTO, Carrier.JT, Carrier.ZTO };
		int made = 0;
		for (ShippableOrder order : shipped) {
			Carrier carrier = carriers[made % carriers.length];
			Instant left = now.minus(Duration.ofHours(30 + random.nextInt(24 * 5)));
			UUID id = insert(order, libei, carrier, trackingNo(carrier, random), ShipmentStatus.SHIPPED, left, random);
			TrackingState[] trace = { TrackingState.RECEIVED_AT_VILLAGE_POINT, TrackingState.AT_TOWNSHIP_STATION,
					TrackingState.AT_COUNTY_HUB, TrackingState.HANDED_TO_CARRIER, TrackingState.IN_TRANSIT,
					TrackingState.OUT_FOR_DELIVERY, TrackingState.DELIVERED };
			long hoursOut = Duration.between(left, now).toHours();
			int steps = (int) Math.min(trace.length, 2 + hoursOut / 16);
			if (made == 3) {
				// silent for four days: on the exceptions list
				steps = 4;
				left = now.minus(Duration.ofDays(5));
			}
			Instant at = left;
			TrackingState last = null;
			for (int step = 0; step < steps; step++) {
				at = at.plus(Duration.ofHours((step < 3) ? 3 : 10));
				if (made == 3 && step == steps - 1) {
					at = now.minus(Duration.ofDays(4));
				}
				last = (made == 5 && step == steps - 1) ? TrackingState.RETURNED : trace[step];
				event(id, carrier, last, at, (step < 3) ? (step == 2 ? hub : libei) : null);
			}
			this.jdbc
				.sql("""
						UPDATE logistics_shipment SET tracking_state = ?, last_event_at = ?, shipped_at = ?,
						       status = CASE WHEN ? = 'DELIVERED' THEN 'DELIVERED' WHEN ? = 'RETURNED' THEN 'RETURNED' ELSE status END,
						       delivered_at = CASE WHEN ? = 'DELIVERED' THEN ?::timestamptz END
						 WHERE id = ?
						""")
				.params(last.name(), Timestamp.from(at), Timestamp.from(left), last.name(), last.name(), last.name(),
						Timestamp.from(at), id)
				.update();
			made++;
		}
		for (ShippableOrder order : paid.subList(0, Math.min(6, paid.size()))) {
			if (!order.holds().isEmpty()) {
				continue;
			}
			Carrier carrier = carriers[made % carriers.length];
			insert(order, libei, carrier, trackingNo(carrier, random), ShipmentStatus.PACKED, now, random);
			made++;
		}
		return made;
	}

	private UUID insert(ShippableOrder order, Station origin, Carrier carrier, String trackingNo, ShipmentStatus status,
			Instant at, Random random) {
		UUID id = UUID.randomUUID();
		int grams = 800 + random.nextInt(4200);
		Long cost = RateTable.demo()
			.estimate(carrier, (order.provinceCode() != null) ? order.provinceCode() : "520000", grams, null, null,
					null)
			.map(CostEstimate::fen)
			.orElse(null);
		this.jdbc.sql("""
				INSERT INTO logistics_shipment (id, county_code, organisation_id, shop_id, platform, origin_station_id,
				       recipient_name, recipient_phone, address, province_code, destination_code, weight_grams, carrier,
				       tracking_no, cost_fen, status, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'merchant')
				""")
			.params(id, order.countyCode(), order.organisationId(), order.shopId(), order.platform().name(),
					origin.id(), order.recipientName(), order.recipientPhone(), order.address(), order.provinceCode(),
					order.destinationCode(), grams, carrier.name(), trackingNo, cost, status.name(), Timestamp.from(at))
			.update();
		for (ShippableOrder.Line line : order.lines()) {
			this.jdbc.sql(
					"INSERT INTO logistics_shipment_item (shipment_id, order_id, line_key, quantity) VALUES (?, ?, ?, ?)")
				.params(id, order.id(), line.lineKey(), line.quantity())
				.update();
		}
		return id;
	}

	private void event(UUID shipment, Carrier carrier, TrackingState state, Instant at, Station station) {
		this.jdbc
			.sql("""
					INSERT INTO logistics_tracking_event (id, county_code, shipment_id, carrier, tracking_no, state, occurred_at,
					       station_id, location, source, recorded_at, recorded_by)
					SELECT ?, county_code, id, carrier, tracking_no, ?, ?, ?, ?, ?, ?, 'demo' FROM logistics_shipment WHERE id = ?
					""")
			.params(UUID.randomUUID(), state.name(), Timestamp.from(at), (station != null) ? station.id() : null,
					(station != null) ? station.name() : carrier.chineseName(), (station != null) ? "SCAN" : "CARRIER",
					Timestamp.from(at), shipment)
			.update();
	}

	private void assignStationAccount(Station point) {
		AccountView station = this.accounts.accountByUsername("station").orElse(null);
		if (station == null || station.role() != Role.STATION) {
			return;
		}
		this.accounts.updateAccount(station.id(), point.name() + " 陈强", Role.STATION,
				new DataScope(this.county, null, point.id()), null);
	}

	private static String trackingNo(Carrier carrier, Random random) {
		String digits = String.format("%013d", Math.abs(random.nextLong()) % 10_000_000_000_000L);
		return switch (carrier) {
			case SF -> "SF" + digits;
			case YTO -> "YT" + digits;
			case JT -> "JT" + digits;
			default -> "7" + digits.substring(1, 12);
		};
	}

	/** A township's coordinates, or the middle of its villages when it has none. */
	private static BigDecimal[] where(BigDecimal lat, BigDecimal lon, List<VillageView> villages) {
		if (lat != null && lon != null) {
			return new BigDecimal[] { lat, lon };
		}
		List<VillageView> placed = villages.stream()
			.filter(village -> village.place().latitude() != null && village.place().longitude() != null)
			.toList();
		if (placed.isEmpty()) {
			return new BigDecimal[] { new BigDecimal("27.0920"), new BigDecimal("106.7380") };
		}
		BigDecimal n = BigDecimal.valueOf(placed.size());
		BigDecimal sumLat = placed.stream().map(v -> v.place().latitude()).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal sumLon = placed.stream().map(v -> v.place().longitude()).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new BigDecimal[] { sumLat.divide(n, 6, RoundingMode.HALF_UP).add(new BigDecimal("0.0050")),
				sumLon.divide(n, 6, RoundingMode.HALF_UP) };
	}

}

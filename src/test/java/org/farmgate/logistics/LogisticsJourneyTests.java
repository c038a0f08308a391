package org.farmgate.logistics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.DataScope;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.orders.OrderIntegrations;
import org.farmgate.orders.OrderManagement;
import org.farmgate.orders.OrderSamples;
import org.farmgate.orders.OrderStatus;
import org.farmgate.orders.OrderView;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Logistics on the real database with the demo county, through the services: parcels
 * packed from paid orders (merged, split), shipped (moving the orders), tracked by
 * carriers and stations (duplicates once, unknown numbers kept), and the day's runs
 * planned over the stations (loads the fleet cannot carry reported).
 */
@FarmgateTest
class LogisticsJourneyTests {

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	TrackingManagement tracking;

	@Autowired
	RunManagement runs;

	@Autowired
	FleetManagement fleet;

	@Autowired
	StationManagement stations;

	@Autowired
	OrderIntegrations integrations;

	@Autowired
	OrderManagement orders;

	@Autowired
	RegistryManagement registry;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.farmgate.catalog.SkuManagement skus;

	@Autowired
	org.farmgate.catalog.StockManagement stock;

	private SignedInUser merchant;

	private SignedInUser operator;

	private ShopView shop;

	@BeforeEach
	void signIn() {
		this.merchant = signedIn("merchant");
		this.operator = signedIn("operator");
		this.shop = org.farmgate.DemoStock.shop(this.registry, this.merchant, Platform.DOUYIN);
		org.farmgate.DemoStock.received(this.skus, this.stock, this.merchant, "XF-SC-1500", 30);
	}

	private SignedInUser signedIn(String username) {
		return (SignedInUser) this.users.loadUserByUsername(username);
	}

	private OrderView paidOrder(int quantity, String recipient) {
		String number = "lg" + UUID.randomUUID().toString().substring(0, 12);
		String body = OrderSamples.order(number, "PAID", "XF-SC-1500", quantity).replace("张三", recipient);
		return this.integrations.receive(this.merchant, this.shop.id(), UUID.randomUUID().toString(), body).order();
	}

	private OrderStatus statusOf(OrderView order) {
		return this.orders.order(this.merchant, order.id()).orElseThrow().status();
	}

	private static String sfNumber() {
		return "SF"
				+ String.format("%013d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000_000L);
	}

	private PackInput pack(List<UUID> orderIds, Map<UUID, Map<String, Integer>> quantities, String trackingNo) {
		return new PackInput(orderIds, quantities, null, 1500, 30, 20, 15, null, trackingNo);
	}

	@Test
	void twoPaidOrdersToOneRecipientLeaveInOneParcelWhoseCarrierIsFoundFromItsNumber() {
		OrderView first = paidOrder(1, "王五");
		OrderView second = paidOrder(2, "王五");
		String number = sfNumber();

		ShipmentManagement.Packed packed = this.shipments.pack(this.merchant,
				pack(List.of(first.id(), second.id()), null, number.substring(0, 5) + " " + number.substring(5)));

		assertThat(packed.shipment().carrier()).isEqualTo(Carrier.SF);
		assertThat(packed.shipment().trackingNo()).isEqualTo(number);
		assertThat(packed.shipment().costFen()).as("a rate applies to Jiangsu").isPositive();
		assertThat(packed.shipment().items()).hasSize(2);
		assertThat(packed.shipment().recipientPhone()).as("masked on pages").contains("****");
		assertThat(statusOf(first)).isEqualTo(OrderStatus.PAID);

		assertThat(this.shipments.ship(this.merchant, List.of(packed.shipment().id()))).isEqualTo(1);

		assertThat(statusOf(first)).isEqualTo(OrderStatus.SHIPPED);
		assertThat(statusOf(second)).isEqualTo(OrderStatus.SHIPPED);
		assertThat(this.orders.order(this.merchant, first.id()).orElseThrow().lines().get(0).reserved())
			.as("the reservation became a deduction")
			.isFalse();
	}

	@Test
	void anOrderSplitInTwoParcelsIsPartlyShippedUntilTheSecondLeaves() {
		OrderView order = paidOrder(3, "赵六");
		String lineKey = order.lines().get(0).lineKey();

		ShipmentView first = this.shipments
			.pack(this.merchant, pack(List.of(order.id()), Map.of(order.id(), Map.of(lineKey, 1)), sfNumber()))
			.shipment();
		this.shipments.ship(this.merchant, List.of(first.id()));
		assertThat(statusOf(order)).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);

		assertThatThrownBy(() -> this.shipments.pack(this.merchant,
				pack(List.of(order.id()), Map.of(order.id(), Map.of(lineKey, 3)), sfNumber())))
			.hasMessage("logistics.shipment.too-many");

		ShipmentView rest = this.shipments.pack(this.merchant, pack(List.of(order.id()), null, sfNumber())).shipment();
		assertThat(rest.items()).singleElement().satisfies(item -> assertThat(item.quantity()).isEqualTo(2));
		this.shipments.ship(this.merchant, List.of(rest.id()));
		assertThat(statusOf(order)).isEqualTo(OrderStatus.SHIPPED);
	}

	@Test
	void aWaybillNumberOfTheWrongCarrierIsAWarningNotARefusalAndATakenNumberIsRefused() {
		OrderView order = paidOrder(1, "钱七");
		String jd = "JDVA"
				+ String.format("%011d", Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 100_000_000_000L);

		ShipmentManagement.Packed packed = this.shipments.pack(this.merchant,
				new PackInput(List.of(order.id()), null, null, 800, null, null, null, Carrier.SF, jd));

		assertThat(packed.shipment().carrier()).isEqualTo(Carrier.SF);
		assertThat(packed.warnings()).contains("logistics.carrier.mismatch");
		OrderView other = paidOrder(1, "钱七");
		assertThatThrownBy(() -> this.shipments.pack(this.merchant,
				new PackInput(List.of(other.id()), null, null, 800, null, null, null, Carrier.SF, jd)))
			.hasMessage("logistics.shipment.tracking-taken");
	}

	@Test
	void aCancelledParcelFreesItsUnitsForAnother() {
		OrderView order = paidOrder(1, "孙八");
		ShipmentView parcel = this.shipments.pack(this.merchant, pack(List.of(order.id()), null, sfNumber()))
			.shipment();

		this.shipments.cancel(this.merchant, parcel.id());

		assertThat(this.shipments.pack(this.merchant, pack(List.of(order.id()), null, parcel.trackingNo()))
			.shipment()
			.items()).hasSize(1);
		assertThatThrownBy(() -> this.shipments.cancel(this.merchant, parcel.id()))
			.hasMessage("logistics.shipment.cannot-move");
	}

	@Test
	void aCarrierPushOfADeliveryMovesTheParcelAndTheOrderAndTheSamePushTwiceIsOneEvent() {
		OrderView order = paidOrder(1, "周九");
		ShipmentView parcel = this.shipments.pack(this.merchant, pack(List.of(order.id()), null, sfNumber()))
			.shipment();
		this.shipments.ship(this.merchant, List.of(parcel.id()));
		TrackingPush push = new TrackingPush("shunfeng", parcel.trackingNo(),
				List.of(new TrackingPush.Event("1", "2026-11-28 09:00:00", "贵阳", "已揽收"),
						new TrackingPush.Event("在途", "2026-11-28T20:00:00+08:00", null, "运输中"),
						new TrackingPush.Event("3", "2026-11-29 15:30:00", "南京", "已签收"),
						new TrackingPush.Event("42", "2026-11-29 16:00:00", null, "?"),
						new TrackingPush.Event("0", "yesterday", null, "?")));

		TrackingPush.Outcome outcome = this.tracking.record(this.operator, push);
		TrackingPush.Outcome again = this.tracking.record(this.operator, push);

		assertThat(outcome.recorded()).isEqualTo(3);
		assertThat(outcome.unmatched()).isFalse();
		assertThat(outcome.refused()).extracting(TrackingPush.Refused::index, TrackingPush.Refused::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "logistics.tracking.state"),
					org.assertj.core.groups.Tuple.tuple(4, "logistics.tracking.time"));
		assertThat(again.recorded()).isZero();
		assertThat(again.duplicates()).isEqualTo(3);
		assertThat(this.tracking.events(this.merchant, parcel.id())).hasSize(3);
		assertThat(this.shipments.shipment(this.merchant, parcel.id()).orElseThrow().status())
			.isEqualTo(ShipmentStatus.DELIVERED);
		assertThat(statusOf(order)).isEqualTo(OrderStatus.DELIVERED);
	}

	@Test
	void anUnknownWaybillNumberIsKeptUnmatchedAndFoundByTheParcelPackedLater() {
		String number = sfNumber();
		TrackingPush.Outcome outcome = this.tracking.record(this.operator, new TrackingPush("SF", number,
				List.of(new TrackingPush.Event("1", "2026-11-29 09:00:00", "贵阳", "已揽收"))));

		assertThat(outcome.unmatched()).isTrue();
		assertThat(outcome.recorded()).isEqualTo(1);
		assertThat(this.tracking.unmatched(this.operator)).anySatisfy(event -> {
			assertThat(event.trackingNo()).isEqualTo(number);
			assertThat(event.shipmentId()).isNull();
		});

		OrderView order = paidOrder(1, "吴十");
		ShipmentView parcel = this.shipments.pack(this.merchant, pack(List.of(order.id()), null, number)).shipment();

		assertThat(this.tracking.events(this.merchant, parcel.id())).singleElement()
			.satisfies(event -> assertThat(event.state()).isEqualTo(TrackingState.HANDED_TO_CARRIER));
		assertThat(this.tracking.unmatched(this.operator))
			.noneSatisfy(event -> assertThat(event.trackingNo()).isEqualTo(number));
	}

	@Test
	void stationStaffScanAParcelInAtTheirOwnPointOnceAndCannotScanAtAnother() {
		SignedInUser station = signedIn("station");
		UUID own = station.scope().stationId();
		assertThat(own).as("the demo station account works at Libei's point").isNotNull();
		assertThat(this.stations.ownStation(station).orElseThrow().kind()).isEqualTo(StationKind.VILLAGE_POINT);
		OrderView order = paidOrder(1, "郑一");
		ShipmentView parcel = this.shipments
			.pack(this.merchant,
					new PackInput(List.of(order.id()), null, own, 1200, null, null, null, null, sfNumber()))
			.shipment();

		TrackingManagement.Scanned scanned = this.tracking.scan(station, own, parcel.trackingNo().toLowerCase(), false);
		TrackingManagement.Scanned twice = this.tracking.scan(station, own, parcel.trackingNo(), false);

		assertThat(scanned.state()).isEqualTo(TrackingState.RECEIVED_AT_VILLAGE_POINT);
		assertThat(scanned.shipment()).hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(parcel.id()));
		assertThat(scanned.duplicate()).isFalse();
		assertThat(twice.duplicate()).isTrue();
		assertThat(this.tracking.events(station, parcel.id())).hasSize(1);
		assertThat(this.shipments.shipments(station, null, 0).items()).extracting(ShipmentView::id)
			.contains(parcel.id());
		UUID another = this.stations.stations(this.operator)
			.stream()
			.filter(found -> !found.id().equals(own))
			.findFirst()
			.orElseThrow()
			.id();
		assertThatThrownBy(() -> this.tracking.scan(station, another, parcel.trackingNo(), false))
			.isInstanceOf(AccessDeniedException.class);
		TrackingManagement.Scanned unknown = this.tracking.scan(station, own, "YT9999999999999", false);
		assertThat(unknown.shipment()).isEmpty();
		assertThat(unknown.carrierHints()).contains(Carrier.YTO);
	}

	@Test
	void anotherOrganisationsMerchantSeesNoneOfTheParcels() {
		OrderView order = paidOrder(1, "冯二");
		ShipmentView parcel = this.shipments.pack(this.merchant, pack(List.of(order.id()), null, sfNumber()))
			.shipment();
		UUID otherOrganisation = this.registry.organisations(this.operator)
			.stream()
			.filter(organisation -> !organisation.id().equals(this.merchant.scope().organisationId()))
			.findFirst()
			.orElseThrow()
			.id();
		String username = "lg-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.createAccount(username, username, Role.MERCHANT, new DataScope("520122", otherOrganisation, null),
				"a-long-password-1");
		SignedInUser other = signedIn(username);

		assertThat(this.shipments.shipment(other, parcel.id())).isEmpty();
		this.tracking.record(this.operator, new TrackingPush("SF", parcel.trackingNo(),
				List.of(new TrackingPush.Event("1", "2026-11-29 09:00:00", "贵阳", "已揽收"))));
		assertThat(this.tracking.events(this.merchant, parcel.id())).hasSize(1);
		assertThat(this.tracking.events(other, parcel.id())).as("another organisation's parcel's trace").isEmpty();
		assertThat(this.shipments.shipments(other, null, 0).items()).extracting(ShipmentView::id)
			.doesNotContain(parcel.id());
		assertThatThrownBy(() -> this.shipments.ship(other, List.of(parcel.id())))
			.hasMessage("logistics.error.not-found");
		assertThatThrownBy(() -> this.shipments.pack(other, pack(List.of(order.id()), null, sfNumber())))
			.hasMessage("logistics.error.not-found");
		assertThatThrownBy(() -> this.runs.plan(other, LocalDate.now())).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void planningADayCarriesEveryLoadOrSaysWhyNotAndPlanningAgainReplacesThePlan() {
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
		int due = this.jdbc.queryForObject("""
				SELECT coalesce(sum(ceil(kg)), 0)::int FROM (
				  SELECT station_id, sum(weight_grams) / 1000.0 AS kg FROM logistics_inbound
				   WHERE county_code = '520122' AND status = 'WAITING' AND due_date <= ? GROUP BY station_id) loads
				""", Integer.class, day);

		RunView run = this.runs.plan(this.operator, day);
		RunView again = this.runs.plan(this.operator, day);

		assertThat(due).as("the demo county has goods due tomorrow").isPositive();
		int delivered = run.routes()
			.stream()
			.flatMap(route -> route.stops().stream())
			.mapToInt(RunView.RunStop::deliveryKg)
			.sum();
		int unplanned = run.unplanned()
			.stream()
			.filter(load -> load.direction().equals("DELIVERY"))
			.mapToInt(RunView.UnplannedLoad::kg)
			.sum();
		assertThat(delivered + unplanned).isEqualTo(due);
		assertThat(run.routes()).isNotEmpty().allSatisfy(route -> {
			assertThat(route.stops()).isNotEmpty();
			assertThat(route.loadAtStartKg()).isLessThanOrEqualTo(route.capacityKg());
			assertThat(route.stops()).allSatisfy(stop -> {
				assertThat(stop.loadAfterKg()).isBetween(0, route.capacityKg());
				assertThat(stop.departureMinute()).isGreaterThanOrEqualTo(stop.arrivalMinute());
			});
		});
		assertThat(run.distanceKm()).isPositive();
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM logistics_run WHERE county_code = '520122' AND run_date = ?", Integer.class, day))
			.isEqualTo(1);
		assertThat(this.runs.run(this.operator, day))
			.hasValueSatisfying(saved -> assertThat(saved.id()).isEqualTo(again.id()));
	}

	@Test
	void aDayWithMoreLoadThanTheFleetCarriesSaysWhatCouldNotBePlanned() {
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(40);
		StationView point = this.stations.stations(this.operator)
			.stream()
			.filter(station -> station.kind() == StationKind.VILLAGE_POINT)
			.reduce((first, second) -> second)
			.orElseThrow();
		UUID heavy = this.fleet.addInbound(this.operator,
				new InboundInput(point.id(), "测试小卖部", "水泥 2000 袋", 9_000_000, day));
		try {
			RunView run = this.runs.plan(this.operator, day);

			assertThat(run.unplanned()).anySatisfy(load -> {
				assertThat(load.stationId()).isEqualTo(point.id());
				assertThat(load.direction()).isEqualTo("DELIVERY");
				assertThat(load.reason()).isNotBlank();
			});
			assertThat(run.routes()).isNotEmpty();
		}
		finally {
			this.jdbc.update("DELETE FROM logistics_inbound WHERE id = ?", heavy);
			this.jdbc.update("DELETE FROM logistics_run WHERE run_date = ?", day);
		}
	}

	@Test
	void aMalformedDistanceMatrixIsRefusedWithItsRowAndChangesNothing() {
		List<StationView> network = this.stations.stations(this.operator);
		String hub = network.get(0).code();
		String point = network.get(network.size() - 1).code();
		String good = "from,to,km,minutes\n" + hub + "," + point + ",12.5,25\n" + point + "," + hub + ",12.5,25\n";
		String bad = "\uFEFFfrom,to,km,minutes\n" + hub + "," + point + ",12.5,25\n" + point + ",NOWHERE,3,5\n";
		String negative = "from,to,km,minutes\n" + hub + "," + point + ",-1,25\n";
		try {
			assertThat(this.fleet.uploadMatrix(this.operator, good.getBytes(StandardCharsets.UTF_8))).isEqualTo(2);

			assertThatThrownBy(() -> this.fleet.uploadMatrix(this.operator, bad.getBytes(StandardCharsets.UTF_8)))
				.isInstanceOf(LogisticsException.class)
				.hasMessage("logistics.matrix.row")
				.satisfies(ex -> assertThat(((LogisticsException) ex).arguments()).containsExactly(3L,
						"logistics.matrix.station"));
			assertThatThrownBy(() -> this.fleet.uploadMatrix(this.operator, negative.getBytes(StandardCharsets.UTF_8)))
				.satisfies(ex -> assertThat(((LogisticsException) ex).arguments()).containsExactly(2L,
						"logistics.matrix.number"));
			assertThatThrownBy(() -> this.fleet.uploadMatrix(this.operator, "a,b\n".getBytes(StandardCharsets.UTF_8)))
				.satisfies(ex -> assertThat(((LogisticsException) ex).arguments()).containsExactly(1L,
						"logistics.matrix.header"));
			assertThat(this.fleet.matrixPairs(this.operator)).isEqualTo(2);
		}
		finally {
			this.fleet.clearMatrix(this.operator);
		}
	}

}

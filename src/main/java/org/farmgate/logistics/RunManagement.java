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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.logistics.routing.Plan;
import org.farmgate.logistics.routing.Problem;
import org.farmgate.logistics.routing.Route;
import org.farmgate.logistics.routing.RoutePlanner;
import org.farmgate.logistics.routing.Site;
import org.farmgate.logistics.routing.Stop;
import org.farmgate.logistics.routing.Task;
import org.farmgate.logistics.routing.Unplanned;
import org.farmgate.logistics.routing.Vehicle;
import org.farmgate.logistics.routing.Window;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's daily runs: for a day, the vans leave the hub within their shifts, pick up
 * the parcels waiting at village points and township stations and drop the inbound goods
 * due there, in one tour where that is shorter (pickup and delivery with capacities and
 * the stations' opening hours, solved by {@link RoutePlanner}). The plan is saved, one
 * per day, and planning again replaces it; loads the fleet cannot carry are reported, not
 * lost.
 */
@Service
public class RunManagement {

	/** Minutes a van stays at a stop to load and unload. */
	static final double SERVICE_MINUTES = 10;

	private final StationRepository stations;

	private final FleetManagement fleet;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final double roadFactor;

	private final double kmPerHour;

	private final Duration budget;

	private final org.farmgate.geo.Divisions divisions;

	RunManagement(StationRepository stations, FleetManagement fleet, JdbcClient jdbc, Clock clock,
			@Value("${farmgate.logistics.road-factor:1.4}") double roadFactor,
			@Value("${farmgate.logistics.km-per-hour:35}") double kmPerHour,
			@Value("${farmgate.logistics.plan-seconds:5}") double planSeconds, org.farmgate.geo.Divisions divisions) {
		this.divisions = divisions;
		if (roadFactor < 1 || roadFactor > 5) {
			throw new IllegalArgumentException("farmgate.logistics.road-factor is between 1 and 5: " + roadFactor);
		}
		this.stations = stations;
		this.fleet = fleet;
		this.jdbc = jdbc;
		this.clock = clock;
		this.roadFactor = roadFactor;
		this.kmPerHour = kmPerHour;
		this.budget = Duration.ofMillis(Math.round(planSeconds * 1000));
	}

	/**
	 * Plans the day's runs and saves them in place of any earlier plan of that day.
	 * Refused without a hub or a van.
	 */
	@Transactional
	public RunView plan(SignedInUser user, LocalDate day) {
		LogisticsScope.requireNetworkManager(user);
		String county = user.scope().countyCode();
		List<Station> network = this.stations.findByCountyCodeOrderByKindAscCodeAsc(county)
			.stream()
			.filter(Station::active)
			.toList();
		Station hub = network.stream()
			.filter(station -> station.kind() == StationKind.COUNTY_HUB)
			.findFirst()
			.orElseThrow(() -> LogisticsException.because("logistics.run.no-hub"));
		List<VehicleView> vans = this.fleet.vehicles(county, true);
		if (vans.isEmpty()) {
			throw LogisticsException.because("logistics.run.no-vehicles");
		}
		// one advisory lock per county and day: two planners of one day wait in turn
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('logistics-run:' || ? || ':' || ?, 0))")
			.params(county, day.toString())
			.query()
			.singleValue();
		Map<UUID, Station> byId = network.stream().collect(Collectors.toMap(Station::id, Function.identity()));
		Map<String, Site> sites = new HashMap<>();
		for (Station station : network) {
			sites.put(station.id().toString(), site(station));
		}
		Site depot = sites.get(hub.id().toString());
		int largest = vans.stream().mapToInt(VehicleView::capacityKg).max().orElse(1);
		List<Task> tasks = new ArrayList<>();
		Map<String, Load> loads = new LinkedHashMap<>();
		loads(county, day).forEach((key, kg) -> {
			Station station = byId.get(key.station());
			if (station == null || station.id().equals(hub.id())) {
				return;
			}
			// a load heavier than the largest van goes in several pieces
			int piece = 0;
			for (int left = kg; left > 0; left -= largest) {
				int size = Math.min(left, largest);
				String id = key.direction().charAt(0) + ":" + station.id() + ":" + piece++;
				Window open = new Window(minute(station.toOpens()), minute(station.toCloses()));
				tasks.add(key.direction().equals("PICKUP")
						? Task.pickup(id, sites.get(station.id().toString()), size, SERVICE_MINUTES, open)
						: Task.delivery(id, sites.get(station.id().toString()), size, SERVICE_MINUTES, open));
				loads.put(id, new Load(station.id(), key.direction(), size));
			}
		});
		List<Vehicle> vehicles = vans.stream()
			.map(van -> new Vehicle(van.id().toString(), depot, van.capacityKg(), minute(van.shiftStart()),
					minute(van.shiftEnd())))
			.toList();
		Map<String, Map<String, double[]>> matrix = this.fleet.matrix(county);
		RoadTravel travel = new RoadTravel(this.roadFactor, this.kmPerHour, matrix);
		Plan plan = tasks.isEmpty() ? new Plan(List.of(), List.of(), 0)
				: new RoutePlanner().plan(new Problem(vehicles, tasks, travel), this.budget, day.toEpochDay());
		return save(user, county, day, plan, loads, vans, matrix.isEmpty() ? "GREAT_CIRCLE" : "MATRIX");
	}

	/** The day's saved plan (station staff see only their station's stops). */
	@Transactional(readOnly = true)
	public Optional<RunView> run(SignedInUser user, LocalDate day) {
		LogisticsScope.requireReader(user);
		if (user.role() == Role.MERCHANT) {
			// as on the runs page and the route sheet: the county's vans are not theirs
			throw new org.springframework.security.access.AccessDeniedException("the county's runs");
		}
		Optional<RunView> run = load(user.scope().countyCode(), day);
		if (user.role() != Role.STATION) {
			return run;
		}
		UUID own = user.scope().stationId();
		return run.map(found -> new RunView(found.id(), found.day(), found.plannedAt(), found.plannedBy(),
				found.distanceKm(), found.distances(), found.roadFactor(),
				found.routes()
					.stream()
					.map(route -> new RunView.VehicleRoute(route.vehicleId(), route.name(), route.plate(),
							route.capacityKg(), route.distanceKm(), route.startMinute(), route.endMinute(),
							route.loadAtStartKg(),
							route.stops().stream().filter(stop -> stop.stationId().equals(own)).toList()))
					.filter(route -> !route.stops().isEmpty())
					.toList(),
				found.unplanned().stream().filter(load -> load.stationId().equals(own)).toList()));
	}

	/**
	 * The day's route sheet as a PDF (station staff do not get the county's sheet); empty
	 * when the day has no plan.
	 */
	@Transactional(readOnly = true)
	public Optional<byte[]> routeSheet(SignedInUser user, LocalDate day) {
		if (user.role() == Role.STATION || user.role() == Role.MERCHANT) {
			throw new org.springframework.security.access.AccessDeniedException("the county's route sheet");
		}
		Map<UUID, String> addresses = this.stations.findByCountyCodeOrderByKindAscCodeAsc(user.scope().countyCode())
			.stream()
			.collect(Collectors.toMap(Station::id,
					station -> java.util.Objects.requireNonNullElse(station.toView(id -> null).address(), "")));
		String county = this.divisions.byCode(user.scope().countyCode())
			.map(org.farmgate.geo.Division::name)
			.orElse(user.scope().countyCode());
		return run(user, day).map(run -> RouteSheets.pdf(run, county, addresses::get));
	}

	/** What waits to be carried on a day: kilograms by station and direction. */
	private Map<LoadKey, Integer> loads(String county, LocalDate day) {
		Map<LoadKey, Integer> loads = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT origin_station_id, ceil(sum(weight_grams) / 1000.0)::int FROM logistics_shipment
				 WHERE county_code = ? AND origin_station_id IS NOT NULL AND status IN ('PACKED', 'SHIPPED')
				   AND (tracking_state IS NULL OR tracking_state = 'RECEIVED_AT_VILLAGE_POINT'
				        OR tracking_state = 'AT_TOWNSHIP_STATION')
				   AND created_at < ?
				 GROUP BY origin_station_id ORDER BY origin_station_id
				""")
			.params(county, Timestamp.from(day.plusDays(1).atStartOfDay(TrackingManagement.CHINA).toInstant()))
			.query(rs -> {
				loads.put(new LoadKey(rs.getObject(1, UUID.class), "PICKUP"), rs.getInt(2));
			});
		this.jdbc.sql("""
				SELECT station_id, ceil(sum(weight_grams) / 1000.0)::int FROM logistics_inbound
				 WHERE county_code = ? AND status = 'WAITING' AND due_date <= ?
				 GROUP BY station_id ORDER BY station_id
				""").params(county, day).query(rs -> {
			loads.put(new LoadKey(rs.getObject(1, UUID.class), "DELIVERY"), rs.getInt(2));
		});
		return loads;
	}

	private RunView save(SignedInUser user, String county, LocalDate day, Plan plan, Map<String, Load> loads,
			List<VehicleView> vans, String distances) {
		this.jdbc.sql("DELETE FROM logistics_run WHERE county_code = ? AND run_date = ?").params(county, day).update();
		UUID runId = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO logistics_run (id, county_code, run_date, planned_at, planned_by, distance_km, distances, road_factor)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)
					""")
			.params(runId, county, day, Timestamp.from(this.clock.instant()), user.getUsername(), km(plan.distance()),
					distances, BigDecimal.valueOf(this.roadFactor))
			.update();
		for (Route route : plan.routes()) {
			if (route.stops().isEmpty()) {
				continue;
			}
			UUID vehicle = UUID.fromString(route.vehicle().id());
			this.jdbc
				.sql("""
						INSERT INTO logistics_run_vehicle (run_id, vehicle_id, distance_km, start_minute, end_minute, load_at_start)
						VALUES (?, ?, ?, ?, ?, ?)
						""")
				.params(runId, vehicle, km(route.distance()), (int) Math.floor(route.start()),
						(int) Math.ceil(route.end()), route.loadAtStart())
				.update();
			int position = 0;
			MergedStop open = null;
			for (Stop stop : route.stops()) {
				Load load = loads.get(stop.taskId());
				if (open != null && open.station.equals(load.station())) {
					open.add(stop, load);
					continue;
				}
				if (open != null) {
					insertStop(runId, vehicle, position++, open);
				}
				open = new MergedStop(load.station(), stop);
				open.add(stop, load);
			}
			if (open != null) {
				insertStop(runId, vehicle, position, open);
			}
		}
		for (Unplanned unplanned : plan.unplanned()) {
			Load load = loads.get(unplanned.taskId());
			this.jdbc
				.sql("""
						INSERT INTO logistics_run_unplanned (run_id, station_id, direction, kg, reason) VALUES (?, ?, ?, ?, ?)
						""")
				.params(runId, load.station(), load.direction(), load.kg(), unplanned.reason())
				.update();
		}
		return load(county, day).orElseThrow();
	}

	private void insertStop(UUID runId, UUID vehicle, int position, MergedStop stop) {
		this.jdbc
			.sql("""
					INSERT INTO logistics_run_stop (run_id, vehicle_id, position, station_id, arrival_minute, departure_minute,
					       pickup_kg, delivery_kg, load_after_kg)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
			.params(runId, vehicle, position, stop.station, (int) Math.round(stop.arrival),
					(int) Math.round(stop.departure), stop.pickup, stop.delivery, stop.loadAfter)
			.update();
	}

	private Optional<RunView> load(String county, LocalDate day) {
		Optional<Object[]> run = this.jdbc.sql("""
				SELECT id, planned_at, planned_by, distance_km, distances, road_factor FROM logistics_run
				 WHERE county_code = ? AND run_date = ?
				""")
			.params(county, day)
			.query((rs,
					row) -> new Object[] { rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3),
							rs.getBigDecimal(4), rs.getString(5), rs.getBigDecimal(6) })
			.optional();
		if (run.isEmpty()) {
			return Optional.empty();
		}
		UUID id = (UUID) run.get()[0];
		Map<UUID, List<RunView.RunStop>> stops = new HashMap<>();
		this.jdbc.sql("""
				SELECT r.vehicle_id, r.position, r.station_id, s.code, s.name, r.arrival_minute, r.departure_minute,
				       r.pickup_kg, r.delivery_kg, r.load_after_kg
				  FROM logistics_run_stop r JOIN logistics_station s ON s.id = r.station_id
				 WHERE r.run_id = ? ORDER BY r.vehicle_id, r.position
				""").param(id).query(rs -> {
			stops.computeIfAbsent(rs.getObject(1, UUID.class), key -> new ArrayList<>())
				.add(new RunView.RunStop(rs.getInt(2), rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
						rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10)));
		});
		List<RunView.VehicleRoute> routes = this.jdbc
			.sql("""
					SELECT v.id, v.name, v.plate, v.capacity_kg, r.distance_km, r.start_minute, r.end_minute, r.load_at_start
					  FROM logistics_run_vehicle r JOIN logistics_vehicle v ON v.id = r.vehicle_id
					 WHERE r.run_id = ? ORDER BY v.name
					""")
			.param(id)
			.query((rs, row) -> new RunView.VehicleRoute(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getInt(4), rs.getBigDecimal(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
					stops.getOrDefault(rs.getObject(1, UUID.class), List.of())))
			.list();
		List<RunView.UnplannedLoad> unplanned = this.jdbc.sql("""
				SELECT u.station_id, s.name, u.direction, u.kg, u.reason
				  FROM logistics_run_unplanned u JOIN logistics_station s ON s.id = u.station_id
				 WHERE u.run_id = ? ORDER BY s.code, u.direction
				""")
			.param(id)
			.query((rs, row) -> new RunView.UnplannedLoad(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getInt(4), rs.getString(5)))
			.list();
		Object[] found = run.get();
		return Optional.of(new RunView(id, day, (Instant) found[1], (String) found[2], (BigDecimal) found[3],
				(String) found[4], (BigDecimal) found[5], routes, unplanned));
	}

	private static Site site(Station station) {
		StationView view = station.toView(village -> null);
		return new Site(station.id().toString(), view.longitude().doubleValue(), view.latitude().doubleValue());
	}

	private static double minute(LocalTime time) {
		return time.toSecondOfDay() / 60.0;
	}

	private static BigDecimal km(double km) {
		return BigDecimal.valueOf(km).setScale(2, RoundingMode.HALF_UP);
	}

	private record LoadKey(UUID station, String direction) {
	}

	/** A piece of a station's load as one routing task. */
	private record Load(UUID station, String direction, int kg) {
	}

	/** Consecutive tasks at one station make one stop of the route sheet. */
	private static final class MergedStop {

		private final UUID station;

		private final double arrival;

		private double departure;

		private int pickup;

		private int delivery;

		private int loadAfter;

		MergedStop(UUID station, Stop first) {
			this.station = station;
			this.arrival = first.arrival();
		}

		void add(Stop stop, Load load) {
			this.departure = stop.departure();
			this.loadAfter = stop.loadAfter();
			if (stop.action() == Stop.Action.PICKUP) {
				this.pickup += load.kg();
			}
			else {
				this.delivery += load.kg();
			}
		}

	}

}

package org.farmgate.logistics;

import java.sql.Time;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the runs are planned over besides the parcels: the county's vans, the inbound
 * deliveries of goods to village shops, and the road distance matrix an operator may
 * upload in place of the great-circle estimate.
 */
@Service
public class FleetManagement {

	private final JdbcClient jdbc;

	private final StationRepository stations;

	private final Clock clock;

	FleetManagement(JdbcClient jdbc, StationRepository stations, Clock clock) {
		this.jdbc = jdbc;
		this.stations = stations;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<VehicleView> vehicles(SignedInUser user) {
		LogisticsScope.requireReader(user);
		return vehicles(user.scope().countyCode(), false);
	}

	List<VehicleView> vehicles(String county, boolean activeOnly) {
		return this.jdbc.sql("""
				SELECT id, name, plate, capacity_kg, shift_start, shift_end, active FROM logistics_vehicle
				 WHERE county_code = ? AND (active OR NOT ?) ORDER BY name
				""")
			.params(county, activeOnly)
			.query((rs, row) -> new VehicleView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getInt(4), rs.getTime(5).toLocalTime(), rs.getTime(6).toLocalTime(), rs.getBoolean(7)))
			.list();
	}

	@Transactional
	public VehicleView addVehicle(SignedInUser user, VehicleInput input) {
		LogisticsScope.requireNetworkManager(user);
		return addVehicle(user.scope().countyCode(), input);
	}

	VehicleView addVehicle(String county, VehicleInput input) {
		if (!input.shiftEnd().isAfter(input.shiftStart())) {
			throw LogisticsException.because("logistics.vehicle.shift");
		}
		UUID id = UUID.randomUUID();
		try {
			this.jdbc.sql("""
					INSERT INTO logistics_vehicle (id, county_code, name, plate, capacity_kg, shift_start, shift_end)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					""")
				.params(id, county, input.name().strip(), blank(input.plate()), input.capacityKg(),
						Time.valueOf(input.shiftStart()), Time.valueOf(input.shiftEnd()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw LogisticsException.because("logistics.vehicle.duplicate");
		}
		return new VehicleView(id, input.name().strip(), blank(input.plate()), input.capacityKg(), input.shiftStart(),
				input.shiftEnd(), true);
	}

	/** Takes a van out of planning, or puts it back. */
	@Transactional
	public void activateVehicle(SignedInUser user, UUID id, boolean active) {
		LogisticsScope.requireNetworkManager(user);
		if (this.jdbc
			.sql("UPDATE logistics_vehicle SET active = ?, version = version + 1 WHERE id = ? AND county_code = ?")
			.params(active, id, user.scope().countyCode())
			.update() == 0) {
			throw LogisticsException.notFound();
		}
	}

	/**
	 * Inbound deliveries still waiting, soonest due first (station staff see their
	 * station's).
	 */
	@Transactional(readOnly = true)
	public List<InboundView> inbound(SignedInUser user) {
		LogisticsScope.requireReader(user);
		UUID station = (user.role() == Role.STATION) ? user.scope().stationId() : null;
		if (user.role() == Role.STATION && station == null) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT i.id, i.station_id, s.name, i.receiver, i.description, i.weight_grams, i.due_date, i.status
				  FROM logistics_inbound i JOIN logistics_station s ON s.id = i.station_id
				 WHERE i.county_code = ? AND i.status = 'WAITING' AND (?::uuid IS NULL OR i.station_id = ?::uuid)
				 ORDER BY i.due_date, s.code LIMIT 500
				""")
			.params(user.scope().countyCode(), station, station)
			.query((rs, row) -> new InboundView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getObject(7, LocalDate.class),
					rs.getString(8)))
			.list();
	}

	@Transactional
	public UUID addInbound(SignedInUser user, InboundInput input) {
		LogisticsScope.requireNetworkManager(user);
		if (this.stations.findById(input.stationId())
			.filter(station -> station.countyCode().equals(user.scope().countyCode()))
			.isEmpty()) {
			throw LogisticsException.because("logistics.station.unknown");
		}
		return addInbound(user.scope().countyCode(), input);
	}

	UUID addInbound(String county, InboundInput input) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO logistics_inbound (id, county_code, station_id, receiver, description, weight_grams, due_date,
					       status, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, 'WAITING', ?)
					""")
			.params(id, county, input.stationId(), input.receiver().strip(), input.description().strip(),
					input.weightGrams(), input.dueDate(), java.sql.Timestamp.from(this.clock.instant()))
			.update();
		return id;
	}

	/** Goods handed over at their station. */
	@Transactional
	public void inboundDelivered(SignedInUser user, UUID id) {
		UUID station = this.jdbc.sql("SELECT station_id FROM logistics_inbound WHERE id = ? AND county_code = ?")
			.params(id, user.scope().countyCode())
			.query(UUID.class)
			.optional()
			.orElseThrow(LogisticsException::notFound);
		LogisticsScope.requireScanner(user, station);
		this.jdbc.sql("UPDATE logistics_inbound SET status = 'DELIVERED', delivered_at = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(this.clock.instant()), id)
			.update();
	}

	/**
	 * Replaces the county's road distance matrix by the file's (refused as a whole, with
	 * the wrong row, when a row is wrong).
	 * @return how many pairs it holds
	 */
	@Transactional
	public int uploadMatrix(SignedInUser user, byte[] csv) {
		LogisticsScope.requireNetworkManager(user);
		String county = user.scope().countyCode();
		Map<String, UUID> codes = new HashMap<>();
		this.stations.findByCountyCodeOrderByKindAscCodeAsc(county)
			.forEach(station -> codes.put(station.code(), station.id()));
		List<DistanceMatrix.Leg> legs = DistanceMatrix.parse(csv, codes);
		if (legs.isEmpty()) {
			throw LogisticsException.because("logistics.matrix.empty");
		}
		this.jdbc.sql("DELETE FROM logistics_distance WHERE county_code = ?").param(county).update();
		for (DistanceMatrix.Leg leg : legs) {
			this.jdbc.sql("""
					INSERT INTO logistics_distance (county_code, from_station_id, to_station_id, km, minutes)
					VALUES (?, ?, ?, ?, ?)
					""").params(county, leg.from(), leg.to(), leg.km(), leg.minutes()).update();
		}
		return legs.size();
	}

	/** Goes back to great-circle distances. */
	@Transactional
	public void clearMatrix(SignedInUser user) {
		LogisticsScope.requireNetworkManager(user);
		this.jdbc.sql("DELETE FROM logistics_distance WHERE county_code = ?").param(user.scope().countyCode()).update();
	}

	/** How many pairs the county's matrix holds (0: none uploaded). */
	@Transactional(readOnly = true)
	public int matrixPairs(SignedInUser user) {
		LogisticsScope.requireReader(user);
		return this.jdbc.sql("SELECT count(*) FROM logistics_distance WHERE county_code = ?")
			.param(user.scope().countyCode())
			.query(Integer.class)
			.single();
	}

	/** The county's matrix: kilometres and minutes by station id pair. */
	Map<String, Map<String, double[]>> matrix(String county) {
		Map<String, Map<String, double[]>> matrix = new HashMap<>();
		this.jdbc
			.sql("SELECT from_station_id, to_station_id, km, minutes FROM logistics_distance WHERE county_code = ?")
			.param(county)
			.query(rs -> {
				matrix.computeIfAbsent(rs.getString(1), key -> new HashMap<>())
					.put(rs.getString(2),
							new double[] { rs.getBigDecimal(3).doubleValue(), rs.getBigDecimal(4).doubleValue() });
			});
		return matrix;
	}

	private static String blank(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}

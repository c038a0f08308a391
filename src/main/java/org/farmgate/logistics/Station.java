package org.farmgate.logistics;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A service station of the county's network: its level, where it is (address and
 * coordinates, which the runs are planned over), when it is open, whom to call, and the
 * villages it serves.
 */
@Table("logistics_station")
class Station {

	@Id
	private final UUID id;

	private final String countyCode;

	private String code;

	private StationKind kind;

	private String name;

	private String address;

	private BigDecimal latitude;

	private BigDecimal longitude;

	private LocalTime opens;

	private LocalTime closes;

	private String contactName;

	private String contactPhone;

	private boolean active;

	@MappedCollection(idColumn = "station_id")
	private Set<ServedVillage> villages;

	@Version
	private Integer version;

	@PersistenceCreator
	Station(UUID id, String countyCode, String code, StationKind kind, String name, String address, BigDecimal latitude,
			BigDecimal longitude, LocalTime opens, LocalTime closes, String contactName, String contactPhone,
			boolean active, Set<ServedVillage> villages, Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.code = code;
		this.kind = kind;
		this.name = name;
		this.address = address;
		this.latitude = latitude;
		this.longitude = longitude;
		this.opens = opens;
		this.closes = closes;
		this.contactName = contactName;
		this.contactPhone = contactPhone;
		this.active = active;
		this.villages = new HashSet<>((villages != null) ? villages : Set.of());
		this.version = version;
	}

	static Station open(String countyCode, StationInput input) {
		Station station = new Station(UUID.randomUUID(), countyCode, null, null, null, null, null, null, null, null,
				null, null, true, Set.of(), null);
		station.change(input);
		return station;
	}

	void change(StationInput input) {
		if (!input.closes().isAfter(input.opens())) {
			throw LogisticsException.because("logistics.station.hours");
		}
		this.code = input.code().strip().toUpperCase(java.util.Locale.ROOT);
		this.kind = input.kind();
		this.name = input.name().strip();
		this.address = blankToNull(input.address());
		this.latitude = input.latitude();
		this.longitude = input.longitude();
		this.opens = input.opens();
		this.closes = input.closes();
		this.contactName = blankToNull(input.contactName());
		this.contactPhone = blankToNull(input.contactPhone());
		this.villages = input.villageIds().stream().distinct().map(ServedVillage::new).collect(Collectors.toSet());
	}

	void activate(boolean active) {
		this.active = active;
	}

	UUID id() {
		return this.id;
	}

	String countyCode() {
		return this.countyCode;
	}

	String code() {
		return this.code;
	}

	StationKind kind() {
		return this.kind;
	}

	String name() {
		return this.name;
	}

	LocalTime toOpens() {
		return this.opens;
	}

	LocalTime toCloses() {
		return this.closes;
	}

	boolean active() {
		return this.active;
	}

	StationView toView(java.util.function.Function<UUID, String> villageNames) {
		List<StationView.ServedVillage> served = this.villages.stream()
			.map(ServedVillage::villageId)
			.map(village -> new StationView.ServedVillage(village, villageNames.apply(village)))
			.sorted(java.util.Comparator.comparing(StationView.ServedVillage::name,
					java.util.Comparator.nullsLast(String::compareTo)))
			.toList();
		return new StationView(this.id, this.countyCode, this.code, this.kind, this.name, this.address, this.latitude,
				this.longitude, this.opens, this.closes, this.contactName, this.contactPhone, this.active, served);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** A village the station serves. */
	@Table("logistics_station_village")
	record ServedVillage(UUID villageId) {
	}

}

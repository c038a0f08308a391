package org.farmgate.geo;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A village (村) of a township: where products, farmers and service stations live.
 */
@Table("geo_village")
class Village {

	@Id
	private final UUID id;

	private final String countyCode;

	private UUID townshipId;

	private String name;

	private String statCode;

	private Integer households;

	private Integer population;

	private BigDecimal latitude;

	private BigDecimal longitude;

	@Version
	private Integer version;

	@PersistenceCreator
	Village(UUID id, String countyCode, UUID townshipId, String name, String statCode, Integer households,
			Integer population, BigDecimal latitude, BigDecimal longitude, Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.townshipId = townshipId;
		this.name = name;
		this.statCode = statCode;
		this.households = households;
		this.population = population;
		this.latitude = latitude;
		this.longitude = longitude;
		this.version = version;
	}

	static Village create(String countyCode, UUID townshipId, String name, Place place) {
		Village village = new Village(UUID.randomUUID(), countyCode, townshipId, null, null, null, null, null, null,
				null);
		village.change(townshipId, name, place);
		return village;
	}

	void change(UUID townshipId, String name, Place place) {
		this.townshipId = townshipId;
		this.name = name.strip();
		this.statCode = place.statCode();
		this.households = place.households();
		this.population = place.population();
		this.latitude = place.latitude();
		this.longitude = place.longitude();
	}

	UUID id() {
		return this.id;
	}

	UUID townshipId() {
		return this.townshipId;
	}

	Place place() {
		return new Place(this.statCode, this.households, this.population, this.latitude, this.longitude);
	}

	String countyCode() {
		return this.countyCode;
	}

	VillageView toView(String townshipName) {
		return new VillageView(this.id, this.countyCode, this.townshipId, townshipName, this.name,
				new Place(this.statCode, this.households, this.population, this.latitude, this.longitude));
	}

}

package org.farmgate.geo;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A township (乡镇) of a county.
 */
@Table("geo_township")
class Township {

	@Id
	private final UUID id;

	private final String countyCode;

	private String name;

	private String statCode;

	private Integer households;

	private Integer population;

	private BigDecimal latitude;

	private BigDecimal longitude;

	@Version
	private Integer version;

	@PersistenceCreator
	Township(UUID id, String countyCode, String name, String statCode, Integer households, Integer population,
			BigDecimal latitude, BigDecimal longitude, Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.name = name;
		this.statCode = statCode;
		this.households = households;
		this.population = population;
		this.latitude = latitude;
		this.longitude = longitude;
		this.version = version;
	}

	static Township create(String countyCode, String name, Place place) {
		Township township = new Township(UUID.randomUUID(), countyCode, null, null, null, null, null, null, null);
		township.change(name, place);
		return township;
	}

	void change(String name, Place place) {
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

	String countyCode() {
		return this.countyCode;
	}

	String name() {
		return this.name;
	}

	TownshipView toView(int villages) {
		return new TownshipView(this.id, this.countyCode, this.name,
				new Place(this.statCode, this.households, this.population, this.latitude, this.longitude), villages);
	}

}

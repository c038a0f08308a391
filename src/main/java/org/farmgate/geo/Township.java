package org.farmgate.geo;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
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

	@Embedded.Empty
	private Place place;

	@Version
	private Integer version;

	@PersistenceCreator
	Township(UUID id, String countyCode, String name, Place place, Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.name = name;
		this.place = place;
		this.version = version;
	}

	static Township create(String countyCode, String name, Place place) {
		return new Township(UUID.randomUUID(), countyCode, name.strip(), place, null);
	}

	void change(String name, Place place) {
		this.name = name.strip();
		this.place = place;
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
		return new TownshipView(this.id, this.countyCode, this.name, this.place, villages);
	}

}

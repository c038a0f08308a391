package org.farmgate.geo;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
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

	@Embedded.Empty
	private Place place;

	@Version
	private Integer version;

	@PersistenceCreator
	Village(UUID id, String countyCode, UUID townshipId, String name, Place place, Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.townshipId = townshipId;
		this.name = name;
		this.place = place;
		this.version = version;
	}

	static Village create(String countyCode, UUID townshipId, String name, Place place) {
		return new Village(UUID.randomUUID(), countyCode, townshipId, name.strip(), place, null);
	}

	void change(UUID townshipId, String name, Place place) {
		this.townshipId = townshipId;
		this.name = name.strip();
		this.place = place;
	}

	UUID id() {
		return this.id;
	}

	String countyCode() {
		return this.countyCode;
	}

	UUID townshipId() {
		return this.townshipId;
	}

	Place place() {
		return this.place;
	}

	VillageView toView(String townshipName) {
		return new VillageView(this.id, this.countyCode, this.townshipId, townshipName, this.name, this.place);
	}

}

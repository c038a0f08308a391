package org.farmgate.registry;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An e-commerce industrial park (电商产业园) of the county.
 */
@Table("registry_park")
class Park {

	@Id
	private final UUID id;

	private final String countyCode;

	private String name;

	private String location;

	private Integer areaM2;

	private String operator;

	@Version
	private Integer version;

	@PersistenceCreator
	Park(UUID id, String countyCode, String name, String location, Integer areaM2, String operator, Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.name = name;
		this.location = location;
		this.areaM2 = areaM2;
		this.operator = operator;
		this.version = version;
	}

	static Park create(String countyCode, ParkInput input) {
		return new Park(UUID.randomUUID(), countyCode, input.name().strip(), blankToNull(input.location()),
				input.areaM2(), blankToNull(input.operator()), null);
	}

	UUID id() {
		return this.id;
	}

	String countyCode() {
		return this.countyCode;
	}

	ParkView toView(int hosted, int affiliated) {
		return new ParkView(this.id, this.name, this.location, this.areaM2, this.operator, hosted, affiliated);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}

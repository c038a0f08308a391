package org.farmgate.registry;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An e-commerce entrepreneur (电商创业者): a person who sells online, for the organisation
 * they run or work for, since when.
 */
@Table("registry_entrepreneur")
class Entrepreneur {

	@Id
	private final UUID id;

	private final String countyCode;

	private String name;

	private String phone;

	private Gender gender;

	private Integer birthYear;

	private UUID villageId;

	private UUID organisationId;

	private LocalDate sellingSince;

	@Version
	private Integer version;

	@PersistenceCreator
	Entrepreneur(UUID id, String countyCode, String name, String phone, Gender gender, Integer birthYear,
			UUID villageId, UUID organisationId, LocalDate sellingSince, Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.name = name;
		this.phone = phone;
		this.gender = gender;
		this.birthYear = birthYear;
		this.villageId = villageId;
		this.organisationId = organisationId;
		this.sellingSince = sellingSince;
		this.version = version;
	}

	static Entrepreneur register(String countyCode, EntrepreneurInput input) {
		Entrepreneur entrepreneur = new Entrepreneur(UUID.randomUUID(), countyCode, null, null, null, null, null, null,
				null, null);
		entrepreneur.change(input);
		return entrepreneur;
	}

	void change(EntrepreneurInput input) {
		this.name = input.name().strip();
		this.phone = (input.phone() == null || input.phone().isBlank()) ? null : input.phone().strip();
		this.gender = input.gender();
		this.birthYear = input.birthYear();
		this.villageId = input.villageId();
		this.organisationId = input.organisationId();
		this.sellingSince = input.sellingSince();
	}

	UUID id() {
		return this.id;
	}

	String countyCode() {
		return this.countyCode;
	}

	UUID organisationId() {
		return this.organisationId;
	}

	String phone() {
		return this.phone;
	}

	EntrepreneurView toView() {
		return new EntrepreneurView(this.id, this.countyCode, this.name, PhoneNumber.masked(this.phone), this.gender,
				this.birthYear, this.villageId, this.organisationId, this.sellingSince);
	}

}

package org.farmgate.registry.web;

import java.time.LocalDate;
import java.util.UUID;

import org.farmgate.registry.EntrepreneurInput;
import org.farmgate.registry.EntrepreneurView;
import org.farmgate.registry.Gender;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form of an entrepreneur (a merchant's always go to its own organisation). When
 * changing one, a blank phone keeps the one on record.
 */
record EntrepreneurForm(String name, String phone, Gender gender, Integer birthYear, UUID villageId,
		UUID organisationId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sellingSince) {

	static EntrepreneurForm empty() {
		return new EntrepreneurForm("", "", null, null, null, null, null);
	}

	static EntrepreneurForm of(EntrepreneurView entrepreneur) {
		return new EntrepreneurForm(entrepreneur.name(), "", entrepreneur.gender(), entrepreneur.birthYear(),
				entrepreneur.villageId(), entrepreneur.organisationId(), entrepreneur.sellingSince());
	}

	EntrepreneurInput toInput() {
		return new EntrepreneurInput(this.name, this.phone, this.gender, this.birthYear, this.villageId,
				this.organisationId, this.sellingSince);
	}

}

package org.farmgate.registry.web;

import java.time.LocalDate;

import org.farmgate.registry.EntrepreneurInput;
import org.farmgate.registry.Gender;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form of a new entrepreneur (a merchant's go to its own organisation).
 */
record EntrepreneurForm(String name, String phone, Gender gender, Integer birthYear,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sellingSince) {

	static EntrepreneurForm empty() {
		return new EntrepreneurForm("", "", null, null, null);
	}

	EntrepreneurInput toInput() {
		return new EntrepreneurInput(this.name, this.phone, this.gender, this.birthYear, null, null, this.sellingSince);
	}

}

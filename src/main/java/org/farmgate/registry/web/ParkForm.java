package org.farmgate.registry.web;

import org.farmgate.registry.ParkInput;

/**
 * The form of a new industrial park.
 */
record ParkForm(String name, String location, Integer areaM2, String operator) {

	static ParkForm empty() {
		return new ParkForm("", "", null, "");
	}

	ParkInput toInput() {
		return new ParkInput(this.name, this.location, this.areaM2, this.operator);
	}

}

package org.farmgate.geo.web;

import java.util.UUID;

import org.farmgate.geo.PlaceInput;
import org.farmgate.geo.TownshipView;
import org.farmgate.geo.VillageView;

/**
 * The form of a township or a village: its township (villages only), name, statistical
 * code, households, population and coordinates, checked by {@link PlaceInput}.
 */
record PlaceForm(UUID townshipId, String name, String statCode, String households, String population, String latitude,
		String longitude) {

	static PlaceForm empty() {
		return new PlaceForm(null, "", "", "", "", "", "");
	}

	static PlaceForm of(TownshipView township) {
		PlaceInput input = input(township.name(), township.place());
		return new PlaceForm(null, input.name(), input.statCode(), input.households(), input.population(),
				input.latitude(), input.longitude());
	}

	static PlaceForm of(VillageView village) {
		PlaceInput input = input(village.name(), village.place());
		return new PlaceForm(village.townshipId(), input.name(), input.statCode(), input.households(),
				input.population(), input.latitude(), input.longitude());
	}

	PlaceInput toInput() {
		return new PlaceInput(this.name, this.statCode, this.households, this.population, this.latitude,
				this.longitude);
	}

	private static PlaceInput input(String name, org.farmgate.geo.Place place) {
		return new PlaceInput(name, nonNull(place.statCode()), text(place.households()), text(place.population()),
				text(place.latitude()), text(place.longitude()));
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

}

package org.farmgate.geo;

import java.math.BigDecimal;

/**
 * What a township or a village records besides its name: the 12-digit statistical code
 * (统计用区划代码) when known, households, population and WGS-84 coordinates.
 */
public record Place(String statCode, Integer households, Integer population, BigDecimal latitude,
		BigDecimal longitude) {

	public static final Place UNKNOWN = new Place(null, null, null, null, null);

	/** This place with what the other one knows put over it (coordinates go in pairs). */
	public Place with(Place update) {
		boolean coordinates = update.latitude() != null && update.longitude() != null;
		return new Place((update.statCode() != null) ? update.statCode() : this.statCode,
				(update.households() != null) ? update.households() : this.households,
				(update.population() != null) ? update.population() : this.population,
				coordinates ? update.latitude() : this.latitude, coordinates ? update.longitude() : this.longitude);
	}

}

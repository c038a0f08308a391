package org.farmgate.geo;

import java.math.BigDecimal;

/**
 * What a township or a village records besides its name: the 12-digit statistical code
 * (统计用区划代码) when known, households, population and WGS-84 coordinates.
 */
public record Place(String statCode, Integer households, Integer population, BigDecimal latitude,
		BigDecimal longitude) {

	public static final Place UNKNOWN = new Place(null, null, null, null, null);

}

package org.farmgate.logistics;

/**
 * The levels of the county's network: a village service point (村级服务点), a township station
 * (乡镇服务站) and the county hub (县级物流中心) the vans start from.
 */
public enum StationKind {

	VILLAGE_POINT, TOWNSHIP_STATION, COUNTY_HUB

}

package org.farmgate.catalog;

/**
 * Where stock is kept: an organisation's own warehouse (its id is the organisation's) or
 * a service station of the county's logistics network.
 */
public enum LocationKind {

	WAREHOUSE, STATION

}

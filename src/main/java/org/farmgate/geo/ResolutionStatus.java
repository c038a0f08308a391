package org.farmgate.geo;

/**
 * How far a shipping address was resolved (see the address-resolution spec).
 */
public enum ResolutionStatus {

	/** Resolved down to the county level. */
	OK,

	/** The city is known; the county was not given or is unknown (e.g. 其它区). */
	CITY_ONLY,

	/** Only the province is known (e.g. Hong Kong's 九龙, a region of five districts). */
	PROVINCE_ONLY,

	/** A prefecture-level city without county-level units (东莞, 中山, 儋州, 嘉峪关). */
	NO_COUNTY,

	/** A development zone or new area that is not a GB/T 2260 unit: the city is known. */
	NOT_GB,

	/**
	 * Several places fit and nothing in the text decides; only what they share is set.
	 */
	AMBIGUOUS,

	/** Nothing found. */
	UNRESOLVED;

	/**
	 * Whether the address resolved as far as its place goes (a county, or a city without
	 * counties): the same text resolves the same way again, where a partial or failed
	 * resolution may do better with a newer division table.
	 */
	public boolean complete() {
		return this == OK || this == NO_COUNTY;
	}

}

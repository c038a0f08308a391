package org.farmgate.geo;

/**
 * The three levels of GB/T 2260 division codes.
 */
public enum DivisionLevel {

	/** 省级: provinces, autonomous regions, municipalities, SARs (xx0000). */
	PROVINCE,

	/**
	 * 地级: prefecture-level cities, prefectures, leagues (xxxx00), and a municipality's
	 * key xx0100.
	 */
	CITY,

	/** 县级: districts, counties, county-level cities, banners. */
	COUNTY

}

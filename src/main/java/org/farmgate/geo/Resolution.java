package org.farmgate.geo;

import java.util.List;

/**
 * Where an address points: the province, city and county codes (GB/T 2260; any may be
 * null), their names, the status, the parts of the text that decided, and the version of
 * the division table used.
 */
public record Resolution(String provinceCode, String cityCode, String countyCode, ResolutionStatus status,
		String provinceName, String cityName, String countyName, List<String> matched, String tableVersion) {

	static Resolution unresolved(String tableVersion) {
		return new Resolution(null, null, null, ResolutionStatus.UNRESOLVED, null, null, null, List.of(), tableVersion);
	}

}

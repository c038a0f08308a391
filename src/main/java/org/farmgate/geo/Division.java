package org.farmgate.geo;

/**
 * An administrative division with its GB/T 2260 code and the codes of its province and
 * city following the address-resolution conventions: a municipality's city is its key
 * xx0100, a province-directly administered county-level unit is its own city. Hong Kong
 * and Macao districts carry the codes common map data use and are flagged as not GB.
 */
public record Division(String code, String name, DivisionLevel level, String provinceCode, String cityCode,
		boolean gb) {

	static int province(int code) {
		return code / 10000 * 10000;
	}

	/** The city-level key of a code: 0 for a province. */
	static int city(int code) {
		if (code % 10000 == 0) {
			return 0;
		}
		if (isMunicipality(code)) {
			return province(code) + 100;
		}
		if ((code / 100) % 100 == 90) {
			return code;
		}
		return code / 100 * 100;
	}

	/** Whether the code lies in 北京, 天津, 上海 or 重庆, whose one city is keyed xx0100. */
	static boolean isMunicipality(int code) {
		int province = code / 10000;
		return province == 11 || province == 12 || province == 31 || province == 50;
	}

	static DivisionLevel levelOf(int code) {
		if (code % 10000 == 0) {
			return DivisionLevel.PROVINCE;
		}
		if (code % 100 == 0) {
			return DivisionLevel.CITY;
		}
		return DivisionLevel.COUNTY;
	}

}

package org.farmgate.geo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every county-level unit in force resolves to itself, written in full and in the short
 * forms buyers use, behind a busy street name.
 */
class EveryCountyTests {

	private static final Divisions divisions = Divisions.load();

	private static final AddressResolver resolver = new AddressResolver(divisions);

	@Test
	void everyCountyWrittenInFullResolvesToItself() {
		assertThat(misses(false)).isEmpty();
	}

	@Test
	void everyCountyWithItsProvinceAndCityInShortFormResolvesToItself() {
		assertThat(misses(true)).isEmpty();
	}

	private List<String> misses(boolean shortForms) {
		List<String> misses = new ArrayList<>();
		for (Division county : divisions.all()) {
			if (county.level() != DivisionLevel.COUNTY || !county.gb()) {
				continue;
			}
			Division city = divisions.byCode(county.cityCode()).orElseThrow();
			Division province = divisions.byCode(county.provinceCode()).orElseThrow();
			String cityPart = city.code().equals(county.code()) ? "" : name(city, shortForms);
			String address = name(province, shortForms) + cityPart + county.name() + "中山路8号";
			Resolution resolution = resolver.resolve(address);
			if (resolution.status() != ResolutionStatus.OK || !county.code().equals(resolution.countyCode())) {
				misses.add(address + " → " + resolution.status() + " " + resolution.countyCode());
			}
		}
		return misses;
	}

	private static String name(Division division, boolean shortForm) {
		if (!shortForm) {
			return division.name();
		}
		List<String> forms = Divisions.shortForms(division.name(), division.level());
		return forms.isEmpty() ? division.name() : forms.get(forms.size() - 1) + " ";
	}

}

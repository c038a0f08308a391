package org.farmgate.geo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traps a review found: short forms inside people's and companies' names, Taiwan's own
 * cities, Hong Kong districts standing alone, long prefixes, ordinary words that were
 * once places, and text that repeats names.
 */
class ResolverPitfallTests {

	private static final AddressResolver resolver = AddressResolver.standard();

	@ParameterizedTest(name = "{0} → {1} {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			张建华 义乌市稠州北路100号          | OK            | 330782
			李宏伟 昆山市前进中路1号            | OK            | 320583
			王平安 都匀市剑江南路               | OK            | 522701
			光明乳业 义乌市                     | OK            | 330782
			公安局宿舍 昆山市                   | OK            | 320583
			贵州省息烽县立碑村种植专业合作社    | OK            | 520122
			台北市中山区南京东路                | PROVINCE_ONLY | -
			新北市板桥区文化路                  | PROVINCE_ONLY | -
			台中市西屯区                        | PROVINCE_ONLY | -
			高雄市                              | PROVINCE_ONLY | -
			台湾台北市中山区                    | PROVINCE_ONLY | -
			油尖旺区弥敦道                      | OK            | 810005
			沙田区                              | OK            | 810016
			人民公园                            | UNRESOLVED    | -
			""")
	void resolves(String address, ResolutionStatus status, String county) {
		Resolution resolution = resolver.resolve(address);
		assertThat(resolution.status()).as(address).isEqualTo(status);
		assertThat(resolution.countyCode()).as(address).isEqualTo(county);
		if (address.startsWith("台") || address.startsWith("新北") || address.startsWith("高雄")) {
			assertThat(resolution.provinceCode()).isEqualTo("710000");
		}
	}

	@Test
	void aCityNamedZoneIsThatCitysZone() {
		Resolution resolution = resolver.resolve("西安高新区科技路");

		assertThat(resolution.status()).isEqualTo(ResolutionStatus.NOT_GB);
		assertThat(resolution.cityCode()).isEqualTo("610100");
	}

	@Test
	void aDistrictAfterALongRecipientPrefixIsStillFound() {
		String prefix = "收件人：某某某某某某 电话：13800000000 备注：请在工作日送达并提前电话联系谢谢 订单号 1234567890 发票抬头 个人 ";
		assertThat(prefix.length()).isGreaterThan(64);

		Resolution resolution = resolver.resolve(prefix + "澳门路凼填海区");

		assertThat(resolution.countyCode()).isEqualTo("820007");
	}

	@Test
	void repeatingANameAddsNothing() {
		Resolution repeated = resolver.resolve("新区 新区");

		assertThat(repeated.status()).isNotEqualTo(ResolutionStatus.OK);
	}

	@Test
	void floodingTextIsReadForAFewDozenDistinctNamesAtMost() {
		NameIndex index = new NameIndex(Divisions.load());
		StringBuilder flood = new StringBuilder();
		for (Division division : Divisions.load().all()) {
			flood.append(division.name());
			if (flood.length() > AddressText.MAX_LENGTH) {
				break;
			}
		}

		assertThat(index.find(AddressText.normalize("城区".repeat(200)))).hasSize(1);
		assertThat(index.find(AddressText.normalize(flood.toString()))).hasSize(NameIndex.MAX_NAMES);
		assertThat(resolver.resolve("城区".repeat(200)).status()).isEqualTo(ResolutionStatus.AMBIGUOUS);
	}

}

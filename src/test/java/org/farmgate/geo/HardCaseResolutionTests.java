package org.farmgate.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "families of hard cases" of the address-resolution spec, one invocation per line of
 * {@code geo/hard-cases.tsv}, and structured addresses, whose fields decide and whose
 * detail text never overturns them.
 */
class HardCaseResolutionTests {

	/**
	 * The hard cases written with the resolver, and a second set written apart from it
	 * and first run only after it was built (its families are prefixed "holdout/").
	 */
	private static final List<String> TABLES = List.of("/geo/hard-cases.tsv", "/geo/holdout-cases.tsv");

	private static final AddressResolver resolver = AddressResolver.standard();

	@ParameterizedTest(name = "{0}")
	@MethodSource("hardCases")
	void eachHardCaseResolvesAsTheSpecExpects(HardCase hardCase) {
		Resolution resolution = resolver.resolve(hardCase.address());
		assertThat(resolution).as(hardCase.address()).isNotNull();
		Codes actual = Codes.of(resolution);
		assertThat(actual).as("%s resolved to %s", hardCase.address(), resolution)
			.isEqualTo(hardCase.expected().checkedAgainst(actual));
	}

	@ParameterizedTest(name = "{0} {1} {2} | {3}", quoteTextArguments = false)
	@CsvSource(delimiter = '|', textBlock = """
			# province | city | district | detail | status | province code | city code | county code
			浙江省 | 杭州市 | 西湖区 | 文三路100号 | OK | 330000 | 330100 | 330106
			# the detail names another district, of the same city or of another province: the fields decide
			浙江省 | 杭州市 | 上城区 | 杭州市西湖区文三路100号 | OK | 330000 | 330100 | 330102
			福建省 | 福州市 | 鼓楼区 | 江苏省南京市鼓楼区中山路1号 | OK | 350000 | 350100 | 350102
			# the detail may complete what the fields leave open
			浙江省 | 杭州市 | | 西湖区文三路100号 | OK | 330000 | 330100 | 330106
			浙江省 | | 义乌市 | 稠城街道工人西路 | OK | 330000 | 330700 | 330782
			广东省 | 深圳市 | 其它区 | 科苑路15号 | CITY_ONLY | 440000 | 440300 |
			北京市 | 市辖区 | 朝阳区 | 建国路88号 | OK | 110000 | 110100 | 110105
			重庆 | 县 | 丰都县 | 三合街道 | OK | 500000 | 500100 | 500230
			湖北省 | 省直辖县级行政区划 | 仙桃市 | 干河街道 | OK | 420000 | 429004 | 429004
			广东省 | 东莞市 | 东城街道 | 东城中路 | NO_COUNTY | 440000 | 441900 |
			吉林省 | 四平市 | 公主岭市 | 岭东街道 | OK | 220000 | 220100 | 220184
			浙江省 | 杭州市 | 下城区 | 武林街道 | OK | 330000 | 330100 | 330105
			内蒙古 | 通辽市 | 科尔沁左翼后旗 | 甘旗卡镇 | OK | 150000 | 150500 | 150522
			江苏省 | 苏州市 | 苏州工业园区 | 星湖街328号 | NOT_GB | 320000 | 320500 |
			香港特别行政区 | 九龙 | 九龙城区 | 太子道西 | OK | 810000 | | 810007
			台湾 | 台北市 | 信义区 | 信义路五段7号 | PROVINCE_ONLY | 710000 | |
			""")
	void structuredAddressesAreResolvedFieldByFieldAndTheDetailNeverOverturnsTheFields(String province, String city,
			String district, String detail, ResolutionStatus status, String provinceCode, String cityCode,
			String countyCode) {
		StructuredAddress address = new StructuredAddress(province, city, district, detail);
		Resolution resolution = resolver.resolve(address);
		assertThat(resolution).as(address.toString()).isNotNull();
		Codes actual = Codes.of(resolution);
		Codes expected = new Codes(status, provinceCode, cityCode, countyCode);
		assertThat(actual).as("%s resolved to %s", address, resolution).isEqualTo(expected.checkedAgainst(actual));
	}

	@Test
	void printsTheShareOfHardCasesResolvedCorrectlyInEachFamily() {
		Map<String, int[]> tally = new LinkedHashMap<>();
		for (HardCase hardCase : readHardCases()) {
			int[] correctAndTotal = tally.computeIfAbsent(hardCase.family(), (family) -> new int[2]);
			if (resolvesCorrectly(hardCase)) {
				correctAndTotal[0]++;
			}
			correctAndTotal[1]++;
		}
		int correct = 0;
		int total = 0;
		StringBuilder report = new StringBuilder("Hard cases resolved correctly, per family:\n");
		for (Map.Entry<String, int[]> family : tally.entrySet()) {
			int[] correctAndTotal = family.getValue();
			report.append(line(family.getKey(), correctAndTotal[0], correctAndTotal[1]));
			correct += correctAndTotal[0];
			total += correctAndTotal[1];
		}
		report.append(line("all families", correct, total));
		System.out.print(report);
	}

	static Stream<HardCase> hardCases() {
		return readHardCases().stream();
	}

	private static boolean resolvesCorrectly(HardCase hardCase) {
		try {
			Resolution resolution = resolver.resolve(hardCase.address());
			if (resolution == null) {
				return false;
			}
			Codes actual = Codes.of(resolution);
			return actual.equals(hardCase.expected().checkedAgainst(actual));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String line(String family, int correct, int total) {
		double share = (total != 0) ? 100.0 * correct / total : 0;
		return String.format("  %-24s %3d / %3d  %6.1f %%%n", family, correct, total, share);
	}

	private static List<HardCase> readHardCases() {
		List<HardCase> all = new java.util.ArrayList<>();
		for (String table : TABLES) {
			List<HardCase> cases = readHardCases(table);
			all.addAll(table.contains("holdout") ? cases.stream().map(HardCase::heldOut).toList() : cases);
		}
		return all;
	}

	private static List<HardCase> readHardCases(String table) {
		try (InputStream in = HardCaseResolutionTests.class.getResourceAsStream(table)) {
			if (in == null) {
				throw new IllegalStateException(table + " is not on the test classpath");
			}
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
			List<HardCase> cases = new ArrayList<>();
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i);
				if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("family\t")) {
					cases.add(HardCase.parse(i + 1, line));
				}
			}
			return cases;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The outcome of a resolution that the hard cases check: status and codes.
	 */
	record Codes(ResolutionStatus status, String province, String city, String county) {

		static Codes of(Resolution resolution) {
			return new Codes(resolution.status(), resolution.provinceCode(), resolution.cityCode(),
					resolution.countyCode());
		}

		/**
		 * What the actual outcome must equal: these codes, an empty one meaning null,
		 * except where a case does not check a code (then the actual one is taken). An
		 * AMBIGUOUS case checks only the status and that no county was guessed; a Hong
		 * Kong or Macao case does not check the city.
		 */
		Codes checkedAgainst(Codes actual) {
			if (this.status == ResolutionStatus.AMBIGUOUS) {
				return new Codes(this.status, actual.province(), actual.city(), null);
			}
			if ("810000".equals(this.province) || "820000".equals(this.province)) {
				return new Codes(this.status, this.province, actual.city(), this.county);
			}
			return this;
		}

	}

	/**
	 * One line of the hard-case table: its family, the address as a buyer typed it, and
	 * the expected outcome.
	 */
	record HardCase(int line, String family, String address, Codes expected) {

		static HardCase parse(int line, String text) {
			String[] cells = text.split("\t", -1);
			if (cells.length < 3 || cells.length > 6 || cells[0].isBlank() || cells[1].isBlank()) {
				throw new IllegalArgumentException("line " + line + " is not a hard case: " + text);
			}
			Codes expected = new Codes(ResolutionStatus.valueOf(cells[2].strip()), cell(cells, 3), cell(cells, 4),
					cell(cells, 5));
			return new HardCase(line, cells[0].strip(), cells[1], expected);
		}

		HardCase heldOut() {
			return new HardCase(this.line, "holdout/" + this.family, this.address, this.expected);
		}

		private static String cell(String[] cells, int index) {
			return (index < cells.length && !cells[index].isBlank()) ? cells[index].strip() : null;
		}

		@Override
		public String toString() {
			return this.family + ": " + this.address;
		}

	}

}

package org.farmgate.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A realistic mix of shipping addresses across every province, as buyers type them and as
 * seller centres export them: full and short forms, recipient names and phone numbers,
 * labels and postcodes, full-width characters, cities without counties, development
 * zones, repeated names without a parent, and some text that is no address at all. The
 * same seed gives the same addresses.
 */
final class AddressSamples {

	private static final String[] STREETS = { "人民路", "解放路", "建设路", "中山路", "和平路", "新华路", "幸福路", "胜利路", "文化路", "长江路",
			"北京路", "南京东路", "朝阳街", "光明大道", "育才巷" };

	private static final String[] NAMES = { "张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强" };

	private static final String[] NOISE = { "请放门卫", "周末送货", "不要打电话", "小区东门", "3栋2单元501", "A座1203室" };

	private AddressSamples() {
	}

	static List<String> generate(Divisions divisions, int count, long seed) {
		Random random = new Random(seed);
		List<Division> counties = divisions.all()
			.stream()
			.filter(division -> division.level() == DivisionLevel.COUNTY && division.gb())
			.sorted(Comparator.comparing(Division::code))
			.toList();
		List<Division> cities = divisions.all()
			.stream()
			.filter(division -> division.level() == DivisionLevel.CITY && division.gb())
			.sorted(Comparator.comparing(Division::code))
			.toList();
		List<String> addresses = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Division county = counties.get(random.nextInt(counties.size()));
			Division city = divisions.byCode(county.cityCode()).orElseThrow();
			Division province = divisions.byCode(county.provinceCode()).orElseThrow();
			String street = STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(999)) + "号";
			String cityPart = city.code().equals(county.code()) ? "" : city.name();
			int kind = random.nextInt(100);
			String address;
			if (kind < 35) {
				address = province.name() + cityPart + county.name() + street;
			}
			else if (kind < 50) {
				address = shortForm(province) + " " + shortForm(city) + " " + county.name() + " " + street;
			}
			else if (kind < 62) {
				address = NAMES[random.nextInt(NAMES.length)] + " 1" + (3 + random.nextInt(7))
						+ String.format("%09d", random.nextInt(1_000_000_000)) + " " + province.name() + cityPart
						+ county.name() + street + " " + NOISE[random.nextInt(NOISE.length)];
			}
			else if (kind < 70) {
				address = "收货地址：" + province.name() + " " + cityPart + " " + county.name() + " " + street + " 邮编"
						+ county.code();
			}
			else if (kind < 76) {
				address = fullWidth(province.name() + cityPart + county.name() + street);
			}
			else if (kind < 84) {
				address = county.name() + street + NOISE[random.nextInt(NOISE.length)];
			}
			else if (kind < 91) {
				Division someCity = cities.get(random.nextInt(cities.size()));
				Division itsProvince = divisions.byCode(someCity.provinceCode()).orElseThrow();
				address = itsProvince.name() + someCity.name() + street;
			}
			else if (kind < 94) {
				address = "广东省" + (random.nextBoolean() ? "东莞市" : "中山市") + "某某镇" + street;
			}
			else if (kind < 96) {
				address = "江苏省苏州市工业园区" + street;
			}
			else if (kind < 98) {
				address = (random.nextBoolean() ? "鼓楼区" : "朝阳区") + street;
			}
			else {
				address = "订单备注：尽快发货 谢谢 😀 " + random.nextInt(100000);
			}
			addresses.add(address);
		}
		return addresses;
	}

	private static String shortForm(Division division) {
		List<String> forms = Divisions.shortForms(division.name(), division.level());
		return forms.isEmpty() ? division.name() : forms.get(forms.size() - 1);
	}

	private static String fullWidth(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			out.append((c >= '!' && c <= '~') ? (char) (c + 0xFEE0) : c);
		}
		return out.toString();
	}

}

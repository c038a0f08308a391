package org.farmgate.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The administrative-division table: every GB/T 2260 code in force on 2024-12-31, the
 * changes since (a reviewed patch file), the Hong Kong and Macao districts, and every
 * name a division has had since 1981 with the codes it stands for today. Loaded once.
 */
public final class Divisions {

	private static final String BASE_VERSION = "2024";

	/** Names in the history that are fillers, not places. */
	private static final Set<String> FILLERS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "直辖", "省直辖行政单位",
			"省直辖县级行政单位");

	/** Generic names that may stand only with a parent in the text. */
	private static final Set<String> GENERIC = Set.of("城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中区", "新区", "市中区");

	/** Hong Kong and Macao districts whose names are too plain to stand alone. */
	private static final Set<String> WEAK_MAP_DATA = Set.of("中西区", "大堂区", "花王堂区", "望德堂区", "风顺堂区");

	private static final List<String> ETHNIC = List.of("维吾尔", "蒙古", "土家", "布依", "朝鲜", "哈尼", "哈萨克", "傈僳", "拉祜", "东乡",
			"纳西", "景颇", "柯尔克孜", "达斡尔", "仫佬", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "乌孜别克", "俄罗斯", "鄂温克",
			"德昂", "保安", "裕固", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "回", "藏", "苗", "彝", "壮", "满", "侗", "瑶", "白",
			"傣", "黎", "佤", "畲", "水", "土", "羌", "怒", "京", "各");

	private final Map<Integer, Division> current;

	private final Set<Integer> citiesWithoutCounties;

	private final List<IndexEntry> names;

	private final String version;

	/** The same divisions in an array indexed by code: the resolver's hot path. */
	private final Division[] byCode = new Division[1_000_000];

	private Divisions(Map<Integer, Division> current, Set<Integer> citiesWithoutCounties, List<IndexEntry> names,
			String version) {
		this.current = current;
		current.forEach((code, division) -> this.byCode[code] = division);
		this.citiesWithoutCounties = citiesWithoutCounties;
		this.names = names;
		this.version = version;
	}

	/**
	 * A name and one of its meanings, for the name index.
	 */
	record IndexEntry(String name, Sense sense) {
	}

	/** Loads the tables bundled with the application. */
	public static Divisions load() {
		return new Loader().load();
	}

	/** The version of the table every resolution records, e.g. {@code 2024+2025.1}. */
	public String tableVersion() {
		return this.version;
	}

	public Optional<Division> byCode(String code) {
		try {
			return Optional.ofNullable(this.current.get(Integer.parseInt(code)));
		}
		catch (NumberFormatException | NullPointerException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The current divisions a name stands for: their full names, short and informal forms
	 * (广西, 巴州) and former names (襄樊, 下城区), resolved to today's codes.
	 */
	public List<Division> byName(String name) {
		String key = AddressText.normalize(name).strip();
		Set<Division> found = new LinkedHashSet<>();
		for (IndexEntry entry : this.names) {
			if (entry.name().equals(key) && entry.sense().kind() == Sense.Kind.DIVISION) {
				for (int target : entry.sense().targets()) {
					found.add(this.current.get(target));
				}
			}
		}
		return List.copyOf(found);
	}

	/** The divisions directly below a province or a city. */
	public List<Division> children(String code) {
		Optional<Division> parent = byCode(code);
		if (parent.isEmpty()) {
			return List.of();
		}
		Division division = parent.get();
		return this.current.values().stream().filter(candidate -> switch (division.level()) {
			case PROVINCE ->
				candidate.level() == DivisionLevel.CITY && division.code().equals(candidate.provinceCode());
			case CITY -> candidate.level() == DivisionLevel.COUNTY && division.code().equals(candidate.cityCode())
					&& !candidate.code().equals(division.code());
			case COUNTY -> false;
		}).sorted(java.util.Comparator.comparing(Division::code)).toList();
	}

	public int size() {
		return this.current.size();
	}

	Division get(int code) {
		return (code > 0 && code < this.byCode.length) ? this.byCode[code] : null;
	}

	boolean hasNoCounties(int city) {
		return this.citiesWithoutCounties.contains(city);
	}

	List<IndexEntry> names() {
		return this.names;
	}

	/**
	 * Short forms of a name: without its generic suffix (省, 市, 区, 县, 自治州 …) and without
	 * the names of the nationalities of an autonomous unit. Shorter than two characters
	 * is never a short form.
	 */
	static List<String> shortForms(String name, DivisionLevel level) {
		Set<String> forms = new LinkedHashSet<>();
		String stem = name;
		for (String suffix : List.of("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "新区", "省", "市", "区", "县",
				"盟", "旗")) {
			if (stem.endsWith(suffix) && stem.length() - suffix.length() >= 2) {
				stem = stem.substring(0, stem.length() - suffix.length());
				break;
			}
		}
		forms.add(stem);
		String withoutNationalities = name.contains("自治") ? stripNationalities(stem) : stem;
		forms.add(withoutNationalities);
		if (name.endsWith("自治州") && withoutNationalities.length() >= 2) {
			forms.add(withoutNationalities + "州");
		}
		// 河南蒙古族自治县 is called 河南县, 东乡族自治县 东乡县
		if (name.endsWith("自治县") && withoutNationalities.length() >= 2) {
			forms.add(withoutNationalities + "县");
		}
		if (name.endsWith("自治旗") && withoutNationalities.length() >= 2) {
			forms.add(withoutNationalities + "旗");
		}
		forms.remove(name);
		forms.removeIf(form -> form.length() < 2);
		return List.copyOf(forms);
	}

	private static String stripNationalities(String stem) {
		String result = stem;
		boolean stripped = true;
		while (stripped) {
			stripped = false;
			String base = result.endsWith("族") ? result.substring(0, result.length() - 1) : result;
			for (String nationality : ETHNIC) {
				if (base.endsWith(nationality) && base.length() - nationality.length() >= 2) {
					result = base.substring(0, base.length() - nationality.length());
					stripped = true;
					break;
				}
			}
		}
		// 东乡族自治县: the place is named after its nationality
		if (result.endsWith("族") && result.length() > 2) {
			result = result.substring(0, result.length() - 1);
		}
		return result;
	}

	/**
	 * Reads the bundled resources once.
	 */
	private static final class Loader {

		private final Map<Integer, Division> current = new LinkedHashMap<>();

		private final Map<Integer, List<CSVRecord>> history = new HashMap<>();

		private final Map<Integer, int[]> targetsCache = new HashMap<>();

		private final List<IndexEntry> names = new ArrayList<>();

		private final Set<String> seen = new HashSet<>();

		private final Map<String, List<String>> countyForms = new HashMap<>();

		private String patchVersion = "";

		Divisions load() {
			readCurrent();
			readHongKongAndMacao();
			readPatch();
			addMunicipalityCities();
			readHistory();
			indexCurrentNames();
			indexHistoricalNames();
			indexTable("geo/aliases.tsv", (code, name) -> add(name, code, new int[] { code }, true, false,
					Sense.CURRENT, Sense.Kind.DIVISION));
			indexTable("geo/regions.tsv", (code, name) -> add(name, code, new int[] { code }, false, false,
					Sense.CURRENT, Sense.Kind.REGION));
			indexTable("geo/zones.tsv",
					(code, name) -> add(name, code, new int[] { code }, false, false, Sense.CURRENT, Sense.Kind.ZONE));
			Set<Integer> withoutCounties = new HashSet<>();
			for (Division division : this.current.values()) {
				if (division.level() == DivisionLevel.CITY && division.gb()) {
					withoutCounties.add(Integer.parseInt(division.code()));
				}
			}
			for (Division division : this.current.values()) {
				if (division.level() == DivisionLevel.COUNTY) {
					withoutCounties.remove(Integer.parseInt(division.cityCode()));
				}
			}
			String version = BASE_VERSION + (this.patchVersion.isEmpty() ? "" : "+" + this.patchVersion);
			return new Divisions(Map.copyOf(this.current), Set.copyOf(withoutCounties), List.copyOf(this.names),
					version);
		}

		private void readCurrent() {
			for (String line : lines("geo/divisions-2024.txt")) {
				String[] parts = line.trim().split("\\s+", 2);
				if (parts.length == 2) {
					put(Integer.parseInt(parts[0]), parts[1], true);
				}
			}
		}

		private void readHongKongAndMacao() {
			for (String line : lines("geo/hk-macao-districts.tsv")) {
				String[] parts = line.split("\t");
				if (parts.length >= 2 && parts[0].matches("[0-9]{6}")) {
					put(Integer.parseInt(parts[0]), parts[1], false);
				}
			}
		}

		private void readPatch() {
			for (String line : lines("geo/divisions-patch.csv")) {
				if (line.startsWith("# version:")) {
					this.patchVersion = line.substring("# version:".length()).trim();
					continue;
				}
				if (line.startsWith("#") || line.isBlank()) {
					continue;
				}
				String[] parts = line.split(",", -1);
				switch (parts[0]) {
					case "ADD", "RENAME" -> put(Integer.parseInt(parts[1]), parts[2], true);
					case "ABOLISH" -> this.current.remove(Integer.parseInt(parts[1]));
					default -> throw new IllegalStateException("Unknown action in divisions-patch.csv: " + line);
				}
			}
		}

		private void addMunicipalityCities() {
			for (int province : new int[] { 110000, 120000, 310000, 500000 }) {
				Division municipality = this.current.get(province);
				int city = province + 100;
				this.current.put(city, new Division(String.valueOf(city), municipality.name(), DivisionLevel.CITY,
						String.valueOf(province), String.valueOf(city), true));
			}
		}

		private void put(int code, String name, boolean gb) {
			int city = Division.city(code);
			this.current.put(code, new Division(String.valueOf(code), name, Division.levelOf(code),
					String.valueOf(Division.province(code)), (city == 0) ? null : String.valueOf(city), gb));
		}

		private void readHistory() {
			try (Reader reader = reader("geo/divisions-history.csv")) {
				CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
				for (CSVRecord row : format.parse(reader)) {
					String status = row.get(5);
					if ("变更".equals(status) || "弃用".equals(status)) {
						this.history.computeIfAbsent(Integer.parseInt(row.get(0)), code -> new ArrayList<>()).add(row);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private void indexCurrentNames() {
			for (Division division : this.current.values()) {
				int code = Integer.parseInt(division.code());
				if (division.level() == DivisionLevel.CITY && Division.city(code) != code) {
					continue;
				}
				if (division.level() == DivisionLevel.CITY && this.current.get(Division.province(code)) != null
						&& Division.isMunicipality(code)) {
					continue;
				}
				boolean mapDataDistrict = !division.gb() && division.level() == DivisionLevel.COUNTY;
				boolean weak = GENERIC.contains(division.name()) || WEAK_MAP_DATA.contains(division.name());
				int[] self = { code };
				add(division.name(), code, self, false, weak, Sense.CURRENT, Sense.Kind.DIVISION);
				for (String form : shortForms(division.name(), division.level())) {
					// 沙田 or 大埔 alone is more often a mainland street or village than Hong
					// Kong
					add(form, code, self, true, weak || mapDataDistrict, Sense.CURRENT, Sense.Kind.DIVISION);
				}
			}
		}

		private void indexHistoricalNames() {
			for (Map.Entry<Integer, List<CSVRecord>> entry : new TreeMap<>(this.history).entrySet()) {
				int code = entry.getKey();
				int[] targets = currentTargets(code, 0);
				if (targets.length == 0) {
					continue;
				}
				for (CSVRecord row : entry.getValue()) {
					String name = row.get(3);
					if (FILLERS.contains(name) || name.length() < 2) {
						continue;
					}
					Division now = this.current.get(code);
					if (now != null && now.name().equals(name)) {
						continue;
					}
					int recency = year(row.get(7));
					// 公园 (a former district of 汕头) is a park far more often
					boolean weak = GENERIC.contains(name) || name.length() <= 2;
					add(name, code, targets, false, weak, recency, Sense.Kind.DIVISION);
					for (String form : shortForms(name, Division.levelOf(code))) {
						// 人民, 桃园: a former unit's two-character short form is an ordinary
						// word more often than a place
						add(form, code, targets, true, weak || form.length() <= 2, recency, Sense.Kind.DIVISION);
					}
				}
			}
		}

		/**
		 * The current codes a code stands for today: itself while in force, else its
		 * successors at the time it went out of use (followed through later changes).
		 */
		private int[] currentTargets(int code, int depth) {
			if (this.current.containsKey(code)) {
				return new int[] { code };
			}
			int[] cached = this.targetsCache.get(code);
			if (cached != null) {
				return cached;
			}
			if (depth > 12) {
				return new int[0];
			}
			CSVRecord last = latest(code);
			Set<Integer> result = new LinkedHashSet<>();
			if (last != null) {
				for (String successor : last.get(8).split(";")) {
					String trimmed = successor.trim();
					// "330102[1996]": a part transferred in another year, not the
					// successor
					if (trimmed.matches("[0-9]{6}") && Integer.parseInt(trimmed) != code) {
						for (int target : currentTargets(Integer.parseInt(trimmed), depth + 1)) {
							result.add(target);
						}
					}
				}
				if (result.isEmpty()) {
					result.addAll(derived(code, last, depth));
				}
				else if (result.size() > 1) {
					// 水城县 went to 水城区 and, in part, 钟山区: the name lives on in one
					Set<Integer> namesake = namesakes(result, last.get(3));
					if (namesake.size() == 1) {
						result = new LinkedHashSet<>(namesake);
					}
				}
			}
			int[] targets = result.stream().mapToInt(Integer::intValue).toArray();
			this.targetsCache.put(code, targets);
			return targets;
		}

		/**
		 * A unit abolished without a successor (a prefecture whose counties went to other
		 * cities, like 莱芜市 in 2019): the current county of the same name in the cities
		 * its counties went to, else those cities.
		 */
		private Set<Integer> derived(int code, CSVRecord row, int depth) {
			if (Division.levelOf(code) != DivisionLevel.CITY) {
				return Set.of();
			}
			Set<Integer> cities = new LinkedHashSet<>();
			for (Map.Entry<Integer, List<CSVRecord>> child : this.history.entrySet()) {
				int childCode = child.getKey();
				if (childCode != code && Division.city(childCode) == code) {
					for (int target : currentTargets(childCode, depth + 1)) {
						int city = Division.city(target);
						if (city != 0) {
							cities.add(city);
						}
					}
				}
			}
			List<String> stems = shortForms(row.get(3), DivisionLevel.CITY);
			for (Division division : this.current.values()) {
				if (division.level() == DivisionLevel.COUNTY
						&& cities.contains(Integer.parseInt(division.cityCode()))) {
					List<String> forms = this.countyForms.computeIfAbsent(division.code(),
							key -> shortForms(division.name(), DivisionLevel.COUNTY));
					for (String stem : stems) {
						if (forms.contains(stem)) {
							return Set.of(Integer.parseInt(division.code()));
						}
					}
				}
			}
			return cities;
		}

		private Set<Integer> namesakes(Set<Integer> codes, String name) {
			List<String> stems = shortForms(name, Division.levelOf(codes.iterator().next()));
			Set<Integer> found = new LinkedHashSet<>();
			for (int code : codes) {
				Division division = this.current.get(code);
				if (division != null
						&& shortForms(division.name(), division.level()).stream().anyMatch(stems::contains)) {
					found.add(code);
				}
			}
			return found;
		}

		private CSVRecord latest(int code) {
			List<CSVRecord> rows = this.history.get(code);
			if (rows == null) {
				return null;
			}
			CSVRecord latest = null;
			for (CSVRecord row : rows) {
				if (latest == null || year(row.get(7)) > year(latest.get(7))) {
					latest = row;
				}
			}
			return latest;
		}

		private void indexTable(String resource, java.util.function.BiConsumer<Integer, String> action) {
			for (String line : lines(resource)) {
				if (line.startsWith("#") || line.isBlank()) {
					continue;
				}
				String[] parts = line.split("\t");
				if (parts.length >= 2 && parts[0].matches("[0-9]{6}")) {
					action.accept(Integer.parseInt(parts[0]), parts[1].trim());
				}
			}
		}

		private void add(String name, int origin, int[] targets, boolean alias, boolean weak, int recency,
				Sense.Kind kind) {
			String key = AddressText.normalize(name).strip();
			if (key.length() < 2 || !this.seen.add(key + "|" + origin + "|" + kind + "|" + Arrays.toString(targets))) {
				return;
			}
			this.names.add(new IndexEntry(key, new Sense(origin, targets, alias, weak, recency, kind)));
		}

		private static int year(String value) {
			try {
				return Integer.parseInt(value.trim());
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}

		private static List<String> lines(String resource) {
			try (BufferedReader reader = new BufferedReader(reader(resource))) {
				return reader.lines().map(line -> line.startsWith("\uFEFF") ? line.substring(1) : line).toList();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static Reader reader(String resource) {
			InputStream in = Divisions.class.getClassLoader().getResourceAsStream(resource);
			if (in == null) {
				throw new IllegalStateException("Missing resource " + resource);
			}
			return new InputStreamReader(in, StandardCharsets.UTF_8);
		}

	}

	Collection<Division> all() {
		return this.current.values();
	}

}

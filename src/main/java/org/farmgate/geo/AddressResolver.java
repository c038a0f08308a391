package org.farmgate.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a shipping address to GB/T 2260 codes as the address-resolution spec defines:
 * every name in the text is looked up, and the place that explains the most of them (a
 * county agreeing with the city and province named) wins; when several places explain the
 * text equally and nothing decides, the answer is AMBIGUOUS, never a guess. Thread-safe;
 * one instance serves the application.
 */
public class AddressResolver {

	/** How far after a city name a zone word still names a zone of that city. */
	private static final int ZONE_DISTANCE = 6;

	private final Divisions divisions;

	private final NameIndex index;

	public AddressResolver(Divisions divisions) {
		this.divisions = divisions;
		this.index = new NameIndex(divisions);
	}

	/** A resolver on the bundled tables (tests, benchmarks, tools). */
	public static AddressResolver standard() {
		return new AddressResolver(Divisions.load());
	}

	public String tableVersion() {
		return this.divisions.tableVersion();
	}

	/** Resolves free text: anything from "江苏南京鼓楼" to a full label with name and phone. */
	public Resolution resolve(String address) {
		String text = AddressText.normalize(address);
		if (text.isEmpty()) {
			return Resolution.unresolved(tableVersion());
		}
		return resolveText(text);
	}

	/**
	 * Resolves separate fields: the province, city and district fields decide; the detail
	 * may only complete what they leave open, in agreement with them.
	 */
	public Resolution resolve(StructuredAddress address) {
		String fields = String.join(" ", nonNull(address.province()), nonNull(address.city()),
				nonNull(address.district()));
		String fieldText = AddressText.normalize(fields);
		Resolution byFields = fieldText.isEmpty() ? Resolution.unresolved(tableVersion()) : resolveText(fieldText);
		switch (byFields.status()) {
			case OK, NO_COUNTY, NOT_GB:
				return byFields;
			default:
				break;
		}
		String all = AddressText.normalize(fields + " " + nonNull(address.detail()));
		if (all.isEmpty()) {
			return byFields;
		}
		Resolution withDetail = resolveText(all);
		return refines(withDetail, byFields) ? withDetail : byFields;
	}

	/** Whether the second answer only adds to what the first one knew. */
	private static boolean refines(Resolution more, Resolution known) {
		if (more.status() == ResolutionStatus.UNRESOLVED) {
			return false;
		}
		if (known.status() == ResolutionStatus.UNRESOLVED) {
			return true;
		}
		return agrees(known.provinceCode(), more.provinceCode()) && agrees(known.cityCode(), more.cityCode())
				&& agrees(known.countyCode(), more.countyCode()) && depth(more) > depth(known);
	}

	private static boolean agrees(String known, String more) {
		return known == null || known.equals(more);
	}

	private static int depth(Resolution resolution) {
		return (resolution.countyCode() != null) ? 3
				: (resolution.cityCode() != null) ? 2 : (resolution.provinceCode() != null) ? 1 : 0;
	}

	private Resolution resolveText(String text) {
		List<NameIndex.Found> found = this.index.find(text);
		if (found.isEmpty()) {
			return Resolution.unresolved(tableVersion());
		}
		List<Candidate> best = new ArrayList<>();
		for (int i = 0; i < found.size(); i++) {
			for (Sense sense : found.get(i).senses()) {
				for (int target : sense.targets()) {
					int[] support = support(sense, target);
					int score = 0;
					for (NameIndex.Found other : found) {
						if (explains(other, support)) {
							score++;
						}
					}
					Candidate candidate = new Candidate(i, sense, target, support, score);
					if (best.isEmpty() || candidate.beats(best.get(0))) {
						best.clear();
						best.add(candidate);
					}
					else if (!best.get(0).beats(candidate)) {
						best.add(candidate);
					}
				}
			}
		}
		return decide(best, found, text);
	}

	/**
	 * Among equally good candidates: one place, or one that contains all the others (a
	 * bare 吉林 is the province), wins; else the name written first wins when the
	 * candidates come from different names; else the text does not decide.
	 */
	private Resolution decide(List<Candidate> best, List<NameIndex.Found> found, String text) {
		if (best.stream()
			.allMatch(candidate -> candidate.sense().weak() && candidate.score() < 2
					&& candidate.sense().recency() != Sense.CURRENT)) {
			// only a former place's plain name (公园, 人民) and nothing to support it
			return Resolution.unresolved(tableVersion());
		}
		Candidate winner = pick(best);
		if (winner == null) {
			int first = best.stream().mapToInt(Candidate::position).min().orElseThrow();
			List<Candidate> earliest = best.stream().filter(candidate -> candidate.position() == first).toList();
			if (earliest.size() < best.size()) {
				winner = pick(earliest);
			}
			if (winner == null) {
				return ambiguous(earliest, found);
			}
		}
		if (winner.sense().weak() && winner.score() < 2) {
			// a generic name alone (东区 of a 小区, 南区) says nothing
			return Resolution.unresolved(tableVersion());
		}
		return result(winner, found, text);
	}

	/**
	 * One winner among equals, if the text decides: a later name that refines an earlier
	 * one (北京市 … 北京经济技术开发区) gives the deeper place; one name with a province and a city
	 * reading (a bare 吉林) gives the province.
	 */
	private static Candidate pick(List<Candidate> candidates) {
		Candidate deepest = null;
		for (Candidate candidate : candidates) {
			boolean containedByAll = true;
			for (Candidate other : candidates) {
				if (!contains(other.target(), candidate.target())) {
					containedByAll = false;
					break;
				}
			}
			if (containedByAll) {
				deepest = candidate;
				break;
			}
		}
		if (deepest != null) {
			for (Candidate other : candidates) {
				if (other.position() != deepest.position() && other.target() != deepest.target()) {
					return deepest;
				}
			}
		}
		return single(candidates);
	}

	private static Candidate single(List<Candidate> candidates) {
		Candidate shallowest = candidates.get(0);
		for (Candidate candidate : candidates) {
			if (contains(candidate.target(), shallowest.target())) {
				shallowest = candidate;
			}
		}
		for (Candidate candidate : candidates) {
			if (!contains(shallowest.target(), candidate.target())) {
				return null;
			}
		}
		return shallowest;
	}

	/** Whether division {@code outer} is {@code inner} or contains it. */
	private static boolean contains(int outer, int inner) {
		return outer == inner || outer == Division.province(inner) || outer == Division.city(inner);
	}

	private Resolution result(Candidate winner, List<NameIndex.Found> found, String text) {
		int target = winner.target();
		Division division = this.divisions.get(target);
		String province = code(Division.province(target));
		int cityCode = Division.city(target);
		String city = code(cityCode);
		String county = null;
		ResolutionStatus status;
		if (winner.sense().kind() == Sense.Kind.REGION) {
			status = ResolutionStatus.PROVINCE_ONLY;
			city = null;
		}
		else if (winner.sense().kind() == Sense.Kind.ZONE) {
			status = ResolutionStatus.NOT_GB;
		}
		else if (division.level() == DivisionLevel.COUNTY) {
			status = ResolutionStatus.OK;
			county = division.code();
		}
		else if (division.level() == DivisionLevel.CITY) {
			status = this.divisions.hasNoCounties(target) ? ResolutionStatus.NO_COUNTY
					: zoneAfter(text, found.get(winner.position())) ? ResolutionStatus.NOT_GB
							: ResolutionStatus.CITY_ONLY;
		}
		else if (Division.isMunicipality(target)) {
			city = code(target + 100);
			status = zoneAfter(text, found.get(winner.position())) ? ResolutionStatus.NOT_GB
					: ResolutionStatus.CITY_ONLY;
		}
		else {
			status = ResolutionStatus.PROVINCE_ONLY;
		}
		return build(province, city, county, status, matched(found, winner.support()));
	}

	/**
	 * Whether a zone word follows the city within a few characters (郑东新区, 东湖新技术开发区): the
	 * address is in a development zone, not a known county.
	 */
	private static boolean zoneAfter(String text, NameIndex.Found name) {
		int last = Math.min(text.length(), name.end() + ZONE_DISTANCE);
		for (int at = name.end(); at < last; at++) {
			if (NameIndex.zoneWordAt(text, at) != null) {
				return true;
			}
		}
		return false;
	}

	private Resolution ambiguous(List<Candidate> tied, List<NameIndex.Found> found) {
		int province = Division.province(tied.get(0).target());
		int city = Division.city(tied.get(0).target());
		for (Candidate candidate : tied) {
			if (Division.province(candidate.target()) != province) {
				province = 0;
			}
			if (Division.city(candidate.target()) != city) {
				city = 0;
			}
		}
		if (province == 0) {
			city = 0;
		}
		return build(code(province), code(city), null, ResolutionStatus.AMBIGUOUS,
				matched(found, tied.get(0).support()));
	}

	private Resolution build(String province, String city, String county, ResolutionStatus status,
			List<String> matched) {
		return new Resolution(province, city, county, status, name(province), name(city), name(county), matched,
				tableVersion());
	}

	private String name(String code) {
		if (code == null) {
			return null;
		}
		Division division = this.divisions.get(Integer.parseInt(code));
		return (division != null) ? division.name() : null;
	}

	/** The code as text, shared with the table's own strings. */
	private String code(int code) {
		if (code == 0) {
			return null;
		}
		Division division = this.divisions.get(code);
		return (division != null) ? division.code() : String.valueOf(code);
	}

	private static List<String> matched(List<NameIndex.Found> found, int[] support) {
		List<String> names = new ArrayList<>(found.size());
		for (NameIndex.Found name : found) {
			if (explains(name, support)) {
				names.add(name.name());
			}
		}
		return names;
	}

	/**
	 * The codes a candidate accounts for: the place, its city and province, and for a
	 * former name also the former code with its former city and province (四平市 explains a
	 * 公主岭市 that has since moved to 长春).
	 */
	private static int[] support(Sense sense, int target) {
		int origin = sense.origin();
		if (origin == target) {
			return new int[] { target, Division.city(target), Division.province(target) };
		}
		return new int[] { target, Division.city(target), Division.province(target), origin, Division.city(origin),
				Division.province(origin) };
	}

	private static boolean explains(NameIndex.Found name, int[] support) {
		for (Sense sense : name.senses()) {
			if (in(sense.origin(), support)) {
				return true;
			}
			for (int target : sense.targets()) {
				if (in(target, support)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean in(int code, int[] codes) {
		if (code == 0) {
			return false;
		}
		for (int candidate : codes) {
			if (candidate == code) {
				return true;
			}
		}
		return false;
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

	/**
	 * One meaning of one name, with how many names of the text it explains.
	 */
	private record Candidate(int position, Sense sense, int target, int[] support, int score) {

		boolean beats(Candidate other) {
			if (this.score != other.score) {
				return this.score > other.score;
			}
			if (this.sense.recency() != other.sense.recency()) {
				return this.sense.recency() > other.sense.recency();
			}
			// a full name (义乌市, 九龙 the Hong Kong region) over a short form (建华 in a
			// recipient's name 张建华, 九龙 for 九龙县)
			return !this.sense.alias() && other.sense.alias();
		}

	}

}

package org.farmgate.geo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

/**
 * Finds every division name in an address in one pass (an Aho-Corasick double-array
 * trie), then keeps the occurrences that really name a division: not part of a road or
 * building name, not inside a longer name found at the same place.
 */
final class NameIndex {

	private static final String DIRECTIONS = "东西南北中";

	/** Road words: 道 alone is left out, it starts Harbin's 道里区 and 道外区. */
	private static final String[] ROAD_WORDS = { "大道", "大街", "胡同", "路", "街", "巷", "弄" };

	/**
	 * What follows a short form when it is part of a smaller place, a building or a word
	 * (共和国 holds 共和, the short form of 共和县).
	 */
	private static final String[] PLACE_WORDS = { "街道", "社区", "小区", "大厦", "广场", "花园", "公园", "大学", "中学", "小学", "医院",
			"机场", "火车站", "酒店", "宾馆", "商场", "市场", "大桥", "镇", "乡", "村", "站", "里", "湖", "山", "门", "社", "公司", "汽车", "乳业",
			"银行", "国" };

	/** Words that make the name before them the name of a development zone. */
	static final String[] ZONE_WORDS = { "经济技术开发区", "高新技术产业开发区", "高新技术开发区", "新技术产业开发区", "新技术开发区", "技术开发区", "经济开发区",
			"综合保税区", "工业园区", "高新区", "经开区", "开发区", "工业园", "保税区", "自贸区", "新区", "试验区", "示范区", "实验区", "航空港区", "航空港" };

	private static final WordSet ROADS = new WordSet(ROAD_WORDS);

	private static final WordSet PLACES = new WordSet(PLACE_WORDS);

	private static final WordSet ZONES = new WordSet(ZONE_WORDS);

	/** The most names an address is read for. */
	static final int MAX_NAMES = 24;

	private final AhoCorasickDoubleArrayTrie<Name> trie = new AhoCorasickDoubleArrayTrie<>();

	private final Divisions divisions;

	NameIndex(Divisions divisions) {
		this.divisions = divisions;
		Map<String, List<Sense>> grouped = new HashMap<>();
		for (Divisions.IndexEntry entry : divisions.names()) {
			grouped.computeIfAbsent(entry.name(), key -> new ArrayList<>()).add(entry.sense());
		}
		Map<String, Name> names = new TreeMap<>();
		grouped.forEach((name, list) -> names.put(name, new Name(name, list.toArray(Sense[]::new))));
		this.trie.build(names);
	}

	/**
	 * The names found in normalized text, in text order, each with the meanings that
	 * survive the context rules.
	 */
	List<Found> find(String text) {
		List<Found> hits = new ArrayList<>(8);
		AhoCorasickDoubleArrayTrie.IHit<Name> collect = (start, end, name) -> hits
			.add(new Found(start, end, name.name(), name.senses()));
		this.trie.parseText(text, collect);
		if (hits.isEmpty()) {
			return hits;
		}
		boolean[] starts = new boolean[text.length() + 1];
		for (Found hit : hits) {
			starts[hit.start()] = true;
		}
		List<Found> candidates = new ArrayList<>(hits.size());
		for (Found hit : hits) {
			int end = hit.end();
			// 香港中路 is a road; 澳门路凼填海区 is 澳门 then a district that starts with 路
			boolean nameFollows = starts[end];
			if (!nameFollows && followedByRoad(text, end)) {
				continue;
			}
			Found kept = applyContext(text, hit);
			if (kept != null) {
				candidates.add(kept);
			}
		}
		return distinct(tiled(candidates));
	}

	/**
	 * A name written twice counts once, and no address names more than a few dozen
	 * places: text that repeats names (城区城区城区…) must not make resolving costly.
	 */
	private static List<Found> distinct(List<Found> names) {
		if (names.size() < 2) {
			return names;
		}
		List<Found> kept = new ArrayList<>(Math.min(names.size(), MAX_NAMES));
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (Found name : names) {
			if (seen.add(name.name())) {
				kept.add(name);
				if (kept.size() == MAX_NAMES) {
					break;
				}
			}
		}
		return kept;
	}

	/**
	 * Drops the meanings the following words rule out, and turns a name followed by a
	 * zone word into that zone.
	 */
	private Found applyContext(String text, Found hit) {
		int end = hit.end();
		boolean placeFollows = followedByPlace(text, end);
		// 东台市场 is a market, not 东台市
		boolean marketFollows = end < text.length() && text.charAt(end) == '场' && text.charAt(end - 1) == '市';
		boolean zoneFollows = ZONES.at(text, skipSpaces(text, end)) != null;
		if (!placeFollows && !marketFollows && !zoneFollows) {
			return hit;
		}
		List<Sense> kept = new ArrayList<>(hit.senses().length);
		// 西安高新区: a zone named after a city is that city's, not a namesake district's
		boolean cityNamed = zoneFollows && java.util.Arrays.stream(hit.senses())
			.anyMatch(sense -> sense.kind() == Sense.Kind.DIVISION && sense.targets().length == 1
					&& Division.levelOf(sense.targets()[0]) != DivisionLevel.COUNTY);
		for (Sense sense : hit.senses()) {
			if (cityNamed && sense.kind() == Sense.Kind.DIVISION
					&& Division.levelOf(sense.targets()[0]) == DivisionLevel.COUNTY) {
				continue;
			}
			if (marketFollows || (sense.alias() && placeFollows)) {
				continue;
			}
			if (zoneFollows && sense.kind() == Sense.Kind.DIVISION) {
				Sense zone = asZone(sense);
				if (zone != null) {
					kept.add(zone);
				}
				continue;
			}
			kept.add(sense);
		}
		return kept.isEmpty() ? null : new Found(hit.start(), end, hit.name(), kept.toArray(Sense[]::new));
	}

	/**
	 * A division named right before a zone word names the zone's place: the zone is in
	 * that division's city (a province's zone is not precise enough to keep).
	 */
	private Sense asZone(Sense sense) {
		int target = sense.targets()[0];
		// a municipality's zone is in its one city (北京经济技术开发区)
		int city = (Division.isMunicipality(target) && target % 10000 == 0) ? target + 100 : Division.city(target);
		if (city == 0 || sense.targets().length > 1) {
			return null;
		}
		return sense.asZone(city);
	}

	/**
	 * Reads the names left to right, taking the longest name that starts at each place
	 * and going on after it: 科尔沁左翼后旗 rather than 科尔沁, and in 铜陵市郊区 the district 郊区 rather
	 * than a former 市郊区 that would overlap 铜陵市.
	 */
	private static List<Found> tiled(List<Found> found) {
		if (found.size() < 2) {
			return found;
		}
		found.sort((a, b) -> (a.start() != b.start()) ? Integer.compare(a.start(), b.start())
				: Integer.compare(b.end(), a.end()));
		List<Found> kept = new ArrayList<>(found.size());
		int covered = 0;
		for (Found candidate : found) {
			if (candidate.start() >= covered) {
				kept.add(candidate);
				covered = candidate.end();
			}
		}
		return kept;
	}

	private static boolean followedByRoad(String text, int end) {
		int position = end;
		if (position < text.length() && DIRECTIONS.indexOf(text.charAt(position)) >= 0) {
			position++;
		}
		return ROADS.at(text, position) != null;
	}

	private static boolean followedByPlace(String text, int end) {
		int position = end;
		// 青山苗族乡: skip a nationality before the township word
		if (text.startsWith("苗族", position) || text.startsWith("回族", position) || text.startsWith("彝族", position)
				|| text.startsWith("土家族", position) || text.startsWith("布依族", position)) {
			position = text.indexOf('族', position) + 1;
		}
		return PLACES.at(text, position) != null;
	}

	static String zoneWordAt(String text, int position) {
		return ZONES.at(text, position);
	}

	private static int skipSpaces(String text, int position) {
		int at = position;
		while (at < text.length() && text.charAt(at) == ' ') {
			at++;
		}
		return at;
	}

	Divisions divisions() {
		return this.divisions;
	}

	/**
	 * A name found at [start, end) of the text, with its meanings.
	 */
	record Found(int start, int end, String name, Sense[] senses) {
	}

	/**
	 * A name of the index with all its meanings.
	 */
	private record Name(String name, Sense[] senses) {
	}

	/**
	 * A few words looked up by their first character, longest first.
	 */
	private static final class WordSet {

		private final Map<Character, String[]> byFirst = new HashMap<>();

		private final boolean[] firsts = new boolean[Character.MAX_VALUE + 1];

		WordSet(String[] words) {
			Map<Character, List<String>> grouped = new HashMap<>();
			for (String word : words) {
				grouped.computeIfAbsent(word.charAt(0), key -> new ArrayList<>()).add(word);
				this.firsts[word.charAt(0)] = true;
			}
			grouped.forEach((first, list) -> {
				list.sort((a, b) -> Integer.compare(b.length(), a.length()));
				this.byFirst.put(first, list.toArray(String[]::new));
			});
		}

		String at(String text, int position) {
			if (position >= text.length() || !this.firsts[text.charAt(position)]) {
				return null;
			}
			for (String word : this.byFirst.get(text.charAt(position))) {
				if (text.startsWith(word, position)) {
					return word;
				}
			}
			return null;
		}

	}

}

package org.farmgate.geo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * Finds every division name in an address in one pass (Aho-Corasick), then keeps the
 * occurrences that really name a division: not part of a road or building name, not
 * inside a longer name found at the same place.
 */
final class NameIndex {

	private static final String DIRECTIONS = "东西南北中";

	/** Road words: 道 alone is left out, it starts Harbin's 道里区 and 道外区. */
	private static final String[] ROAD_WORDS = { "大道", "大街", "胡同", "路", "街", "巷", "弄" };

	/** What follows a short form when it is part of a smaller place or a building. */
	private static final String[] PLACE_WORDS = { "街道", "社区", "小区", "大厦", "广场", "花园", "公园", "大学", "中学", "小学", "医院",
			"机场", "火车站", "酒店", "宾馆", "商场", "市场", "大桥", "镇", "乡", "村", "站", "里", "湖", "山", "门" };

	/** Words that make the name before them the name of a development zone. */
	static final String[] ZONE_WORDS = { "经济技术开发区", "高新技术产业开发区", "高新技术开发区", "新技术产业开发区", "新技术开发区", "技术开发区", "经济开发区",
			"综合保税区", "工业园区", "高新区", "经开区", "开发区", "工业园", "保税区", "自贸区", "新区", "试验区", "示范区" };

	private final Trie trie;

	private final Map<String, Sense[]> senses;

	private final Divisions divisions;

	NameIndex(Divisions divisions) {
		this.divisions = divisions;
		Map<String, List<Sense>> grouped = new HashMap<>();
		for (Divisions.IndexEntry entry : divisions.names()) {
			grouped.computeIfAbsent(entry.name(), key -> new ArrayList<>()).add(entry.sense());
		}
		this.senses = new HashMap<>(grouped.size() * 2);
		grouped.forEach((name, list) -> this.senses.put(name, list.toArray(Sense[]::new)));
		this.trie = Trie.builder().addKeywords(this.senses.keySet()).build();
	}

	/**
	 * The names found in normalized text, in text order, each with the meanings that
	 * survive the context rules.
	 */
	List<Found> find(String text) {
		Collection<Emit> emits = this.trie.parseText(text);
		List<Found> candidates = new ArrayList<>(emits.size());
		long starts = 0;
		for (Emit emit : emits) {
			if (emit.getStart() < 64) {
				starts |= 1L << emit.getStart();
			}
		}
		for (Emit emit : emits) {
			int start = emit.getStart();
			int end = emit.getEnd() + 1;
			// 香港中路 is a road; 澳门路凼填海区 is 澳门 then a district that starts with 路
			boolean nameFollows = end < 64 && (starts & (1L << end)) != 0;
			if (!nameFollows && followedByRoad(text, end)) {
				continue;
			}
			Sense[] meanings = this.senses.get(emit.getKeyword());
			boolean placeFollows = followedByPlace(text, end);
			boolean marketFollows = text.startsWith("场", end) && text.charAt(end - 1) == '市';
			boolean zoneFollows = zoneWordAt(text, skipSpaces(text, end)) != null;
			List<Sense> kept = new ArrayList<>(meanings.length);
			for (Sense sense : meanings) {
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
			if (!kept.isEmpty()) {
				candidates.add(new Found(start, end, emit.getKeyword(), kept.toArray(Sense[]::new)));
			}
		}
		return tiled(candidates);
	}

	/**
	 * A division named right before a zone word names the zone's place: the zone is in
	 * that division's city (a province's zone is not precise enough to keep).
	 */
	private Sense asZone(Sense sense) {
		int target = sense.targets()[0];
		// a municipality's zone is in its one city (北京经济技术开发区)
		int city = (target == 110000 || target == 120000 || target == 310000 || target == 500000) ? target + 100
				: Division.city(target);
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
		for (String word : ROAD_WORDS) {
			if (text.startsWith(word, position)) {
				return true;
			}
		}
		return false;
	}

	private static boolean followedByPlace(String text, int end) {
		int position = end;
		// 青山苗族乡: skip a nationality before the township word
		if (text.startsWith("苗族", position) || text.startsWith("回族", position) || text.startsWith("彝族", position)
				|| text.startsWith("土家族", position) || text.startsWith("布依族", position)) {
			position = text.indexOf('族', position) + 1;
		}
		for (String word : PLACE_WORDS) {
			if (text.startsWith(word, position)) {
				return true;
			}
		}
		return false;
	}

	static String zoneWordAt(String text, int position) {
		for (String word : ZONE_WORDS) {
			if (text.startsWith(word, position)) {
				return word;
			}
		}
		return null;
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

}

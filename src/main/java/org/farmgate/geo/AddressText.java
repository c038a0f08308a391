package org.farmgate.geo;

import java.util.List;
import java.util.Map;

import com.github.houbb.opencc4j.support.data.impl.TSCharData;

/**
 * Turns what a buyer typed into text the name index can match: traditional characters to
 * simplified (the character table of the OpenCC data that opencc4j ships), full-width
 * letters and digits to ASCII, and every separator, symbol or emoji to a space.
 */
final class AddressText {

	/** Longer input is cut: division names come first in any real address. */
	static final int MAX_LENGTH = 400;

	private static final char[] SIMPLIFIED = simplifiedTable();

	private AddressText() {
	}

	static String normalize(String raw) {
		if (raw == null) {
			return "";
		}
		int length = Math.min(raw.length(), MAX_LENGTH);
		char[] out = new char[length];
		boolean content = false;
		for (int i = 0; i < length; i++) {
			char c = raw.charAt(i);
			if (c >= '\uFF01' && c <= '\uFF5E') {
				c = (char) (c - 0xFEE0);
			}
			char mapped = SIMPLIFIED[c];
			if (mapped != 0) {
				c = mapped;
			}
			if (Character.isSurrogate(c) || !Character.isLetterOrDigit(c)) {
				c = ' ';
			}
			else {
				content = true;
			}
			out[i] = c;
		}
		return content ? new String(out) : "";
	}

	private static char[] simplifiedTable() {
		char[] table = new char[Character.MAX_VALUE + 1];
		Map<String, List<String>> traditional = new TSCharData().data().getDataMap();
		traditional.forEach((from, to) -> {
			if (from.length() == 1 && !to.isEmpty() && to.get(0).length() == 1) {
				table[from.charAt(0)] = to.get(0).charAt(0);
			}
		});
		return table;
	}

}

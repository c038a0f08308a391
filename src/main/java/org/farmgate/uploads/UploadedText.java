package org.farmgate.uploads;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded file: UTF-8 (a BOM is dropped) when the bytes are valid UTF-8,
 * else GB18030, the superset of the GBK that Excel writes in China.
 */
public final class UploadedText {

	/** How many bytes are read strictly before the rest is decoded at once. */
	private static final int HEAD_BYTES = 64 * 1024;

	private final String text;

	private UploadedText(String text) {
		this.text = text;
	}

	public static UploadedText of(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return new UploadedText(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
		}
		String utf8 = utf8(bytes);
		return new UploadedText((utf8 != null) ? utf8 : new String(bytes, Charset.forName("GB18030")));
	}

	/**
	 * The text when the bytes are UTF-8, else null. A file in GB18030 shows it in its
	 * first bytes (its Chinese headers), which are read strictly; the rest is decoded by
	 * the JDK in one pass, which puts U+FFFD where bytes are not UTF-8, so the text is
	 * UTF-8 when it holds exactly as many U+FFFD as the bytes spell (EF BF BD).
	 */
	private static String utf8(byte[] bytes) {
		CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer head = ByteBuffer.wrap(bytes, 0, Math.min(bytes.length, HEAD_BYTES));
		// a character cut at the end of the head is not an error (endOfInput false)
		if (strict.decode(head, CharBuffer.allocate(HEAD_BYTES), false).isError()) {
			return null;
		}
		String text = new String(bytes, StandardCharsets.UTF_8);
		return (count(text) == spelled(bytes)) ? text : null;
	}

	private static int count(String text) {
		int count = 0;
		for (int at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) {
			count++;
		}
		return count;
	}

	/** How many times the bytes spell U+FFFD in UTF-8. */
	private static int spelled(byte[] bytes) {
		int count = 0;
		for (int i = 0; i + 2 < bytes.length; i++) {
			if (bytes[i] == (byte) 0xEF && bytes[i + 1] == (byte) 0xBF && bytes[i + 2] == (byte) 0xBD) {
				count++;
			}
		}
		return count;
	}

	public String text() {
		return this.text;
	}

}

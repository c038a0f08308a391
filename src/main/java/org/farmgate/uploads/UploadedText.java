package org.farmgate.uploads;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of an uploaded file and its lines: UTF-8 (a BOM is dropped) when the bytes are
 * valid UTF-8, else GB18030, the superset of the GBK that Excel writes in China.
 */
public final class UploadedText {

	/** How many bytes are read strictly before the rest is decoded at once. */
	private static final int HEAD_BYTES = 64 * 1024;

	private final String text;

	/** Where each line starts, found when a line is first asked for. */
	private volatile int[] lineStarts;

	private UploadedText(String text) {
		this.text = text;
	}

	private int[] lineStarts() {
		int[] known = this.lineStarts;
		if (known != null) {
			return known;
		}
		int[] starts = new int[16];
		int count = 1;
		for (int at = this.text.indexOf('\n'); at >= 0; at = this.text.indexOf('\n', at + 1)) {
			if (count == starts.length) {
				starts = Arrays.copyOf(starts, count * 2);
			}
			starts[count++] = at + 1;
		}
		this.lineStarts = Arrays.copyOf(starts, count);
		return this.lineStarts;
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

	/**
	 * The 1-based line a CSV record begins on, given the position Commons CSV gives it:
	 * that is where the record before it ended, before the empty lines it skipped.
	 */
	public int lineOfRecord(long position) {
		int at = (int) position;
		while (at < this.text.length() && (this.text.charAt(at) == '\n' || this.text.charAt(at) == '\r')) {
			at++;
		}
		return lineOf(at);
	}

	/** The 1-based line a character position lies on. */
	public int lineOf(long position) {
		int index = Arrays.binarySearch(lineStarts(), (int) position);
		return (index >= 0) ? index + 1 : -index - 1;
	}

}

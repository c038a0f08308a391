package org.farmgate.uploads;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of an uploaded file and its lines: UTF-8 (a BOM is dropped) when the bytes are
 * valid UTF-8, else GB18030, the superset of the GBK that Excel writes in China.
 */
public final class UploadedText {

	private final String text;

	private final int[] lineStarts;

	private UploadedText(String text) {
		this.text = text;
		int[] starts = new int[16];
		int count = 1;
		for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
			if (count == starts.length) {
				starts = Arrays.copyOf(starts, count * 2);
			}
			starts[count++] = at + 1;
		}
		this.lineStarts = Arrays.copyOf(starts, count);
	}

	public static UploadedText of(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return new UploadedText(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
		}
		// the JDK's own decoding (one pass, no buffer to copy) puts U+FFFD where bytes
		// are
		// not UTF-8; only then is the text read again strictly, since U+FFFD may also be
		// written in it
		String utf8 = new String(bytes, StandardCharsets.UTF_8);
		if (utf8.indexOf('\uFFFD') < 0 || strictlyUtf8(bytes)) {
			return new UploadedText(utf8);
		}
		return new UploadedText(new String(bytes, Charset.forName("GB18030")));
	}

	private static boolean strictlyUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	public String text() {
		return this.text;
	}

	/** The 1-based line a character position lies on. */
	public int lineOf(long position) {
		int index = Arrays.binarySearch(this.lineStarts, (int) position);
		return (index >= 0) ? index + 1 : -index - 1;
	}

}

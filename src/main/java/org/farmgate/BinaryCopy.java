package org.farmgate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows fed to PostgreSQL's {@code COPY … FROM STDIN} in its binary format, for bulk
 * writes: the server takes each value as it stores it (a time as microseconds, an amount
 * as base-10000 digits, a UUID as 16 bytes) instead of parsing it from text, and no value
 * but text is formatted as text here. The rows are sent in parts while they are written,
 * so that the server reads one part while the next is made.
 * <p>
 * Each value's Java type says its column's type: {@link UUID} for {@code uuid},
 * {@link String} and {@link Enum} (its name) for the text types, {@link Integer} for
 * {@code integer}, {@link Boolean}, {@link Instant} for {@code timestamptz},
 * {@link LocalDate} for {@code date}, {@link BigDecimal} for {@code numeric}, and
 * {@code byte[]} for {@code bytea}. The server checks only each value's length: a value
 * of another type than its column's is mostly refused ("incorrect binary data format"),
 * but four bytes of text would be taken as an integer, so each caller's columns are
 * proven by a test that reads its rows back. One instance per COPY, on one thread.
 */
public final class BinaryCopy implements AutoCloseable {

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

	private static final int SEND_AT = 1 << 16;

	/**
	 * 2000-01-01T00:00:00Z, PostgreSQL's epoch, in seconds and in days of the Unix epoch.
	 */
	private static final long EPOCH_SECONDS = 946_684_800L;

	private static final long EPOCH_DAYS = 10_957L;

	private static final int NUMERIC_NEGATIVE = 0x4000;

	private static final long[] TENS = { 1, 10, 100, 1000 };

	private final CopyIn copy;

	private byte[] bytes = new byte[SEND_AT + 8192];

	private int length;

	private final short[] digits = new short[8];

	private boolean broken;

	private BinaryCopy(CopyIn copy) {
		this.copy = copy;
		room(SIGNATURE.length + 8);
		System.arraycopy(SIGNATURE, 0, this.bytes, 0, SIGNATURE.length);
		this.length = SIGNATURE.length;
		int32(0);
		int32(0);
	}

	/**
	 * Starts {@code COPY <tableAndColumns> FROM STDIN} in binary on the connection, e.g.
	 * {@code into(connection, "orders_order_line (order_id, line_key)")}.
	 */
	public static BinaryCopy into(Connection connection, String tableAndColumns) throws SQLException {
		return new BinaryCopy(connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY " + tableAndColumns + " FROM STDIN WITH (FORMAT binary)"));
	}

	/**
	 * Writes one row of these values, in the order of the COPY's columns.
	 * @throws IllegalArgumentException for a value of a type with no binary form here;
	 * the COPY is then cancelled when closed, and nothing of it is stored (so too when
	 * anything else stops a row half-way, or sending fails)
	 * @throws IllegalStateException after a row could not be written: the part of it
	 * already written stays in the COPY, which can only be cancelled
	 */
	public void row(Object... values) throws SQLException {
		if (this.broken) {
			throw new IllegalStateException("a row before could not be written whole: the COPY is cancelled");
		}
		// broken until the row is whole
		this.broken = true;
		if (this.length >= SEND_AT) {
			send();
		}
		room(2);
		int16(values.length);
		for (Object value : values) {
			value(value);
		}
		this.broken = false;
	}

	/**
	 * Ends the COPY: the server then checks and stores the whole rows written, or refuses
	 * them all; cancels it instead (nothing stored) when a row could not be written
	 * whole.
	 */
	@Override
	public void close() throws SQLException {
		try {
			if (this.broken) {
				return;
			}
			room(2);
			int16(-1);
			send();
			this.copy.endCopy();
		}
		finally {
			if (this.copy.isActive()) {
				this.copy.cancelCopy();
			}
		}
	}

	private void send() throws SQLException {
		int sending = this.length;
		this.length = 0;
		this.copy.writeToCopy(this.bytes, 0, sending);
	}

	private void value(Object value) {
		if (value == null) {
			room(4);
			int32(-1);
		}
		else if (value instanceof String text) {
			text(text);
		}
		else if (value instanceof UUID id) {
			sized(16);
			uuid(id);
		}
		else if (value instanceof Enum<?> name) {
			text(name.name());
		}
		else if (value instanceof Instant time) {
			sized(8);
			int64(Math.addExact(Math.multiplyExact(time.getEpochSecond() - EPOCH_SECONDS, 1_000_000L),
					time.getNano() / 1000));
		}
		else if (value instanceof BigDecimal amount) {
			numeric(amount);
		}
		else if (value instanceof Integer number) {
			sized(4);
			int32(number);
		}
		else if (value instanceof Boolean flag) {
			sized(1);
			this.bytes[this.length++] = (byte) (flag ? 1 : 0);
		}
		else if (value instanceof LocalDate day) {
			sized(4);
			int32(Math.toIntExact(day.toEpochDay() - EPOCH_DAYS));
		}
		else if (value instanceof byte[] raw) {
			sized(raw.length);
			System.arraycopy(raw, 0, this.bytes, this.length, raw.length);
			this.length += raw.length;
		}
		else {
			throw new IllegalArgumentException("no binary COPY form for " + value.getClass().getName());
		}
	}

	private void text(String text) {
		room(4 + 3 * text.length());
		int start = this.length;
		this.length += 4;
		byte[] out = this.bytes;
		int at = this.length;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				out[at++] = (byte) c;
			}
			else if (c < 0x800) {
				out[at++] = (byte) (0xC0 | (c >> 6));
				out[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				int point = Character.toCodePoint(c, text.charAt(++i));
				out[at++] = (byte) (0xF0 | (point >> 18));
				out[at++] = (byte) (0x80 | ((point >> 12) & 0x3F));
				out[at++] = (byte) (0x80 | ((point >> 6) & 0x3F));
				out[at++] = (byte) (0x80 | (point & 0x3F));
			}
			else if (Character.isSurrogate(c)) {
				// half a pair is no character: as String.getBytes, a question mark
				out[at++] = '?';
			}
			else {
				out[at++] = (byte) (0xE0 | (c >> 12));
				out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				out[at++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		this.length = at;
		patch(start, at - start - 4);
	}

	/**
	 * A number as numeric_recv reads it: base-10000 digits from the first that is not
	 * zero, the weight of that first digit, the sign and the number of decimals shown.
	 */
	private void numeric(BigDecimal amount) {
		BigDecimal value = (amount.scale() < 0) ? amount.setScale(0) : amount;
		int scale = value.scale();
		BigInteger unscaled = value.unscaledValue();
		int sign = (unscaled.signum() < 0) ? NUMERIC_NEGATIVE : 0;
		int fractionGroups = (scale + 3) / 4;
		int count;
		short[] groups;
		if (unscaled.bitLength() < 52) {
			// the common case: the digits by long division, least significant first
			long magnitude = Math.abs(unscaled.longValue()) * TENS[fractionGroups * 4 - scale];
			groups = this.digits;
			count = 0;
			while (magnitude != 0) {
				groups[count++] = (short) (magnitude % 10_000);
				magnitude /= 10_000;
			}
		}
		else {
			String decimal = unscaled.abs().toString() + "0".repeat(fractionGroups * 4 - scale);
			count = (decimal.length() + 3) / 4;
			groups = new short[count];
			for (int i = 0; i < count; i++) {
				int end = decimal.length() - 4 * i;
				groups[i] = Short.parseShort(decimal.substring(Math.max(0, end - 4), end));
			}
		}
		if (count == 0) {
			sized(8);
			int16(0);
			int16(0);
			int16(0);
			int16(scale);
			return;
		}
		int lowest = 0;
		while (groups[lowest] == 0) {
			lowest++;
		}
		int weight = count - fractionGroups - 1;
		int shown = count - lowest;
		sized(8 + 2 * shown);
		int16(shown);
		int16(weight);
		int16(sign);
		int16(scale);
		for (int i = count - 1; i >= lowest; i--) {
			int16(groups[i]);
		}
	}

	/** Room for a value of this many bytes, and its length. */
	private void sized(int bytes) {
		room(4 + bytes);
		int32(bytes);
	}

	private void uuid(UUID id) {
		int64(id.getMostSignificantBits());
		int64(id.getLeastSignificantBits());
	}

	private void room(int more) {
		if (this.length + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
		}
	}

	private void patch(int at, int value) {
		this.bytes[at] = (byte) (value >>> 24);
		this.bytes[at + 1] = (byte) (value >>> 16);
		this.bytes[at + 2] = (byte) (value >>> 8);
		this.bytes[at + 3] = (byte) value;
	}

	private void int16(int value) {
		this.bytes[this.length++] = (byte) (value >>> 8);
		this.bytes[this.length++] = (byte) value;
	}

	private void int32(int value) {
		patch(this.length, value);
		this.length += 4;
	}

	private void int64(long value) {
		int32((int) (value >>> 32));
		int32((int) value);
	}

}

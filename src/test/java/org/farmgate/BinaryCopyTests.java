package org.farmgate;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What is written with {@link BinaryCopy} is what PostgreSQL stores: every kind of value
 * read back from the real server as it was written.
 */
@FarmgateTest
class BinaryCopyTests {

	private static final String TABLE = "CREATE TEMP TABLE copied (id UUID, label TEXT, county CHAR(6),"
			+ " name VARCHAR(20), amount NUMERIC, price NUMERIC(14,2), quantity INTEGER, reserved BOOLEAN,"
			+ " at TIMESTAMPTZ, day DATE, raw BYTEA)";

	private static final String COLUMNS = "copied (id, label, county, name, amount, price, quantity, reserved, at,"
			+ " day, raw)";

	@Autowired
	DataSource dataSource;

	@Test
	void everyKindOfValueComesBackAsItWasWritten() throws SQLException {
		UUID id = UUID.randomUUID();
		byte[] raw = { 0, 1, (byte) 0xFF, '\\', '\t', '\n', 0x7F, (byte) 0x80 };
		Instant at = Instant.parse("2026-03-14T09:26:53.589793Z");
		String label = "息烽县 \"土鸡蛋\", 30枚\n第二行 🥚 café";
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(TABLE);
			try (BinaryCopy copy = BinaryCopy.into(connection, COLUMNS)) {
				copy.row(id, label, "520122", Status.SHIPPED, new BigDecimal("79.80"), new BigDecimal("12.5"), 3, true,
						at, LocalDate.of(1999, 12, 31), raw);
				copy.row(null, "", null, null, null, null, null, false, Instant.parse("1970-01-01T00:00:00Z"), null,
						new byte[0]);
			}
			try (ResultSet rs = statement.executeQuery("SELECT id, label, county, name, amount::text, price::text,"
					+ " quantity, reserved, at, day, raw FROM copied ORDER BY label DESC")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getObject(1, UUID.class)).isEqualTo(id);
				assertThat(rs.getString(2)).isEqualTo(label);
				assertThat(rs.getString(3)).isEqualTo("520122");
				assertThat(rs.getString(4)).isEqualTo("SHIPPED");
				assertThat(rs.getString(5)).isEqualTo("79.80");
				assertThat(rs.getString(6)).as("rounded to the column's two decimals").isEqualTo("12.50");
				assertThat(rs.getInt(7)).isEqualTo(3);
				assertThat(rs.getBoolean(8)).isTrue();
				assertThat(rs.getTimestamp(9).toInstant()).isEqualTo(at);
				assertThat(rs.getObject(10, LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 31));
				assertThat(rs.getBytes(11)).containsExactly(raw);
				assertThat(rs.next()).isTrue();
				assertThat(rs.getObject(1)).isNull();
				assertThat(rs.getString(2)).as("an empty text is not a null").isEmpty();
				assertThat(rs.getString(3)).isNull();
				assertThat(rs.getString(5)).isNull();
				assertThat(rs.getObject(7)).isNull();
				assertThat(rs.getBoolean(8)).isFalse();
				assertThat(rs.getTimestamp(9).toInstant()).isEqualTo(Instant.EPOCH);
				assertThat(rs.getObject(10)).isNull();
				assertThat(rs.getBytes(11)).as("no bytes are not a null").isEmpty();
				assertThat(rs.next()).isFalse();
			}
		}
	}

	@Test
	void amountsKeepTheirDigitsDecimalsAndSign() throws SQLException {
		List<String> amounts = List.of("0", "0.00", "0.05", "-0.05", "1", "-12.34", "10000", "9999.9999", "0.0001",
				"0.00010", "123.456789", "1E+3", "-1234567890123.45", "100000000.00000001",
				"123456789012345678901234567890.123456789", "-98765432109876543210");
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TEMP TABLE amounts (position INTEGER, amount NUMERIC)");
			try (BinaryCopy copy = BinaryCopy.into(connection, "amounts (position, amount)")) {
				for (int i = 0; i < amounts.size(); i++) {
					copy.row(i, new BigDecimal(amounts.get(i)));
				}
			}
			List<String> read = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT amount::text FROM amounts ORDER BY position")) {
				while (rs.next()) {
					read.add(rs.getString(1));
				}
			}
			assertThat(read).containsExactlyElementsOf(amounts.stream()
				.map(amount -> new BigDecimal(amount).setScale(Math.max(0, new BigDecimal(amount).scale()))
					.toPlainString())
				.toList());
		}
	}

	@Test
	void rowsLongerThanOnePartAreSentWhole() throws SQLException {
		String long_ = "稻".repeat(40_000);
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TEMP TABLE texts (position INTEGER, label TEXT)");
			try (BinaryCopy copy = BinaryCopy.into(connection, "texts (position, label)")) {
				for (int i = 0; i < 5_000; i++) {
					copy.row(i, (i % 1000 == 0) ? long_ : "row " + i);
				}
			}
			try (ResultSet rs = statement
				.executeQuery("SELECT count(*), sum(length(label)), max(position), min(position) FROM texts")) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(5_000);
				long expected = 0;
				for (int i = 0; i < 5_000; i++) {
					expected += (i % 1000 == 0) ? long_.length() : ("row " + i).length();
				}
				assertThat(rs.getLong(2)).isEqualTo(expected);
				assertThat(rs.getInt(3)).isEqualTo(4_999);
			}
		}
	}

	@Test
	void aValueOfAnotherTypeThanItsColumnIsRefusedAndNothingOfTheCopyStays() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TEMP TABLE counted (position INTEGER, quantity INTEGER)");
			assertThatThrownBy(() -> {
				try (BinaryCopy copy = BinaryCopy.into(connection, "counted (position, quantity)")) {
					copy.row(1, 5);
					copy.row(2, "fifty");
				}
			}).isInstanceOf(SQLException.class).hasMessageContaining("binary");
			try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM counted")) {
				rs.next();
				assertThat(rs.getInt(1)).isZero();
			}
		}
	}

	@Test
	void aValueWithoutABinaryFormIsRefusedNoRowIsTakenAfterItAndTheCopyIsCancelled() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TEMP TABLE doubles (position INTEGER, ratio DOUBLE PRECISION)");
			try (BinaryCopy copy = BinaryCopy.into(connection, "doubles (position, ratio)")) {
				copy.row(1, null);
				assertThatThrownBy(() -> copy.row(2, 0.5)).isInstanceOf(IllegalArgumentException.class)
					.hasMessageContaining("java.lang.Double");
				// a caller that went on would send a row behind half of one
				assertThatThrownBy(() -> copy.row(3, null)).isInstanceOf(IllegalStateException.class);
			}
			try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM doubles")) {
				rs.next();
				assertThat(rs.getInt(1)).as("the COPY was cancelled, the connection still serves").isZero();
			}
		}
	}

	enum Status {

		SHIPPED

	}

}

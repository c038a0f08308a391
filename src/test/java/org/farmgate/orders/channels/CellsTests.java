package org.farmgate.orders.channels;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cells of an export read the same whether a value comes plain (the quick way) or
 * dressed with what the seller centres add (currency signs, spaces, quotes, tabs).
 */
class CellsTests {

	/** How an amount may be written once what dresses it is taken off. */
	private static final Pattern AMOUNT = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,4})?");

	@Test
	void aTimeIsReadInChinaStandardTimeAndInSummerTimeInTheSummersChinaKeptIt() {
		assertThat(Cells.time("2026-07-01 10:00:00")).isEqualTo(java.time.Instant.parse("2026-07-01T02:00:00Z"));
		assertThat(Cells.time("1992-07-01 10:00:00")).isEqualTo(java.time.Instant.parse("1992-07-01T02:00:00Z"));
		assertThat(Cells.time("1991-07-01 10:00:00")).as("UTC+9 in the summer of 1991")
			.isEqualTo(java.time.Instant.parse("1991-07-01T01:00:00Z"));
		assertThat(Cells.time("2026/07/01 10:00:00")).as("another layout, read through the zone's rules")
			.isEqualTo(java.time.Instant.parse("2026-07-01T02:00:00Z"));
	}

	@Test
	void aPlainAmountIsExactlyANumberAsAmountsAreWritten() {
		for (String cell : List.of("0", "7", "39.90", "-12.5", "123456789012", "1234567890123", "1.23456", "1.2345",
				"1.", ".5", "-", "", "1e5", "1,000", "39.90元", " 39.90", "+1", "--1", "٣", "1.2.3")) {
			assertThat(Cells.plainAmount(cell)).as(cell).isEqualTo(AMOUNT.matcher(cell).matches());
		}
	}

	@Test
	void anAmountReadsTheSamePlainAndDressed() {
		assertThat(Cells.amount("39.90")).isEqualTo(new BigDecimal("39.90")).isEqualTo(Cells.amount("￥39.90 元"));
		assertThat(Cells.amount("1000")).isEqualTo(Cells.amount("1,000"));
		assertThat(Cells.amount("1.2345")).isEqualTo(new BigDecimal("1.23")).isEqualTo(Cells.amount("1.2345元"));
		assertThat(Cells.amount("-5")).isEqualTo(new BigDecimal("-5"));
		assertThat(Cells.quantity("3")).isEqualTo(3).isEqualTo(Cells.quantity(" 3 "));
		assertThat(Cells.amount("-")).isNull();
		assertThatThrownBy(() -> Cells.amount("1E300000000")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Cells.quantity("1.5")).isInstanceOf(ArithmeticException.class);
	}

	@Test
	void anIdReadsTheSamePlainAndDressed() {
		assertThat(Cells.id("2543")).isEqualTo("2543")
			.isEqualTo(Cells.id("=\"2543\""))
			.isEqualTo(Cells.id("'2543"))
			.isEqualTo(Cells.id("\t2543 "));
		assertThat(Cells.id("XF-SC-1500")).isEqualTo("XF-SC-1500");
		assertThat(Cells.id("")).isEmpty();
		assertThat(Cells.id(null)).isEmpty();
	}

}

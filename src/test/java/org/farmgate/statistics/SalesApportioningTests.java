package org.farmgate.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.farmgate.orders.OrderPaid;
import org.farmgate.registry.Platform;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment is shared among its lines by their amounts, to the cent, the last line taking
 * what rounding leaves, so that products add up to the orders.
 */
class SalesApportioningTests {

	private static final UUID A = UUID.randomUUID();

	private static final UUID B = UUID.randomUUID();

	@Test
	void sharesFollowTheLineAmountsAndAddUpToThePaidAmount() {
		SalesRollup.Sale sale = SalesRollup.Sale.of(paid("90.00", line(A, 2, "60.00"), line(B, 1, "30.00")));
		assertThat(sale.lines().shares()).containsExactly(new BigDecimal("60.00"), new BigDecimal("30.00"));
		assertThat(sale.lines().quantities()).containsExactly(2, 1);
	}

	@Test
	void aDiscountIsSharedByTheLineAmountsAndTheLastLineTakesTheRounding() {
		// 100 paid for lines of 33.33 + 33.33 + 33.35 = 100.01: 33.3267 rounds to 33.33
		// twice, the last takes 33.34
		SalesRollup.Sale sale = SalesRollup.Sale
			.of(paid("100.00", line(A, 1, "33.33"), line(B, 1, "33.33"), line(null, 1, "33.35")));
		assertThat(sale.lines().shares()).containsExactly(new BigDecimal("33.33"), new BigDecimal("33.33"),
				new BigDecimal("33.34"));
		assertThat(sale.lines().skuIds()).containsExactly(A, B, SalesRollup.UNMATCHED);
		assertThat(sum(sale.lines().shares())).isEqualByComparingTo("100.00");
	}

	@Test
	void sharesOfThreeEqualLinesAddUpToAnAmountThatDoesNotDivide() {
		SalesRollup.Sale sale = SalesRollup.Sale
			.of(paid("10.00", line(A, 1, "5.00"), line(A, 1, "5.00"), line(B, 1, "5.00")));
		assertThat(sale.lines().shares()).containsExactly(new BigDecimal("3.33"), new BigDecimal("3.33"),
				new BigDecimal("3.34"));
	}

	@Test
	void linesWithoutAmountsShareThePaymentEvenly() {
		SalesRollup.Sale sale = SalesRollup.Sale.of(paid("10.00", new OrderPaid.Line(A, 1, null),
				new OrderPaid.Line(B, 1, BigDecimal.ZERO), new OrderPaid.Line(null, 1, null)));
		assertThat(sum(sale.lines().shares())).isEqualByComparingTo("10.00");
		assertThat(sale.lines().shares()[0]).isEqualByComparingTo("3.33");
		assertThat(sale.lines().shares()[2]).isEqualByComparingTo("3.34");
	}

	@Test
	void manyOddLinesStillAddUpToThePaidAmountToTheCent() {
		for (int n = 2; n <= 9; n++) {
			OrderPaid.Line[] lines = new OrderPaid.Line[n];
			for (int i = 0; i < n; i++) {
				lines[i] = line(A, 1, BigDecimal.valueOf(101 + 37 * i, 2).toPlainString());
			}
			SalesRollup.Sale sale = SalesRollup.Sale.of(paid("77.77", lines));
			assertThat(sum(sale.lines().shares())).as("%d lines", n).isEqualByComparingTo("77.77");
			assertThat(Arrays.stream(sale.lines().shares()))
				.allSatisfy(share -> assertThat(share.scale()).isLessThanOrEqualTo(2));
		}
	}

	@Test
	void theDayOfASaleIsItsDayInShanghai() {
		OrderPaid payment = new OrderPaid(UUID.randomUUID(), "1", UUID.randomUUID(), UUID.randomUUID(), "520302",
				Platform.TAOBAO, new BigDecimal("1.00"), null, null, null, Instant.parse("2025-11-10T16:00:00Z"),
				List.of(line(A, 1, "1.00")), Instant.now());
		SalesRollup.Sale sale = SalesRollup.Sale.of(payment);
		assertThat(sale.day()).hasToString("2025-11-11");
		assertThat(sale.provinceCode()).isEmpty();
	}

	private static BigDecimal sum(BigDecimal[] values) {
		return Arrays.stream(values).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static OrderPaid.Line line(UUID sku, int quantity, String amount) {
		return new OrderPaid.Line(sku, quantity, new BigDecimal(amount));
	}

	private static OrderPaid paid(String amount, OrderPaid.Line... lines) {
		return new OrderPaid(UUID.randomUUID(), "1", UUID.randomUUID(), UUID.randomUUID(), "520302", Platform.TAOBAO,
				new BigDecimal(amount), "310000", "310100", "310101", Instant.parse("2025-06-01T02:00:00Z"),
				List.of(lines), Instant.now());
	}

}

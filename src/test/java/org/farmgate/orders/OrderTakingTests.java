package org.farmgate.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.geo.Resolution;
import org.farmgate.geo.ResolutionStatus;
import org.farmgate.orders.channels.ChannelLine;
import org.farmgate.orders.channels.ChannelOrder;
import org.farmgate.registry.Platform;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What taking a report does to an order, without a database: the address is resolved when
 * it is new or changed, and not again when the same address is sent again.
 */
class OrderTakingTests {

	private static final ShopContext SHOP = new ShopContext(UUID.randomUUID(), UUID.randomUUID(), "520123",
			Platform.TAOBAO);

	private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

	private final List<String> resolved = new ArrayList<>();

	/**
	 * What the resolver makes of the next addresses (a newer division table may do
	 * better).
	 */
	private ResolutionStatus resolves = ResolutionStatus.OK;

	private final OrderTaking taking = new OrderTaking(new OrderTaking.Lookups(key -> Optional.empty(), address -> {
		this.resolved.add(address);
		return (this.resolves == ResolutionStatus.OK) ? new Resolution("320000", "320100", "320106",
				ResolutionStatus.OK, "江苏省", "南京市", "鼓楼区", List.of(), "test")
				: new Resolution(null, null, null, this.resolves, null, null, null, List.of(), "test");
	}, sku -> Optional.empty(), () -> {
	}), null);

	@Test
	void anAddressSentAgainUnchangedIsNotResolvedAgainButAChangedOneIs() {
		Order order = take(null, report(OrderStatus.PAID, "江苏省 南京市 鼓楼区 中山路1号")).order();
		assertThat(order.destinationCode()).isEqualTo("320106");

		take(order, report(OrderStatus.SHIPPED, "江苏省 南京市 鼓楼区 中山路1号"));
		assertThat(this.resolved).as("the same address, already resolved").hasSize(1);

		take(order, report(OrderStatus.SHIPPED, "江苏省 南京市 鼓楼区 湖南路2号"));
		assertThat(this.resolved).containsExactly("江苏省 南京市 鼓楼区 中山路1号", "江苏省 南京市 鼓楼区 湖南路2号");
	}

	@Test
	void anAddressThatDidNotResolveIsTriedAgainWhenSentAgainAndItsHoldIsLiftedOnceItResolves() {
		this.resolves = ResolutionStatus.UNRESOLVED;
		Order order = take(null, report(OrderStatus.PAID, "江苏省 南京市 鼓楼区 中山路1号")).order();
		assertThat(order.holds()).contains(HoldReason.ADDRESS_UNRESOLVED);

		this.resolves = ResolutionStatus.OK;
		take(order, report(OrderStatus.PAID, "江苏省 南京市 鼓楼区 中山路1号"));

		assertThat(this.resolved).hasSize(2);
		assertThat(order.holds()).doesNotContain(HoldReason.ADDRESS_UNRESOLVED);
		assertThat(order.destinationCode()).isEqualTo("320106");
	}

	@Test
	void onlyAnAddressResolvedAsFarAsItsPlaceGoesIsNotResolvedAgain() {
		for (ResolutionStatus status : ResolutionStatus.values()) {
			this.resolved.clear();
			this.resolves = status;
			Order order = take(null, report(OrderStatus.PAID, "江苏省 南京市 鼓楼区 中山路1号")).order();

			take(order, report(OrderStatus.SHIPPED, "江苏省 南京市 鼓楼区 中山路1号"));

			assertThat(this.resolved).as(status.name()).hasSize(status.complete() ? 1 : 2);
		}
		assertThat(ResolutionStatus.NOT_GB.complete()).as("a development zone may be mapped later").isFalse();
	}

	private OrderTaking.Taken take(Order known, ChannelOrder report) {
		return this.taking.take(SHOP, known, OrderFit.fitted(report), StatusChange.ChangeSource.IMPORT, "import:test",
				NOW);
	}

	private static ChannelOrder report(OrderStatus status, String address) {
		return new ChannelOrder(Platform.TAOBAO, "T-1", 2, "buyer", null, null, NOW.minusSeconds(3600),
				NOW.minusSeconds(3000), status.shipped() ? NOW.minusSeconds(100) : null, null, status,
				AfterSaleStatus.NONE, false, new BigDecimal("39.90"), BigDecimal.ZERO, BigDecimal.ZERO,
				new BigDecimal("39.90"), BigDecimal.ZERO, "张三", "13812345678", address, List.of(new ChannelLine("1",
						"100", null, "NO-SUCH-CODE", "酸菜", 1, new BigDecimal("39.90"), new BigDecimal("39.90"))));
	}

}

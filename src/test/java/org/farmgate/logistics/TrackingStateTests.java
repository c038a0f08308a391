package org.farmgate.logistics;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping of what carriers and scanners say (Kuaidi100 states, their words and
 * sub-states, our names) to our tracking states, and the times carriers write.
 */
class TrackingStateTests {

	@ParameterizedTest
	@CsvSource({ "0, IN_TRANSIT", "1, HANDED_TO_CARRIER", "2, EXCEPTION", "3, DELIVERED", "4, RETURNED",
			"5, OUT_FOR_DELIVERY", "6, RETURNED", "7, IN_TRANSIT", "14, REFUSED", "在途, IN_TRANSIT",
			"揽收, HANDED_TO_CARRIER", "疑难, EXCEPTION", "签收, DELIVERED", "退签, RETURNED", "派件, OUT_FOR_DELIVERY",
			"退回, RETURNED", "拒签, REFUSED", "103, HANDED_TO_CARRIER", "1002, IN_TRANSIT", "203, REFUSED",
			"204, EXCEPTION", "301, DELIVERED", "501, OUT_FOR_DELIVERY", "delivered, DELIVERED",
			"AT_COUNTY_HUB, AT_COUNTY_HUB" })
	void aCarriersStateMapsToOurs(String said, TrackingState ours) {
		assertThat(TrackingState.of(said)).contains(ours);
	}

	@Test
	void aStateThatMeansNothingMapsToNone() {
		assertThat(TrackingState.of("99")).isEmpty();
		assertThat(TrackingState.of("shipped-ish")).isEmpty();
		assertThat(TrackingState.of(" ")).isEmpty();
		assertThat(TrackingState.of(null)).isEmpty();
	}

	@Test
	void exceptionsReturnsAndRefusalsNeedAttentionAndDeliveriesDoNot() {
		assertThat(TrackingState.EXCEPTION.needsAttention()).isTrue();
		assertThat(TrackingState.RETURNED.needsAttention()).isTrue();
		assertThat(TrackingState.REFUSED.needsAttention()).isTrue();
		assertThat(TrackingState.DELIVERED.needsAttention()).isFalse();
	}

	@Test
	void carriersWriteTimesWithAnOffsetOrInChinasTime() {
		assertThat(TrackingManagement.time("2026-11-30T10:00:00+08:00"))
			.contains(Instant.parse("2026-11-30T02:00:00Z"));
		assertThat(TrackingManagement.time("2026-11-30 10:00:00")).contains(Instant.parse("2026-11-30T02:00:00Z"));
		assertThat(TrackingManagement.time("2026-11-30 10:00")).contains(Instant.parse("2026-11-30T02:00:00Z"));
		assertThat(TrackingManagement.time("30/11/2026")).isEmpty();
	}

	@Test
	void aParcelKeepsItsLatestStateWhenAnOlderEventArrivesLate() {
		Shipment parcel = new Shipment(java.util.UUID.randomUUID(), "520122", java.util.UUID.randomUUID(),
				java.util.UUID.randomUUID(), org.farmgate.registry.Platform.TAOBAO, null, "张三", "13812345678", "地址",
				"320000", "320106", 1000, null, null, null, Carrier.SF, "SF1234567890123", 1200L,
				ShipmentStatus.SHIPPED, null, null, Instant.parse("2026-11-28T00:00:00Z"), "merchant",
				Instant.parse("2026-11-28T00:00:00Z"), null, java.util.Set.of(), 1);

		assertThat(parcel.track(TrackingState.DELIVERED, Instant.parse("2026-11-30T00:00:00Z"))).isTrue();
		assertThat(parcel.track(TrackingState.IN_TRANSIT, Instant.parse("2026-11-29T00:00:00Z"))).isFalse();

		assertThat(parcel.toView(false).trackingState()).isEqualTo(TrackingState.DELIVERED);
		assertThat(parcel.status()).isEqualTo(ShipmentStatus.DELIVERED);
		assertThat(parcel.toView(false).recipientPhone()).doesNotContain("12345678");
	}

}

package org.farmgate.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.farmgate.registry.Platform;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An import chunk's publication as the event publication registry keeps it: compact, read
 * back equal, and publications kept in the older object form still read.
 */
class OrdersImportedJsonTests {

	private static final UUID SHOP = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	private static final UUID ORGANISATION = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

	private static final Instant NOW = Instant.parse("2026-11-30T08:15:30.123456Z");

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aChunkIsReadBackEqualToWhatWasWritten() {
		OrdersImported chunk = chunk(3);

		OrdersImported read = this.json.readValue(this.json.writeValueAsString(chunk), OrdersImported.class);

		assertThat(read).isEqualTo(chunk);
	}

	@Test
	void movesThatDifferFromTheChunkKeepTheirOwnShopOrganisationCountyTimeAndPlatform() {
		UUID otherOrganisation = UUID.randomUUID();
		Instant later = NOW.plusSeconds(3);
		OrderPaid tmall = new OrderPaid(UUID.randomUUID(), "T-1", SHOP, ORGANISATION, "520123", Platform.TMALL,
				new BigDecimal("12.00"), "110000", "110100", "110101", NOW.minusSeconds(60),
				List.of(new OrderPaid.Line(null, 2, new BigDecimal("12.00"))), NOW);
		OrderPaid movedOrganisation = new OrderPaid(UUID.randomUUID(), "T-2", SHOP, otherOrganisation, "520181",
				Platform.TAOBAO, null, null, null, null, null, List.of(), later);
		OrderShipped shippedLater = new OrderShipped(UUID.randomUUID(), SHOP, ORGANISATION, "520123", true, later);
		OrderRefunded refundedElsewhere = new OrderRefunded(UUID.randomUUID(), SHOP, otherOrganisation, "520123",
				new BigDecimal("0.50"), NOW);
		OrdersImported chunk = new OrdersImported(UUID.randomUUID(), UUID.randomUUID(), SHOP, ORGANISATION, "520123",
				List.of(paid("T-0", Platform.TAOBAO), tmall, movedOrganisation), List.of(shippedLater), List.of(),
				List.of(), List.of(refundedElsewhere));

		OrdersImported read = this.json.readValue(this.json.writeValueAsString(chunk), OrdersImported.class);

		assertThat(read).isEqualTo(chunk);
		assertThat(read.paid().get(1).platform()).isEqualTo(Platform.TMALL);
		assertThat(read.paid().get(2).organisationId()).isEqualTo(otherOrganisation);
		assertThat(read.paid().get(2).occurredAt()).isEqualTo(later);
		assertThat(read.shipped().get(0).occurredAt()).isEqualTo(later);
	}

	@Test
	void everyKindOfMoveKeepsWhatDiffersFromItsChunkAndAPaymentKeepsEvenANullPlatform() {
		UUID otherShop = UUID.randomUUID();
		Instant later = NOW.plusMillis(1);
		OrderPaid noPlatform = new OrderPaid(UUID.randomUUID(), "T-9", SHOP, ORGANISATION, "520123", null,
				new BigDecimal("1.00"), "110000", "110100", "110101", NOW, List.of(), NOW);
		OrdersImported chunk = new OrdersImported(UUID.randomUUID(), UUID.randomUUID(), SHOP, ORGANISATION, "520123",
				List.of(paid("T-8", Platform.TAOBAO), noPlatform),
				List.of(new OrderShipped(UUID.randomUUID(), otherShop, ORGANISATION, "520123", false, NOW)),
				List.of(new OrderCompleted(UUID.randomUUID(), SHOP, ORGANISATION, "520181", NOW)),
				List.of(new OrderCancelled(UUID.randomUUID(), SHOP, ORGANISATION, "520123", false, later)),
				List.of(new OrderRefunded(UUID.randomUUID(), SHOP, ORGANISATION, "520123", null, NOW)));

		String written = this.json.writeValueAsString(chunk);
		OrdersImported read = this.json.readValue(written, OrdersImported.class);

		assertThat(read).isEqualTo(chunk);
		assertThat(read.paid().get(1).platform()).isNull();
		assertThat(this.json.writeValueAsString(read)).as("the same text again, to find its row").isEqualTo(written);
	}

	@Test
	void aChunkWithoutPaymentsKeepsAMoveThatDiffers() {
		OrdersImported chunk = new OrdersImported(UUID.randomUUID(), UUID.randomUUID(), SHOP, ORGANISATION, "520123",
				List.of(),
				List.of(new OrderShipped(UUID.randomUUID(), SHOP, ORGANISATION, "520123", false, NOW),
						new OrderShipped(UUID.randomUUID(), SHOP, UUID.randomUUID(), "520123", true, NOW)),
				List.of(), List.of(), List.of());

		assertThat(this.json.readValue(this.json.writeValueAsString(chunk), OrdersImported.class)).isEqualTo(chunk);
	}

	@Test
	void amountsKeepTheirScale() {
		OrdersImported chunk = chunk(1);

		OrdersImported read = this.json.readValue(this.json.writeValueAsString(chunk), OrdersImported.class);

		assertThat(read.paid().get(0).paidAmount().toString()).isEqualTo("79.80");
		assertThat(read.refunded().get(0).refundedAmount().toString()).isEqualTo("10.00");
	}

	@Test
	void aPublicationKeptInTheOlderObjectFormIsStillRead() {
		OrdersImported chunk = chunk(2);
		String olderForm = objectForm(chunk);
		assertThat(olderForm).contains("\"paidAmount\":");

		// the object form wrote amounts as numbers: read back equal in value (79.8)
		assertThat(this.json.readValue(olderForm, OrdersImported.class)).usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(chunk);
	}

	@Test
	void aChunksPaymentsTakeAThirdOfTheRoomTheyTookAsObjects() {
		OrdersImported chunk = chunk(2_000);

		int compact = this.json.writeValueAsString(chunk).length();
		int objects = objectForm(chunk).length();

		assertThat(compact * 3).isLessThan(objects);
	}

	@Test
	void aFormNewerThanThisVersionIsRefusedWithItsNumber() {
		assertThatThrownBy(() -> this.json.readValue("{\"v\":3,\"paid\":[]}", OrdersImported.class))
			.hasMessageContaining("form 3");
	}

	/**
	 * The chunk as the registry kept it before the compact form: every move an object.
	 */
	private String objectForm(OrdersImported chunk) {
		Map<String, Object> older = new LinkedHashMap<>();
		older.put("id", chunk.id());
		older.put("importJobId", chunk.importJobId());
		older.put("shopId", chunk.shopId());
		older.put("organisationId", chunk.organisationId());
		older.put("countyCode", chunk.countyCode());
		older.put("paid", chunk.paid());
		older.put("shipped", chunk.shipped());
		older.put("completed", chunk.completed());
		older.put("cancelled", chunk.cancelled());
		older.put("refunded", chunk.refunded());
		return this.json.writeValueAsString(older);
	}

	private static OrdersImported chunk(int orders) {
		List<OrderPaid> paid = new ArrayList<>();
		List<OrderShipped> shipped = new ArrayList<>();
		List<OrderCompleted> completed = new ArrayList<>();
		for (int i = 0; i < orders; i++) {
			OrderPaid one = paid("T-" + i, Platform.TAOBAO);
			paid.add(one);
			shipped.add(new OrderShipped(one.orderId(), SHOP, ORGANISATION, "520123", false, NOW));
			completed.add(new OrderCompleted(one.orderId(), SHOP, ORGANISATION, "520123", NOW));
		}
		return new OrdersImported(UUID.randomUUID(), UUID.randomUUID(), SHOP, ORGANISATION, "520123", paid, shipped,
				completed, List.of(new OrderCancelled(paid.get(0).orderId(), SHOP, ORGANISATION, "520123", true, NOW)),
				List.of(new OrderRefunded(paid.get(0).orderId(), SHOP, ORGANISATION, "520123", new BigDecimal("10.00"),
						NOW)));
	}

	private static OrderPaid paid(String number, Platform platform) {
		return new OrderPaid(UUID.randomUUID(), number, SHOP, ORGANISATION, "520123", platform, new BigDecimal("79.80"),
				"440000", "440300", "440305", Instant.parse("2026-03-01T02:03:04Z"),
				List.of(new OrderPaid.Line(UUID.randomUUID(), 1, new BigDecimal("59.90")),
						new OrderPaid.Line(null, 1, new BigDecimal("19.90"))),
				NOW);
	}

}

package org.farmgate.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import org.farmgate.registry.Platform;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * How an {@link OrdersImported} is kept in the event publication registry (since decision
 * 0016 only a chunk the statistics deferred, and those kept before): compact, since a
 * chunk of 2,000 orders carries as many payments and the registry writes its text,
 * indexes it and writes it again to mark it completed (decision 0008). The chunk's shop,
 * organisation, county, platform and time are written once; each move as an array of its
 * own values, with a tail of what differs from the chunk's (an order kept under an
 * organisation it had before, a Tmall order in a Taobao shop) only when something does.
 * Amounts are written as text, so that their scale stays. Publications kept before this
 * form (objects, one per move, with every field) are still read.
 */
final class OrdersImportedJson {

	/**
	 * The form's version, written first; publications without one are in the old form.
	 */
	static final int VERSION = 2;

	private OrdersImportedJson() {
	}

	/** Writes the compact form. */
	static final class Writer extends ValueSerializer<OrdersImported> {

		@Override
		public void serialize(OrdersImported chunk, JsonGenerator out, SerializationContext context) {
			Chunk at = Chunk.of(chunk);
			out.writeStartObject();
			out.writeNumberProperty("v", VERSION);
			out.writeStringProperty("id", text(chunk.id()));
			out.writeStringProperty("importJobId", text(chunk.importJobId()));
			out.writeStringProperty("shopId", text(chunk.shopId()));
			out.writeStringProperty("organisationId", text(chunk.organisationId()));
			out.writeStringProperty("countyCode", chunk.countyCode());
			out.writeStringProperty("platform", (at.platform() != null) ? at.platform().name() : null);
			out.writeStringProperty("occurredAt", text(at.occurredAt()));
			out.writeArrayPropertyStart("paid");
			for (OrderPaid paid : chunk.paid()) {
				out.writeStartArray();
				out.writeString(text(paid.orderId()));
				out.writeString(paid.platformOrderNo());
				out.writeString(text(paid.paidAmount()));
				out.writeString(paid.provinceCode());
				out.writeString(paid.cityCode());
				out.writeString(paid.destinationCode());
				out.writeString(text(paid.paidAt()));
				out.writeStartArray();
				for (OrderPaid.Line line : paid.lines()) {
					out.writeStartArray();
					out.writeString(text(line.skuId()));
					out.writeNumber(line.quantity());
					out.writeString(text(line.amount()));
					out.writeEndArray();
				}
				out.writeEndArray();
				at.differences(out, paid.shopId(), paid.organisationId(), paid.countyCode(), paid.occurredAt(), true,
						paid.platform());
				out.writeEndArray();
			}
			out.writeEndArray();
			out.writeArrayPropertyStart("shipped");
			for (OrderShipped shipped : chunk.shipped()) {
				out.writeStartArray();
				out.writeString(text(shipped.orderId()));
				out.writeBoolean(shipped.partially());
				at.differences(out, shipped.shopId(), shipped.organisationId(), shipped.countyCode(),
						shipped.occurredAt(), false, null);
				out.writeEndArray();
			}
			out.writeEndArray();
			out.writeArrayPropertyStart("completed");
			for (OrderCompleted completed : chunk.completed()) {
				out.writeStartArray();
				out.writeString(text(completed.orderId()));
				at.differences(out, completed.shopId(), completed.organisationId(), completed.countyCode(),
						completed.occurredAt(), false, null);
				out.writeEndArray();
			}
			out.writeEndArray();
			out.writeArrayPropertyStart("cancelled");
			for (OrderCancelled cancelled : chunk.cancelled()) {
				out.writeStartArray();
				out.writeString(text(cancelled.orderId()));
				out.writeBoolean(cancelled.wasPaid());
				at.differences(out, cancelled.shopId(), cancelled.organisationId(), cancelled.countyCode(),
						cancelled.occurredAt(), false, null);
				out.writeEndArray();
			}
			out.writeEndArray();
			out.writeArrayPropertyStart("refunded");
			for (OrderRefunded refunded : chunk.refunded()) {
				out.writeStartArray();
				out.writeString(text(refunded.orderId()));
				out.writeString(text(refunded.refundedAmount()));
				at.differences(out, refunded.shopId(), refunded.organisationId(), refunded.countyCode(),
						refunded.occurredAt(), false, null);
				out.writeEndArray();
			}
			out.writeEndArray();
			out.writeEndObject();
		}

	}

	/** Reads the compact form, and the old one of publications kept before it. */
	static final class Reader extends ValueDeserializer<OrdersImported> {

		@Override
		public OrdersImported deserialize(JsonParser in, DeserializationContext context) {
			JsonNode json = context.readTree(in);
			if (!json.has("v")) {
				return old(json, context);
			}
			if (json.get("v").asInt() != VERSION) {
				throw new IllegalArgumentException("an OrdersImported of form " + json.get("v").asInt()
						+ " is newer than this version of Farmgate reads");
			}
			UUID shopId = uuid(json.get("shopId"));
			UUID organisationId = uuid(json.get("organisationId"));
			String countyCode = string(json.get("countyCode"));
			Platform platform = platform(json.get("platform"));
			Instant occurredAt = instant(json.get("occurredAt"));
			List<OrderPaid> paid = each(json.get("paid"), move -> {
				List<OrderPaid.Line> lines = new ArrayList<>(move.get(7).size());
				for (JsonNode line : move.get(7)) {
					lines.add(new OrderPaid.Line(uuid(line.get(0)), line.get(1).asInt(), amount(line.get(2))));
				}
				Tail tail = new Tail(move, 8, shopId, organisationId, countyCode, occurredAt);
				return new OrderPaid(uuid(move.get(0)), string(move.get(1)), tail.shopId(), tail.organisationId(),
						tail.countyCode(), tail.platform(platform), amount(move.get(2)), string(move.get(3)),
						string(move.get(4)), string(move.get(5)), instant(move.get(6)), lines, tail.occurredAt());
			});
			List<OrderShipped> shipped = each(json.get("shipped"), move -> {
				Tail tail = new Tail(move, 2, shopId, organisationId, countyCode, occurredAt);
				return new OrderShipped(uuid(move.get(0)), tail.shopId(), tail.organisationId(), tail.countyCode(),
						move.get(1).asBoolean(), tail.occurredAt());
			});
			List<OrderCompleted> completed = each(json.get("completed"), move -> {
				Tail tail = new Tail(move, 1, shopId, organisationId, countyCode, occurredAt);
				return new OrderCompleted(uuid(move.get(0)), tail.shopId(), tail.organisationId(), tail.countyCode(),
						tail.occurredAt());
			});
			List<OrderCancelled> cancelled = each(json.get("cancelled"), move -> {
				Tail tail = new Tail(move, 2, shopId, organisationId, countyCode, occurredAt);
				return new OrderCancelled(uuid(move.get(0)), tail.shopId(), tail.organisationId(), tail.countyCode(),
						move.get(1).asBoolean(), tail.occurredAt());
			});
			List<OrderRefunded> refunded = each(json.get("refunded"), move -> {
				Tail tail = new Tail(move, 2, shopId, organisationId, countyCode, occurredAt);
				return new OrderRefunded(uuid(move.get(0)), tail.shopId(), tail.organisationId(), tail.countyCode(),
						amount(move.get(1)), tail.occurredAt());
			});
			return new OrdersImported(uuid(json.get("id")), uuid(json.get("importJobId")), shopId, organisationId,
					countyCode, paid, shipped, completed, cancelled, refunded);
		}

		/**
		 * A publication kept before the compact form: every move an object. Its amounts
		 * are read through the tree as doubles: exact for the 14 digits of an order's
		 * amount (NUMERIC(14,2)), though 79.80 comes back as 79.8.
		 */
		private static OrdersImported old(JsonNode json, DeserializationContext context) {
			return new OrdersImported(uuid(json.get("id")), uuid(json.get("importJobId")), uuid(json.get("shopId")),
					uuid(json.get("organisationId")), string(json.get("countyCode")),
					each(json.get("paid"), move -> context.readTreeAsValue(move, OrderPaid.class)),
					each(json.get("shipped"), move -> context.readTreeAsValue(move, OrderShipped.class)),
					each(json.get("completed"), move -> context.readTreeAsValue(move, OrderCompleted.class)),
					each(json.get("cancelled"), move -> context.readTreeAsValue(move, OrderCancelled.class)),
					each(json.get("refunded"), move -> context.readTreeAsValue(move, OrderRefunded.class)));
		}

		private static <T> List<T> each(JsonNode moves, Function<JsonNode, T> read) {
			if (moves == null || moves.isNull()) {
				return List.of();
			}
			List<T> taken = new ArrayList<>(moves.size());
			for (JsonNode move : moves) {
				taken.add(read.apply(move));
			}
			return taken;
		}

	}

	/**
	 * What a chunk's moves have in common: its shop, organisation and county (the
	 * event's), and the platform and time of its first moves.
	 */
	private record Chunk(UUID shopId, UUID organisationId, String countyCode, Platform platform, Instant occurredAt) {

		static Chunk of(OrdersImported chunk) {
			Platform platform = chunk.paid().isEmpty() ? null : chunk.paid().get(0).platform();
			Instant occurredAt = null;
			for (List<?> moves : List.of(chunk.paid(), chunk.shipped(), chunk.completed(), chunk.cancelled(),
					chunk.refunded())) {
				if (occurredAt == null && !moves.isEmpty()) {
					occurredAt = occurredAt(moves.get(0));
				}
			}
			return new Chunk(chunk.shopId(), chunk.organisationId(), chunk.countyCode(), platform, occurredAt);
		}

		/**
		 * The tail of a move: nothing when it shares everything with the chunk, else its
		 * shop, organisation, county, time and platform (null where they are the
		 * chunk's).
		 */
		void differences(JsonGenerator out, UUID shopId, UUID organisationId, String countyCode, Instant occurredAt,
				boolean payment, Platform platform) {
			boolean same = Objects.equals(shopId, this.shopId) && Objects.equals(organisationId, this.organisationId)
					&& Objects.equals(countyCode, this.countyCode) && Objects.equals(occurredAt, this.occurredAt)
					&& (!payment || platform == this.platform);
			if (same) {
				return;
			}
			out.writeString(text(shopId));
			out.writeString(text(organisationId));
			out.writeString(countyCode);
			out.writeString(text(occurredAt));
			if (payment) {
				out.writeString((platform != null) ? platform.name() : null);
			}
		}

		private static Instant occurredAt(Object move) {
			if (move instanceof OrderPaid paid) {
				return paid.occurredAt();
			}
			if (move instanceof OrderShipped shipped) {
				return shipped.occurredAt();
			}
			if (move instanceof OrderCompleted completed) {
				return completed.occurredAt();
			}
			if (move instanceof OrderCancelled cancelled) {
				return cancelled.occurredAt();
			}
			return ((OrderRefunded) move).occurredAt();
		}

	}

	/**
	 * The tail of a move read back: its own values where it has them, else the chunk's.
	 */
	private record Tail(JsonNode move, int from, UUID chunkShopId, UUID chunkOrganisationId, String chunkCountyCode,
			Instant chunkOccurredAt) {

		boolean has(int index) {
			return this.move.size() > this.from + index;
		}

		UUID shopId() {
			return has(0) ? uuid(this.move.get(this.from)) : this.chunkShopId;
		}

		UUID organisationId() {
			return has(1) ? uuid(this.move.get(this.from + 1)) : this.chunkOrganisationId;
		}

		Platform platform(Platform chunkPlatform) {
			return has(4) ? OrdersImportedJson.platform(this.move.get(this.from + 4)) : chunkPlatform;
		}

		String countyCode() {
			return has(2) ? string(this.move.get(this.from + 2)) : this.chunkCountyCode;
		}

		Instant occurredAt() {
			return has(3) ? instant(this.move.get(this.from + 3)) : this.chunkOccurredAt;
		}

	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		return (value instanceof BigDecimal amount) ? amount.toPlainString() : value.toString();
	}

	private static String string(JsonNode value) {
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static UUID uuid(JsonNode value) {
		String text = string(value);
		return (text != null) ? UUID.fromString(text) : null;
	}

	private static Instant instant(JsonNode value) {
		String text = string(value);
		return (text != null) ? Instant.parse(text) : null;
	}

	private static BigDecimal amount(JsonNode value) {
		String text = string(value);
		return (text != null) ? new BigDecimal(text) : null;
	}

	private static Platform platform(JsonNode value) {
		String text = string(value);
		return (text != null) ? Platform.valueOf(text) : null;
	}

}

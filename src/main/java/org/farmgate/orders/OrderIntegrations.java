package org.farmgate.orders;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopOwner;
import org.farmgate.registry.ShopView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders that integrations send: through the API with an {@code Idempotency-Key}, and
 * through a shop's webhook, signed with HMAC-SHA256 of the timestamp followed by the body
 * under the shop's webhook secret ({@code X-Farmgate-Timestamp} in Unix seconds,
 * {@code X-Farmgate-Signature} in hex); a bad signature or a timestamp more than five
 * minutes away is refused as unauthenticated. A webhook may also carry a buyer's message,
 * which alerts the merchant.
 */
@Service
public class OrderIntegrations {

	static final Duration WEBHOOK_WINDOW = Duration.ofMinutes(5);

	private final OrderIntake intake;

	private final OrderRepository orders;

	private final RegistryManagement registry;

	private final MerchantAlerts alerts;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	/**
	 * Each call is one transaction, made again when it meets another writer of its order
	 * (an import chunk, a deadlock on stock rows): everything it wrote is rolled back
	 * with it.
	 */
	private final TransactionTemplate transaction;

	OrderIntegrations(OrderIntake intake, OrderRepository orders, RegistryManagement registry, MerchantAlerts alerts,
			JdbcClient jdbc, JsonMapper json, Clock clock, PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.intake = intake;
		this.orders = orders;
		this.registry = registry;
		this.alerts = alerts;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Takes an order sent through the API; the same key with the same body answers the
	 * first result again, with another body it is refused.
	 */
	public Received receive(SignedInUser user, UUID shopId, String idempotencyKey, String body) {
		return OrderConflicts
			.retried(() -> this.transaction.execute(status -> receiveOnce(user, shopId, idempotencyKey, body)));
	}

	private Received receiveOnce(SignedInUser user, UUID shopId, String idempotencyKey, String body) {
		OrderRoles.requireWriter(user, "does not send orders");
		ShopView shop = this.registry.shop(user, shopId).orElseThrow(OrderException::notFound);
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
			throw OrderException.because("orders.message.idempotency-key");
		}
		String hash = sha256(body);
		// two requests with the same key at once: the second waits for the first to
		// commit,
		// then finds its row
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param(shopId + ":" + idempotencyKey)
			.query((rs, n) -> 1)
			.single();
		Optional<String[]> earlier = this.jdbc
			.sql("SELECT request_hash, order_id FROM orders_idempotency WHERE shop_id = ? AND key = ?")
			.params(shopId, idempotencyKey)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
		if (earlier.isPresent()) {
			if (!earlier.get()[0].equals(hash)) {
				throw OrderException.because("orders.message.key-reused");
			}
			return new Received(this.orders.findById(UUID.fromString(earlier.get()[1])).orElseThrow().toView(), false);
		}
		OrderView taken = take(owner(shopId), parse(body), StatusChange.ChangeSource.API, "key:" + idempotencyKey);
		int stored = this.jdbc.sql("""
				INSERT INTO orders_idempotency (shop_id, key, request_hash, order_id, created_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(shopId, idempotencyKey, hash, taken.id(), Timestamp.from(this.clock.instant()))
			.update();
		return new Received(taken, stored == 1);
	}

	/**
	 * Takes a webhook call to a shop after checking its signature.
	 * @throws WebhookRefusedException when the signature or the timestamp is not right
	 */
	public OrderView webhook(UUID shopId, String timestamp, String signature, String body) {
		return OrderConflicts
			.retried(() -> this.transaction.execute(status -> webhookOnce(shopId, timestamp, signature, body)));
	}

	private OrderView webhookOnce(UUID shopId, String timestamp, String signature, String body) {
		ShopOwner shop = this.registry.ownerOf(shopId)
			.filter(ShopOwner::active)
			.orElseThrow(WebhookRefusedException::new);
		long seconds;
		try {
			seconds = Long.parseLong((timestamp != null) ? timestamp.strip() : "");
		}
		catch (NumberFormatException ex) {
			throw new WebhookRefusedException();
		}
		if (Math.abs(seconds - this.clock.instant().getEpochSecond()) > WEBHOOK_WINDOW.toSeconds()) {
			throw new WebhookRefusedException();
		}
		String secret = this.registry.webhookSecretOf(shopId).orElseThrow(WebhookRefusedException::new);
		byte[] expected = hmac(secret, timestamp.strip() + body);
		byte[] given;
		try {
			String hex = (signature != null) ? signature.strip().replaceFirst("^sha256=", "") : "";
			given = HexFormat.of().parseHex(hex);
		}
		catch (IllegalArgumentException ex) {
			throw new WebhookRefusedException();
		}
		if (!MessageDigest.isEqual(expected, given)) {
			throw new WebhookRefusedException();
		}
		WebhookCall call = parseCall(body);
		boolean first = this.jdbc.sql(
				"INSERT INTO orders_webhook_call (signature, shop_id, taken_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(HexFormat.of().formatHex(expected), shopId, java.sql.Timestamp.from(this.clock.instant()))
			.update() == 1;
		if (!first) {
			// a replay within the window: answer as before, act on nothing
			String number = (call.order() != null) ? call.order().platformOrderNo() : call.platformOrderNo();
			return this.orders.findByPlatformOrderNo(shopId, (number != null) ? number.strip() : "")
				.map(Order::toView)
				.orElseThrow(() -> OrderException.because("orders.error.not-found"));
		}
		if (call.type() == WebhookCall.Type.MESSAGE) {
			Order order = this.orders.findByPlatformOrderNo(shopId, call.platformOrderNo())
				.orElseThrow(() -> OrderException.because("orders.error.not-found"));
			this.alerts.buyerWrote(order, call.message());
			return order.toView();
		}
		if (call.order() == null) {
			throw OrderException.because("orders.message.order-missing");
		}
		return take(shop, call.order(), StatusChange.ChangeSource.WEBHOOK, "webhook");
	}

	private OrderView take(ShopOwner shop, OrderMessage message, StatusChange.ChangeSource source, String ref) {
		ShopContext context = new ShopContext(shop.shopId(), shop.organisationId(), shop.countyCode(), shop.platform());
		return this.intake.takeInCallersTransaction(context, message.toChannelOrder(shop.platform()), source, ref)
			.toView();
	}

	private ShopOwner owner(UUID shopId) {
		return this.registry.ownerOf(shopId).orElseThrow(OrderException::notFound);
	}

	private OrderMessage parse(String body) {
		try {
			OrderMessage message = this.json.readValue(body, OrderMessage.class);
			if (message == null) {
				throw OrderException.because("orders.message.unreadable");
			}
			return message;
		}
		catch (OrderException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw OrderException.because("orders.message.unreadable");
		}
	}

	private WebhookCall parseCall(String body) {
		try {
			WebhookCall call = this.json.readValue(body, WebhookCall.class);
			if (call == null) {
				throw OrderException.because("orders.message.unreadable");
			}
			return call;
		}
		catch (OrderException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw OrderException.because("orders.message.unreadable");
		}
	}

	/** Forgets webhook calls older than a day (their window closed long ago). */
	@org.springframework.scheduling.annotation.Scheduled(fixedDelay = 1, initialDelay = 1,
			timeUnit = java.util.concurrent.TimeUnit.HOURS)
	void forgetOldCalls() {
		this.jdbc.sql("DELETE FROM orders_webhook_call WHERE taken_at < ?")
			.param(java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofDays(1))))
			.update();
	}

	static byte[] hmac(String secret, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static String sha256(String body) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What an API call did: the order, and whether this call took it (false: the same key
	 * was sent before).
	 */
	public record Received(OrderView order, boolean first) {
	}

	/**
	 * A webhook call: an order (created or moved on), or a buyer's message about one.
	 */
	record WebhookCall(Type type, OrderMessage order, String platformOrderNo, String message) {

		WebhookCall {
			type = (type != null) ? type : Type.ORDER;
		}

		enum Type {

			ORDER, MESSAGE

		}

	}

}

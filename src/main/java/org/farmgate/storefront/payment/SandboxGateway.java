package org.farmgate.storefront.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * An online payment gateway for development: it behaves as a real one would. Starting a
 * payment sends the buyer to the gateway's own page ({@code /shop/pay/sandbox/{id}}),
 * where the buyer presses "Pay" or "Cancel"; the gateway then calls back, from another
 * thread and after the buyer's request, with a signed notification
 * ({@code POST /api/public/payments/sandbox/notify}, header {@code X-Sandbox-Signature}:
 * hex HMAC-SHA256 of {@code timestamp + "." + body} under
 * {@code farmgate.storefront.sandbox-secret}), retried a few times until answered 200.
 * <p>
 * Enabled by {@code farmgate.storefront.sandbox-gateway}, which defaults to demo mode; in
 * demo mode a secret is generated at start when none is set. The callback goes to
 * {@code farmgate.storefront.sandbox-callback-base} when set, otherwise to this server's
 * own port.
 */
@Component
@ConditionalOnExpression(SandboxGateway.ENABLED)
class SandboxGateway implements PaymentProvider, DisposableBean {

	static final String ENABLED = "${farmgate.storefront.sandbox-gateway:${farmgate.demo:false}}";

	static final String NOTIFY_PATH = "/api/public/payments/sandbox/notify";

	static final String SIGNATURE_HEADER = "X-Sandbox-Signature";

	private static final Logger logger = LoggerFactory.getLogger(SandboxGateway.class);

	/** Pauses before each delivery attempt after the first. */
	private static final Duration[] RETRIES = { Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(7) };

	private final PaymentRows rows;

	private final JsonMapper json;

	private final Environment environment;

	private final Clock clock;

	private final byte[] secret;

	private final String callbackBase;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ThreadPoolTaskExecutor callbacks = new ThreadPoolTaskExecutor();

	SandboxGateway(PaymentRows rows, JsonMapper json, Environment environment, Clock clock,
			@Value("${farmgate.storefront.sandbox-secret:}") String secret,
			@Value("${farmgate.storefront.sandbox-callback-base:}") String callbackBase,
			@Value("${farmgate.demo:false}") boolean demo) {
		this.rows = rows;
		this.json = json;
		this.environment = environment;
		this.clock = clock;
		this.callbackBase = callbackBase.strip();
		if (!secret.isBlank()) {
			this.secret = secret.strip().getBytes(StandardCharsets.UTF_8);
		}
		else if (demo) {
			this.secret = new byte[32];
			new SecureRandom().nextBytes(this.secret);
		}
		else {
			throw new IllegalStateException("the sandbox payment gateway is enabled outside demo mode "
					+ "without farmgate.storefront.sandbox-secret");
		}
		this.callbacks.setThreadNamePrefix("sandbox-gateway-");
		this.callbacks.setCorePoolSize(2);
		this.callbacks.setMaxPoolSize(2);
		this.callbacks.setQueueCapacity(1000);
		this.callbacks.setWaitForTasksToCompleteOnShutdown(false);
		this.callbacks.initialize();
	}

	@Override
	public PaymentMethod method() {
		return PaymentMethod.ONLINE;
	}

	@Override
	public Started start(PaymentRequest request) {
		return new Started(PaymentStatus.PENDING, "/shop/pay/sandbox/" + request.paymentId(), null);
	}

	/** An online payment, as the gateway's page shows it. */
	Optional<PaymentView> payment(UUID paymentId) {
		return this.rows.find(paymentId).filter(payment -> payment.method() == PaymentMethod.ONLINE);
	}

	/**
	 * Records the buyer's choice on the gateway's page and, the first time, sends the
	 * notification from another thread.
	 * @return whether this was the buyer's first choice
	 */
	boolean choose(UUID paymentId, boolean pay) {
		PaymentView payment = payment(paymentId).orElse(null);
		if (payment == null || !this.rows.choose(paymentId, pay ? "PAY" : "CANCEL")) {
			return false;
		}
		long timestamp = this.clock.instant().getEpochSecond();
		String body = notification(payment, pay ? PaymentStatus.PAID : PaymentStatus.FAILED, timestamp);
		this.callbacks.execute(() -> deliver(Long.toString(timestamp), body));
		return true;
	}

	/** A notification body for a payment, as the gateway sends it. */
	String notification(PaymentView payment, PaymentStatus result, long timestamp) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("notificationId", "sbx-" + UUID.randomUUID());
		fields.put("paymentId", payment.id().toString());
		fields.put("orderNo", payment.orderNo());
		fields.put("amountFen", payment.amountFen());
		fields.put("result", result.name());
		fields.put("timestamp", timestamp);
		return this.json.writeValueAsString(fields);
	}

	/** The signature of a notification: hex HMAC-SHA256 of timestamp, ".", body. */
	String sign(String timestamp, String body) {
		return HexFormat.of().formatHex(hmac(timestamp + "." + body));
	}

	/** Whether a signature is the gateway's, compared in constant time. */
	boolean signed(String timestamp, String body, String signature) {
		if (signature == null) {
			return false;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(signature.strip().toLowerCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(hmac(timestamp + "." + body), given);
	}

	private void deliver(String timestamp, String body) {
		URI target = URI.create(callbackBase() + NOTIFY_PATH);
		HttpRequest request = HttpRequest.newBuilder(target)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header(SIGNATURE_HEADER, sign(timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		for (int attempt = 0; attempt <= RETRIES.length; attempt++) {
			try {
				if (attempt > 0) {
					Thread.sleep(RETRIES[attempt - 1].toMillis());
				}
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
				logger.warn("The sandbox gateway's notification to {} was answered {}: {}", target,
						response.statusCode(), response.body());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (java.io.IOException ex) {
				logger.warn("The sandbox gateway's notification to {} failed: {}", target, ex.toString());
			}
		}
		logger.warn("The sandbox gateway gave up a notification after {} attempts: {}", RETRIES.length + 1, body);
	}

	private String callbackBase() {
		String base = this.callbackBase;
		if (base.isEmpty()) {
			String port = this.environment.getProperty("local.server.port");
			if (port == null) {
				throw new IllegalStateException("the sandbox gateway has no callback address: set "
						+ "farmgate.storefront.sandbox-callback-base");
			}
			String address = this.environment.getProperty("server.address", "").strip();
			String host = (address.isEmpty() || address.equals("0.0.0.0") || address.equals("::")) ? "127.0.0.1"
					: address;
			if (host.contains(":") && !host.startsWith("[")) {
				host = "[" + host + "]";
			}
			base = "http://" + host + ":" + port + this.environment.getProperty("server.servlet.context-path", "");
		}
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	private byte[] hmac(String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	@Override
	public void destroy() {
		this.callbacks.shutdown();
	}

}

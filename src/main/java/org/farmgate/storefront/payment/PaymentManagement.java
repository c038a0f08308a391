package org.farmgate.storefront.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shop's payments: records a payment and asks the provider of its method to start it,
 * and takes the online gateway's notifications. A notification is taken only when its
 * signature is the gateway's, its timestamp at most five minutes old (and at most one
 * minute ahead), and its order number and amount those of the payment; each is taken once
 * (by its {@code notificationId}), in the transaction that changes the payment. A paid
 * payment stays paid. Paying publishes {@link PaymentReceived}.
 */
@Service
public class PaymentManagement {

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(PaymentManagement.class);

	static final Duration MAX_AGE = Duration.ofMinutes(5);

	static final Duration MAX_AHEAD = Duration.ofMinutes(1);

	/** How long an online payment may stay unpaid before its units go back. */
	static final Duration ABANDONED = Duration.ofMinutes(30);

	private final Map<PaymentMethod, PaymentProvider> providers = new EnumMap<>(PaymentMethod.class);

	private final PaymentRows rows;

	private final ObjectProvider<SandboxGateway> sandbox;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	PaymentManagement(List<PaymentProvider> providers, PaymentRows rows, ObjectProvider<SandboxGateway> sandbox,
			JsonMapper json, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
		for (PaymentProvider provider : providers) {
			if (this.providers.putIfAbsent(provider.method(), provider) != null) {
				throw new IllegalStateException("two payment providers for " + provider.method());
			}
		}
		this.rows = rows;
		this.sandbox = sandbox;
		this.json = json;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** The ways to pay that are offered, in the order of {@link PaymentMethod}. */
	public List<PaymentMethod> methods() {
		return Arrays.stream(PaymentMethod.values()).filter(this.providers::containsKey).toList();
	}

	/**
	 * Records a payment of a checkout and starts it with the provider of its method.
	 * @param returnUrl the path on this site the buyer comes back to after paying online
	 * (e.g. {@code /shop/checkout/{id}/done}); never an address elsewhere
	 * @throws PaymentException when the method is not offered, the checkout is already
	 * paid, or an argument is not right
	 */
	public Started start(PaymentMethod method, String orderNo, UUID checkoutId, long amountFen, String description,
			String returnUrl) {
		PaymentProvider provider = (method != null) ? this.providers.get(method) : null;
		if (provider == null) {
			throw PaymentException.because("storefront.payment.error.method-unavailable");
		}
		if (orderNo == null || orderNo.isBlank() || orderNo.strip().length() > 64 || checkoutId == null) {
			throw PaymentException.because("storefront.payment.error.order");
		}
		if (amountFen <= 0) {
			throw PaymentException.because("storefront.payment.error.amount");
		}
		String back = (returnUrl != null) ? returnUrl.strip() : "/shop";
		if (!back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\") || back.length() > 500) {
			throw PaymentException.because("storefront.payment.error.return-url");
		}
		if (this.rows.anyPaid(checkoutId)) {
			throw PaymentException.because("storefront.payment.error.already-paid");
		}
		String text = (description != null && !description.isBlank()) ? description.strip() : null;
		if (text != null && text.length() > 200) {
			text = text.substring(0, 199) + "…";
		}
		UUID id = UUID.randomUUID();
		this.rows.insert(id, checkoutId, orderNo.strip(), method, amountFen, text, back,
				this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		Started started;
		try {
			started = provider.start(new PaymentRequest(id, orderNo.strip(), amountFen, text, back));
		}
		catch (RuntimeException ex) {
			this.rows.status(id, PaymentStatus.FAILED, null);
			throw ex;
		}
		if (started.status() == PaymentStatus.PAID) {
			throw new IllegalStateException(provider.method() + " answered PAID on start: only a notification pays");
		}
		if (started.status() != PaymentStatus.PENDING) {
			this.rows.status(id, started.status(), null);
		}
		return started;
	}

	/** The bank transfers the operator's county waits for, oldest first. */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public List<PaymentView> awaitedTransfers(org.farmgate.accounts.SignedInUser user) {
		requireTreasurer(user);
		return this.rows.awaitedTransfers(user.scope().countyCode());
	}

	/**
	 * An operator saw a bank transfer arrive on the county's account: the payment is PAID
	 * (once; a payment not awaiting a transfer is refused) and its orders move on.
	 */
	@org.springframework.transaction.annotation.Transactional
	public void transferReceived(org.farmgate.accounts.SignedInUser user, UUID paymentId) {
		requireTreasurer(user);
		if (!this.rows.ofCounty(paymentId, user.scope().countyCode())) {
			throw PaymentException.because("storefront.payment.error.unknown-payment");
		}
		PaymentView payment = this.rows.lock(paymentId)
			.orElseThrow(() -> PaymentException.because("storefront.payment.error.unknown-payment"));
		if (payment.method() != PaymentMethod.BANK_TRANSFER || payment.status() != PaymentStatus.AWAITING_TRANSFER) {
			throw PaymentException.because("storefront.payment.error.not-awaiting");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.rows.status(paymentId, PaymentStatus.PAID, now);
		this.events.publishEvent(
				new PaymentReceived(payment.id(), payment.checkoutId(), payment.orderNo(), payment.amountFen(), now));
	}

	private static void requireTreasurer(org.farmgate.accounts.SignedInUser user) {
		if (user.role() != org.farmgate.accounts.Role.OPERATOR && user.role() != org.farmgate.accounts.Role.ADMIN) {
			throw new org.springframework.security.access.AccessDeniedException(
					"role " + user.role() + " does not confirm transfers");
		}
	}

	public Optional<PaymentView> payment(UUID paymentId) {
		return (paymentId != null) ? this.rows.find(paymentId) : Optional.empty();
	}

	/** A checkout's payment: the paid one if any, otherwise the latest started. */
	public Optional<PaymentView> paymentOfCheckout(UUID checkoutId) {
		return (checkoutId != null) ? this.rows.ofCheckout(checkoutId) : Optional.empty();
	}

	/**
	 * Takes a notification of the online gateway.
	 * @param body the request's body as sent (the signature covers it byte for byte)
	 * @param signature the {@code X-Sandbox-Signature} header
	 * @throws PaymentException unauthenticated (401) for a bad signature or timestamp;
	 * otherwise (400) for a malformed notification, an unknown payment or one whose order
	 * number or amount differ
	 */
	public NotificationOutcome notified(String body, String signature) {
		SandboxGateway gateway = this.sandbox.getIfAvailable();
		if (gateway == null) {
			throw PaymentException.unauthenticated("storefront.payment.error.signature");
		}
		Notification notification = parse(body);
		if (!gateway.signed(Long.toString(notification.timestamp()), body, signature)) {
			throw PaymentException.unauthenticated("storefront.payment.error.signature");
		}
		// as the database keeps it, so that the event and the row say the same
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant sent = Instant.ofEpochSecond(notification.timestamp());
		if (sent.isBefore(now.minus(MAX_AGE)) || sent.isAfter(now.plus(MAX_AHEAD))) {
			throw PaymentException.unauthenticated("storefront.payment.error.expired");
		}
		notification.validate();
		return this.transaction.execute(status -> take(notification, now));
	}

	private NotificationOutcome take(Notification notification, Instant now) {
		PaymentView payment = this.rows.lock(notification.paymentId())
			.orElseThrow(() -> PaymentException.because("storefront.payment.error.unknown-payment"));
		if (payment.method() != PaymentMethod.ONLINE || !payment.orderNo().equals(notification.orderNo())
				|| payment.amountFen() != notification.amountFen()) {
			throw PaymentException.because("storefront.payment.error.mismatch");
		}
		if (!this.rows.notification(notification.notificationId(), payment.id(), notification.result(), now)) {
			return NotificationOutcome.DUPLICATE;
		}
		if (payment.status() == PaymentStatus.PAID) {
			return notification.paid() ? NotificationOutcome.APPLIED : NotificationOutcome.IGNORED;
		}
		if (payment.status() == PaymentStatus.FAILED) {
			// the checkout's orders were cancelled and their units given back: a late
			// success is not applied to them, it has to be refunded
			if (notification.paid()) {
				logger.warn("Payment {} of checkout {} was notified PAID after it failed: to be refunded", payment.id(),
						payment.checkoutId());
			}
			return NotificationOutcome.IGNORED;
		}
		if (notification.paid()) {
			this.rows.status(payment.id(), PaymentStatus.PAID, now);
			this.events.publishEvent(new PaymentReceived(payment.id(), payment.checkoutId(), payment.orderNo(),
					payment.amountFen(), now));
		}
		else {
			this.rows.status(payment.id(), PaymentStatus.FAILED, null);
			this.events.publishEvent(new PaymentFailed(payment.id(), payment.checkoutId(), payment.orderNo(), now));
		}
		return NotificationOutcome.APPLIED;
	}

	/**
	 * Online payments the buyer left unpaid for {@link #ABANDONED} fail: their orders are
	 * cancelled and their units given back (the sandbox page closes too).
	 */
	@org.springframework.scheduling.annotation.Scheduled(fixedDelay = 1, initialDelay = 1,
			timeUnit = java.util.concurrent.TimeUnit.MINUTES)
	public void expireAbandoned() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		for (PaymentView stale : this.rows.pendingOnlineBefore(now.minus(ABANDONED), 200)) {
			this.transaction.executeWithoutResult(status -> this.rows.lock(stale.id())
				.filter(payment -> payment.status() == PaymentStatus.PENDING)
				.ifPresent(payment -> {
					this.rows.status(payment.id(), PaymentStatus.FAILED, null);
					this.events
						.publishEvent(new PaymentFailed(payment.id(), payment.checkoutId(), payment.orderNo(), now));
				}));
		}
	}

	private Notification parse(String body) {
		if (body == null || body.isBlank()) {
			throw PaymentException.because("storefront.payment.error.malformed");
		}
		Notification notification;
		try {
			notification = this.json.readValue(body, Notification.class);
		}
		catch (RuntimeException ex) {
			throw PaymentException.because("storefront.payment.error.malformed");
		}
		if (notification == null || notification.timestamp() == null) {
			throw PaymentException.because("storefront.payment.error.malformed");
		}
		return notification;
	}

	/**
	 * A gateway notification as sent: the result is {@code PAID} or {@code FAILED}, the
	 * timestamp in Unix seconds.
	 */
	record Notification(String notificationId, UUID paymentId, String orderNo, Long amountFen, String result,
			Long timestamp) {

		void validate() {
			if (this.notificationId == null || this.notificationId.isBlank() || this.notificationId.length() > 100
					|| this.paymentId == null || this.orderNo == null || this.amountFen == null
					|| !("PAID".equals(this.result) || "FAILED".equals(this.result))) {
				throw PaymentException.because("storefront.payment.error.malformed");
			}
		}

		boolean paid() {
			return "PAID".equals(this.result);
		}

	}

}

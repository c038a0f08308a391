package org.farmgate.orders;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.Platform;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Live alerts for the open inboxes: a paid order or a buyer's message reaches, at once,
 * every open inbox of the order's organisation (merchants) and of its county (operators),
 * and nobody else's. Listeners are kept in memory by this instance: with several
 * instances each serves its own open pages (docs/scaling.md).
 */
@Component
public class MerchantAlerts {

	private final Map<String, Listeners> listeners = new ConcurrentHashMap<>();

	/** An alert: what happened to which order. */
	public record Alert(String kind, UUID orderId, String platformOrderNo, Platform platform, BigDecimal paidAmount,
			String message) {
	}

	/** The listeners of one scope. */
	static final class Listeners extends CopyOnWriteArraySet<Consumer<Alert>> {

	}

	/** Starts sending the user's scope's alerts to the listener; returns how to stop. */
	public Runnable listen(SignedInUser user, Consumer<Alert> listener) {
		OrderRoles.requireWriter(user, "gets no order alerts");
		String scope = (user.role() == Role.MERCHANT) ? "organisation:" + user.scope().organisationId()
				: "county:" + user.scope().countyCode();
		Listeners set = this.listeners.computeIfAbsent(scope, key -> new Listeners());
		set.add(listener);
		return () -> set.remove(listener);
	}

	/**
	 * A paid order (a webhook or an API call): alerted once its transaction commits. A
	 * plain listener that defers itself, not a transactional one, so that the event
	 * publication registry keeps no row for it and needs no second connection after the
	 * commit (many webhooks at once would otherwise wait for connections they hold).
	 */
	@EventListener
	void on(OrderPaid paid) {
		afterCommit(paid.organisationId(), paid.countyCode(),
				new Alert("PAID", paid.orderId(), paid.platformOrderNo(), paid.platform(), paid.paidAmount(), null));
	}

	/** A buyer wrote about an order (a webhook call): alert at once. */
	void buyerWrote(Order order, String message) {
		String text = (message == null) ? "" : message.strip();
		afterCommit(order.organisationId(), order.countyCode(),
				new Alert("MESSAGE", order.id(), order.platformOrderNo(), order.platform(), null,
						(text.length() > 200) ? text.substring(0, 200) : text));
	}

	/**
	 * Sends the alert once the transaction that made it commits (never when it rolls
	 * back: the platform sends the call again), at once outside a transaction.
	 */
	private void afterCommit(UUID organisationId, String countyCode, Alert alert) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			send(organisationId, countyCode, alert);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				send(organisationId, countyCode, alert);
			}
		});
	}

	private void send(UUID organisationId, String countyCode, Alert alert) {
		for (String scope : new String[] { "organisation:" + organisationId, "county:" + countyCode }) {
			Listeners set = this.listeners.get(scope);
			if (set != null) {
				for (Consumer<Alert> listener : set) {
					try {
						listener.accept(alert);
					}
					catch (RuntimeException ex) {
						// a page that went away: forget it
						set.remove(listener);
					}
				}
			}
		}
	}

}

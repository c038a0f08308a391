package org.farmgate.storefront.payment;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The {@link PaymentReceived} events committed while the tests run, as a listener in
 * another module would see them (after the transaction that published them committed).
 */
class ReceivedPayments {

	private final List<PaymentReceived> received = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void on(PaymentReceived event) {
		this.received.add(event);
	}

	List<PaymentReceived> of(UUID paymentId) {
		return this.received.stream().filter(event -> event.paymentId().equals(paymentId)).toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Listening {

		@Bean
		ReceivedPayments receivedPayments() {
			return new ReceivedPayments();
		}

	}

}

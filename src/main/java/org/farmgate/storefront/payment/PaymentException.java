package org.farmgate.storefront.payment;

import org.farmgate.web.RefusedException;

/**
 * A payment request or notification that was refused: the message is the bundle key
 * ({@code storefront.payment.error.*}); {@link #unauthenticated()} tells a bad signature
 * or timestamp (401) from a malformed or mismatching notification (400).
 */
public class PaymentException extends RefusedException {

	private final boolean unauthenticated;

	PaymentException(String messageKey, boolean unauthenticated, Object... arguments) {
		super(messageKey, arguments);
		this.unauthenticated = unauthenticated;
	}

	static PaymentException because(String messageKey, Object... arguments) {
		return new PaymentException(messageKey, false, arguments);
	}

	static PaymentException unauthenticated(String messageKey) {
		return new PaymentException(messageKey, true);
	}

	public boolean unauthenticated() {
		return this.unauthenticated;
	}

}

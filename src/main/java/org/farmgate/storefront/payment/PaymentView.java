package org.farmgate.storefront.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * A recorded payment. {@code buyerChoice} is what the buyer pressed on the sandbox
 * gateway's page ({@code PAY} or {@code CANCEL}), {@code null} otherwise.
 */
public record PaymentView(UUID id, UUID checkoutId, String orderNo, PaymentMethod method, long amountFen,
		PaymentStatus status, String description, String returnUrl, Instant createdAt, Instant paidAt,
		String buyerChoice) {
}

package org.farmgate.storefront;

import java.util.UUID;

import org.farmgate.storefront.payment.PaymentMethod;

/**
 * What a buyer fills in at checkout: to whom, which mobile phone, where, a message to the
 * seller, how to pay; the request's id (one checkout however often the form is sent) and
 * the total the buyer saw (the checkout is refused when prices moved meanwhile).
 */
public record CheckoutInput(String recipientName, String phone, String address, String message, PaymentMethod payment,
		UUID requestId, String seenTotal) {
}

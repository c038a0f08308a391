package org.farmgate.storefront.payment;

import java.util.UUID;

/**
 * What a provider is asked to collect: the payment's id, the order number the buyer sees,
 * the amount in fen, a short description, and the path on this site the buyer comes back
 * to after an online payment.
 */
public record PaymentRequest(UUID paymentId, String orderNo, long amountFen, String description, String returnUrl) {
}

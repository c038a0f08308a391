package org.farmgate.storefront.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * An online payment was received: published once per payment, in the transaction that
 * marked it paid.
 */
public record PaymentReceived(UUID paymentId, UUID checkoutId, String orderNo, long amountFen, Instant at) {
}

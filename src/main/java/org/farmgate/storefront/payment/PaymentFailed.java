package org.farmgate.storefront.payment;

import java.time.Instant;
import java.util.UUID;

/** An online payment failed or the buyer gave it up at the gateway. */
public record PaymentFailed(UUID paymentId, UUID checkoutId, String orderNo, Instant at) {
}

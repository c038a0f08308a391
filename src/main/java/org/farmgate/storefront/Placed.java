package org.farmgate.storefront;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.farmgate.storefront.payment.PaymentMethod;
import org.farmgate.storefront.payment.Started;

/** A checkout done: its id, its orders' numbers, the total and how payment goes on. */
public record Placed(UUID checkoutId, List<String> orderNos, BigDecimal total, PaymentMethod method, Started payment) {
}

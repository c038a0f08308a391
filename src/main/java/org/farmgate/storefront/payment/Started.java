package org.farmgate.storefront.payment;

/**
 * What starting a payment gave: its status, where to send the buyer ({@code null} when
 * there is nothing to do online), and what to tell the buyer ({@code null} when nothing),
 * already resolved from its {@code storefront.payment.*} message in the request's
 * language, e.g. the bank details and the reference of a transfer.
 */
public record Started(PaymentStatus status, String redirectUrl, String instructions) {
}

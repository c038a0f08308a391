package org.farmgate.storefront.payment;

/**
 * Where a payment stands. {@code NOT_REQUIRED}: cash on delivery, paid to the courier;
 * {@code AWAITING_TRANSFER}: the buyer was given the bank details; {@code PENDING}: the
 * buyer was sent to a gateway, which has not answered yet; {@code PAID} is final (a later
 * failure notice does not undo it).
 */
public enum PaymentStatus {

	NOT_REQUIRED, AWAITING_TRANSFER, PENDING, PAID, FAILED

}

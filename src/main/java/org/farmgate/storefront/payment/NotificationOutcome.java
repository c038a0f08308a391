package org.farmgate.storefront.payment;

/**
 * What a verified gateway notification did: {@code APPLIED} changed the payment (or
 * confirmed its state), {@code DUPLICATE} was seen before and changed nothing,
 * {@code IGNORED} came after the payment was final (a failure after it was paid).
 */
public enum NotificationOutcome {

	APPLIED, DUPLICATE, IGNORED

}

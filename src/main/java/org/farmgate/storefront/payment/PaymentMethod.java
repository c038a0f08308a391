package org.farmgate.storefront.payment;

/**
 * A way a buyer pays: to the courier on delivery, by bank transfer to the county's
 * account, or online through a gateway.
 */
public enum PaymentMethod {

	CASH_ON_DELIVERY, BANK_TRANSFER, ONLINE

}

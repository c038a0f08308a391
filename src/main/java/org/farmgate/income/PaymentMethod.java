package org.farmgate.income;

/** How a farmer was paid. */
public enum PaymentMethod {

	CASH, BANK_TRANSFER, WECHAT, ALIPAY

}

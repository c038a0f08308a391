package org.farmgate.storefront.payment;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Cash on delivery: nothing to pay now, the buyer pays the courier.
 */
@Component
class CashOnDelivery implements PaymentProvider {

	private final MessageSource messages;

	CashOnDelivery(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public PaymentMethod method() {
		return PaymentMethod.CASH_ON_DELIVERY;
	}

	@Override
	public Started start(PaymentRequest request) {
		String instructions = this.messages.getMessage("storefront.payment.cod.instructions",
				new Object[] { Fen.yuan(request.amountFen()), request.orderNo() }, LocaleContextHolder.getLocale());
		return new Started(PaymentStatus.NOT_REQUIRED, null, instructions);
	}

}

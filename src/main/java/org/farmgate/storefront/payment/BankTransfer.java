package org.farmgate.storefront.payment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Bank transfer to the county's account ({@code farmgate.storefront.bank.name},
 * {@code .account}, {@code .holder}), the order number as the transfer's reference; an
 * operator confirms the money arrived. Offered when the account is set, or in demo mode
 * (with a demo account).
 */
@Component
@ConditionalOnExpression("'${farmgate.storefront.bank.account:}' != '' or ${farmgate.demo:false}")
class BankTransfer implements PaymentProvider {

	private final MessageSource messages;

	private final String bankName;

	private final String account;

	private final String holder;

	BankTransfer(MessageSource messages, @Value("${farmgate.storefront.bank.name:农村信用社（演示）}") String bankName,
			@Value("${farmgate.storefront.bank.account:6230 0000 0000 0000 520}") String account,
			@Value("${farmgate.storefront.bank.holder:县电子商务公共服务中心（演示）}") String holder) {
		this.messages = messages;
		this.bankName = bankName;
		this.account = account;
		this.holder = holder;
	}

	@Override
	public PaymentMethod method() {
		return PaymentMethod.BANK_TRANSFER;
	}

	@Override
	public Started start(PaymentRequest request) {
		String instructions = this.messages
			.getMessage(
					"storefront.payment.transfer.instructions", new Object[] { Fen.yuan(request.amountFen()),
							this.bankName, this.account, this.holder, request.orderNo() },
					LocaleContextHolder.getLocale());
		return new Started(PaymentStatus.AWAITING_TRANSFER, null, instructions);
	}

}

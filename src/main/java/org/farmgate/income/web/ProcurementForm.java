package org.farmgate.income.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.farmgate.catalog.Unit;
import org.farmgate.income.Grade;
import org.farmgate.income.Payment;
import org.farmgate.income.PaymentMethod;
import org.farmgate.income.ProcurementInput;
import org.farmgate.income.ProcurementView;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form of a purchase from a farmer household, as the collection point fills it on a
 * phone; {@code reason} only when it corrects an earlier purchase; {@code requestId}
 * makes a second sending of the same form harmless.
 */
record ProcurementForm(UUID organisationId, UUID householdId,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn, UUID productId, String produce,
		UUID batchId, BigDecimal quantity, Unit unit, BigDecimal unitPrice, Grade grade, Payment payment,
		PaymentMethod paymentMethod, String reason, UUID requestId) {

	/** An empty form with a fresh request id: sent twice, it records one purchase. */
	static ProcurementForm empty(LocalDate today, UUID householdId) {
		return new ProcurementForm(null, householdId, today, null, "", null, null, Unit.KG, null, Grade.UNGRADED,
				Payment.PAID, PaymentMethod.CASH, "", UUID.randomUUID());
	}

	static ProcurementForm of(ProcurementView purchase) {
		return new ProcurementForm(purchase.organisationId(), purchase.householdId(), purchase.occurredOn(),
				purchase.productId(), purchase.produce(), purchase.batchId(), purchase.quantity(), purchase.unit(),
				purchase.unitPrice(), purchase.grade(), purchase.payment(), purchase.paymentMethod(), "", null);
	}

	ProcurementInput toInput() {
		return new ProcurementInput(this.organisationId, this.householdId, this.occurredOn, this.productId,
				this.produce, this.batchId, this.quantity, this.unit, this.unitPrice, this.grade, this.payment,
				this.paymentMethod);
	}

}

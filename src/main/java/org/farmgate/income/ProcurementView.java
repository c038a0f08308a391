package org.farmgate.income;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.farmgate.catalog.Unit;

/**
 * A purchase from a farmer household, or the reversal of one (negative quantity and
 * amount, {@code reverses} set); {@code reversedBy} is the reversal of this one, if any.
 */
public record ProcurementView(UUID id, String countyCode, UUID organisationId, UUID householdId, String receiptNo,
		LocalDate occurredOn, UUID productId, String produce, UUID batchId, BigDecimal quantity, Unit unit,
		BigDecimal unitPrice, BigDecimal amount, Grade grade, Payment payment, PaymentMethod paymentMethod,
		LocalDate paidOn, UUID reverses, UUID corrects, String reason, String recordedBy, Instant recordedAt,
		UUID reversedBy) {

	public boolean isReversal() {
		return this.reverses != null;
	}

	public boolean isReversed() {
		return this.reversedBy != null;
	}

	/**
	 * Whether it still counts and can be paid or corrected: not a reversal, not reversed.
	 */
	public boolean standing() {
		return !isReversal() && !isReversed();
	}

}

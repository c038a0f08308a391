package org.farmgate.income;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.farmgate.catalog.Unit;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A purchase of produce from a farmer household (收购), or the reversal of one. Never
 * edited: its only move is from owed to paid; a correction is a reversal (the same
 * quantities negated, on the same date, with a reason) and, if need be, a new purchase.
 */
@Table("income_procurement")
class Procurement {

	@Id
	private final UUID id;

	private final String countyCode;

	private final UUID organisationId;

	private final UUID householdId;

	private final String receiptNo;

	private final LocalDate occurredOn;

	private final UUID productId;

	private final String produce;

	private final UUID batchId;

	private final BigDecimal quantity;

	private final Unit unit;

	private final BigDecimal unitPrice;

	private final BigDecimal amount;

	private final Grade grade;

	private Payment payment;

	private PaymentMethod paymentMethod;

	private LocalDate paidOn;

	private final UUID reverses;

	private final UUID corrects;

	private final String reason;

	private final String recordedBy;

	private final Instant recordedAt;

	@Version
	private Integer version;

	@PersistenceCreator
	Procurement(UUID id, String countyCode, UUID organisationId, UUID householdId, String receiptNo,
			LocalDate occurredOn, UUID productId, String produce, UUID batchId, BigDecimal quantity, Unit unit,
			BigDecimal unitPrice, BigDecimal amount, Grade grade, Payment payment, PaymentMethod paymentMethod,
			LocalDate paidOn, UUID reverses, UUID corrects, String reason, String recordedBy, Instant recordedAt,
			Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.organisationId = organisationId;
		this.householdId = householdId;
		this.receiptNo = receiptNo;
		this.occurredOn = occurredOn;
		this.productId = productId;
		this.produce = produce;
		this.batchId = batchId;
		this.quantity = quantity;
		this.unit = unit;
		this.unitPrice = unitPrice;
		this.amount = amount;
		this.grade = grade;
		this.payment = payment;
		this.paymentMethod = paymentMethod;
		this.paidOn = paidOn;
		this.reverses = reverses;
		this.corrects = corrects;
		this.reason = reason;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
		this.version = version;
	}

	/** The amount of a quantity at a unit price, to the fen. */
	static BigDecimal amountOf(BigDecimal quantity, BigDecimal unitPrice) {
		return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * A new purchase, checked by the caller; paid on its own date when it is paid.
	 */
	static Procurement record(String countyCode, UUID organisationId, String receiptNo, ProcurementInput input,
			String produce, UUID corrects, String by, Instant at) {
		boolean paid = input.payment() == Payment.PAID;
		return new Procurement(UUID.randomUUID(), countyCode, organisationId, input.householdId(), receiptNo,
				input.occurredOn(), input.productId(), produce, input.batchId(), input.quantity(), input.unit(),
				input.unitPrice(), amountOf(input.quantity(), input.unitPrice()), input.grade(), input.payment(),
				paid ? input.paymentMethod() : null, paid ? input.occurredOn() : null, null, corrects, null, by, at,
				null);
	}

	/**
	 * The record that takes this one back: the same purchase with quantity and amount
	 * negated, on the same date (so that it leaves the same year), with the reason.
	 */
	Procurement reversal(String receiptNo, String why, String by, Instant at) {
		if (this.reverses != null) {
			throw IncomeException.because("income.error.reverse-reversal");
		}
		return new Procurement(UUID.randomUUID(), this.countyCode, this.organisationId, this.householdId, receiptNo,
				this.occurredOn, this.productId, this.produce, this.batchId, this.quantity.negate(), this.unit,
				this.unitPrice, this.amount.negate(), this.grade, this.payment, this.paymentMethod, this.paidOn,
				this.id, null, why, by, at, null);
	}

	/** An owed purchase is paid; anything else is refused. */
	void pay(LocalDate on, PaymentMethod method) {
		if (this.reverses != null || this.payment != Payment.OWED) {
			throw IncomeException.because("income.error.not-owed");
		}
		if (on == null || on.isBefore(this.occurredOn)) {
			throw IncomeException.because("income.error.paid-on");
		}
		if (method == null) {
			throw IncomeException.because("income.error.payment-method");
		}
		this.payment = Payment.PAID;
		this.paymentMethod = method;
		this.paidOn = on;
	}

	UUID id() {
		return this.id;
	}

	UUID organisationId() {
		return this.organisationId;
	}

	String countyCode() {
		return this.countyCode;
	}

	ProcurementView toView(UUID reversedBy) {
		return new ProcurementView(this.id, this.countyCode, this.organisationId, this.householdId, this.receiptNo,
				this.occurredOn, this.productId, this.produce, this.batchId, this.quantity, this.unit, this.unitPrice,
				this.amount, this.grade, this.payment, this.paymentMethod, this.paidOn, this.reverses, this.corrects,
				this.reason, this.recordedBy, this.recordedAt, reversedBy);
	}

	ProcurementRecorded recorded(UUID villageId) {
		return new ProcurementRecorded(this.id, this.countyCode, this.organisationId, this.householdId, villageId,
				this.occurredOn, this.productId, this.quantity, this.unit.name(), this.amount, this.reverses);
	}

}

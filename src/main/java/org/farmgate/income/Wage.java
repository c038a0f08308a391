package org.farmgate.income;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A month's wages an organisation paid a member of a farmer household (workshop, packing,
 * live-streaming…), or the reversal of them. Never edited.
 */
@Table("income_wage")
class Wage {

	@Id
	private final UUID id;

	private final String countyCode;

	private final UUID organisationId;

	private final UUID householdId;

	private final String workerName;

	private final Work work;

	private final LocalDate month;

	private final BigDecimal days;

	private final BigDecimal dailyRate;

	private final BigDecimal monthlyPay;

	private final BigDecimal amount;

	private final UUID reverses;

	private final String reason;

	private final String recordedBy;

	private final Instant recordedAt;

	@Version
	private Integer version;

	@PersistenceCreator
	Wage(UUID id, String countyCode, UUID organisationId, UUID householdId, String workerName, Work work,
			LocalDate month, BigDecimal days, BigDecimal dailyRate, BigDecimal monthlyPay, BigDecimal amount,
			UUID reverses, String reason, String recordedBy, Instant recordedAt, Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.organisationId = organisationId;
		this.householdId = householdId;
		this.workerName = workerName;
		this.work = work;
		this.month = month;
		this.days = days;
		this.dailyRate = dailyRate;
		this.monthlyPay = monthlyPay;
		this.amount = amount;
		this.reverses = reverses;
		this.reason = reason;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
		this.version = version;
	}

	/** Days × daily rate, or the monthly pay. */
	static BigDecimal amountOf(WageInput input) {
		return (input.monthlyPay() != null) ? input.monthlyPay().setScale(2, RoundingMode.HALF_UP)
				: input.days().multiply(input.dailyRate()).setScale(2, RoundingMode.HALF_UP);
	}

	static Wage record(String countyCode, UUID organisationId, WageInput input, String by, Instant at) {
		boolean monthly = input.monthlyPay() != null;
		return new Wage(UUID.randomUUID(), countyCode, organisationId, input.householdId(), input.workerName().strip(),
				input.work(), input.month().atDay(1), monthly ? null : input.days(), monthly ? null : input.dailyRate(),
				monthly ? input.monthlyPay() : null, amountOf(input), null, null, by, at, null);
	}

	Wage reversal(String why, String by, Instant at) {
		if (this.reverses != null) {
			throw IncomeException.because("income.error.reverse-reversal");
		}
		return new Wage(UUID.randomUUID(), this.countyCode, this.organisationId, this.householdId, this.workerName,
				this.work, this.month, (this.days != null) ? this.days.negate() : null, this.dailyRate,
				(this.monthlyPay != null) ? this.monthlyPay.negate() : null, this.amount.negate(), this.id, why, by, at,
				null);
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

	WageView toView(UUID reversedBy) {
		return new WageView(this.id, this.organisationId, this.householdId, this.workerName, this.work,
				YearMonth.from(this.month), this.days, this.dailyRate, this.monthlyPay, this.amount, this.reverses,
				this.reason, this.recordedBy, this.recordedAt, reversedBy);
	}

	WageRecorded recorded(UUID villageId) {
		return new WageRecorded(this.id, this.countyCode, this.organisationId, this.householdId, villageId,
				YearMonth.from(this.month), this.work.name(), this.amount, this.reverses);
	}

}

package org.farmgate.income;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A cooperative's distribution of a year's surplus to its member households (分红), or the
 * reversal of one. Never edited.
 */
@Table("income_dividend")
class Dividend {

	@Id
	private final UUID id;

	private final String countyCode;

	private final UUID organisationId;

	private final int year;

	private final LocalDate declaredOn;

	private final BigDecimal total;

	private final String note;

	@MappedCollection(idColumn = "dividend_id")
	private final Set<ShareRow> shares;

	/** A share as stored: with the county, as every large table has it. */
	@Table("income_dividend_share")
	record ShareRow(UUID householdId, BigDecimal amount, String countyCode) {
	}

	private final UUID reverses;

	private final String reason;

	private final String recordedBy;

	private final Instant recordedAt;

	@Version
	private Integer version;

	@PersistenceCreator
	Dividend(UUID id, String countyCode, UUID organisationId, int year, LocalDate declaredOn, BigDecimal total,
			String note, Set<ShareRow> shares, UUID reverses, String reason, String recordedBy, Instant recordedAt,
			Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.organisationId = organisationId;
		this.year = year;
		this.declaredOn = declaredOn;
		this.total = total;
		this.note = note;
		this.shares = new LinkedHashSet<>(shares);
		this.reverses = reverses;
		this.reason = reason;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
		this.version = version;
	}

	static Dividend distribute(String countyCode, UUID organisationId, DividendInput input, String by, Instant at) {
		BigDecimal total = input.shares().stream().map(DividendShare::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		Set<ShareRow> rows = new LinkedHashSet<>();
		input.shares().forEach(share -> rows.add(new ShareRow(share.householdId(), share.amount(), countyCode)));
		return new Dividend(UUID.randomUUID(), countyCode, organisationId, input.year(), input.declaredOn(), total,
				input.note(), rows, null, null, by, at, null);
	}

	Dividend reversal(String why, String by, Instant at) {
		if (this.reverses != null) {
			throw IncomeException.because("income.error.reverse-reversal");
		}
		Set<ShareRow> negated = new LinkedHashSet<>();
		this.shares.forEach(
				share -> negated.add(new ShareRow(share.householdId(), share.amount().negate(), share.countyCode())));
		return new Dividend(UUID.randomUUID(), this.countyCode, this.organisationId, this.year, this.declaredOn,
				this.total.negate(), this.note, negated, this.id, why, by, at, null);
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

	private List<DividendShare> sortedShares() {
		return this.shares.stream()
			.map(share -> new DividendShare(share.householdId(), share.amount()))
			.sorted(Comparator.comparing(DividendShare::amount).reversed())
			.toList();
	}

	DividendView toView(UUID reversedBy) {
		return new DividendView(this.id, this.organisationId, this.year, this.declaredOn, this.total, this.note,
				sortedShares(), this.reverses, this.reason, this.recordedBy, this.recordedAt, reversedBy);
	}

	DividendDistributed distributed() {
		LocalDate lastDay = LocalDate.of(this.year, 12, 31);
		return new DividendDistributed(this.id, this.countyCode, this.organisationId, this.year,
				this.declaredOn.isAfter(lastDay) ? lastDay : this.declaredOn, this.total, sortedShares(),
				this.reverses);
	}

}

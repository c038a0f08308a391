package org.farmgate.income;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.OrganisationType;
import org.farmgate.registry.OrganisationView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a cooperative's yearly distribution to its member households, and reverses a
 * wrong one whole.
 */
@Service
@Transactional
public class DividendManagement {

	private static final int MAX_SHARES = 2000;

	private static final BigDecimal MAX_SHARE = new BigDecimal("10000000");

	private final DividendRepository dividends;

	private final IncomeScope scope;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DividendManagement(DividendRepository dividends, IncomeScope scope, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.dividends = dividends;
		this.scope = scope;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a distribution; shares of zero are left out.
	 * @throws IncomeException saying what to fix
	 */
	public DividendView distribute(SignedInUser user, DividendInput input) {
		OrganisationView organisation = this.scope.organisationFor(user, input.organisationId());
		if (organisation.type() != OrganisationType.COOPERATIVE) {
			throw IncomeException.because("income.error.not-cooperative");
		}
		this.scope.checkDate(input.declaredOn(), "income.error.declared-on");
		if (input.year() < 2000 || input.year() > input.declaredOn().getYear()) {
			throw IncomeException.because("income.error.year");
		}
		if (input.note() != null && input.note().length() > 500) {
			throw IncomeException.because("income.error.too-long");
		}
		List<DividendShare> shares = (input.shares() != null) ? input.shares()
			.stream()
			.filter(share -> share != null && (share.householdId() != null || share.amount() != null))
			.filter(share -> share.amount() == null || share.amount().signum() != 0)
			.toList() : List.of();
		if (shares.isEmpty()) {
			throw IncomeException.because("income.error.no-shares");
		}
		if (shares.size() > MAX_SHARES) {
			throw IncomeException.because("income.error.too-many-shares", MAX_SHARES);
		}
		Set<UUID> seen = new HashSet<>();
		for (DividendShare share : shares) {
			if (share.householdId() == null) {
				throw IncomeException.because("income.error.household-missing");
			}
			if (!seen.add(share.householdId())) {
				throw IncomeException.because("income.error.share-twice");
			}
			if (share.amount() == null || share.amount().signum() <= 0 || share.amount().scale() > 2
					|| share.amount().compareTo(MAX_SHARE) >= 0) {
				throw IncomeException.because("income.error.share");
			}
		}
		// a cooperative pays dividends to its members, whoever records them
		Set<UUID> members = new HashSet<>();
		this.scope.members(user, organisation.id()).forEach(member -> members.add(member.id()));
		if (!members.containsAll(seen)) {
			throw IncomeException.because("income.error.not-member");
		}
		Dividend dividend = Dividend.distribute(organisation.countyCode(), organisation.id(),
				new DividendInput(organisation.id(), input.year(), input.declaredOn(),
						(input.note() != null && !input.note().isBlank()) ? input.note().strip() : null, shares),
				user.getUsername(), this.clock.instant());
		this.dividends.save(dividend);
		this.events.publishEvent(dividend.distributed());
		return dividend.toView(null);
	}

	/**
	 * Takes a whole distribution back with a reversal that says why.
	 * @throws IncomeException when it is a reversal or reversed already, or without a
	 * reason
	 */
	public DividendView reverse(SignedInUser user, UUID id, String reason) {
		this.scope.requireWriter(user);
		Dividend original = visible(user, id).orElseThrow(IncomeException::notFound);
		String why = IncomeScope.reason(reason);
		this.jdbc.sql("SELECT id FROM income_dividend WHERE id = ? FOR UPDATE").param(id).query(UUID.class).list();
		if (reversalOf(id).isPresent()) {
			throw IncomeException.because("income.error.reversed-already");
		}
		Dividend reversal = original.reversal(why, user.getUsername(), this.clock.instant());
		this.dividends.save(reversal);
		this.events.publishEvent(reversal.distributed());
		return reversal.toView(null);
	}

	@Transactional(readOnly = true)
	public Optional<DividendView> dividend(SignedInUser user, UUID id) {
		// a role that reads no income is refused, not told the record is missing
		this.scope.requireReader(user);
		return visible(user, id).map(dividend -> dividend.toView(reversalOf(id).orElse(null)));
	}

	/** The distributions the user sees, newest year first. */
	@Transactional(readOnly = true)
	public List<DividendView> dividends(SignedInUser user) {
		this.scope.requireReader(user);
		List<UUID> ids = this.jdbc.sql("""
				SELECT id FROM income_dividend
				WHERE county_code = :county AND (CAST(:own AS UUID) IS NULL OR organisation_id = :own)
				ORDER BY year DESC, recorded_at DESC LIMIT 200""")
			.param("county", user.scope().countyCode())
			.param("own", IncomeScope.ownOrganisation(user))
			.query(UUID.class)
			.list();
		java.util.Map<UUID, Dividend> found = new java.util.HashMap<>();
		this.dividends.findAllById(ids).forEach(dividend -> found.put(dividend.id(), dividend));
		java.util.Map<UUID, UUID> reversals = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("SELECT reverses, id FROM income_dividend WHERE reverses = ANY(?)")
				.param(ids.toArray(UUID[]::new))
				.query((rs, row) -> reversals.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
				.list();
		}
		return ids.stream()
			.map(found::get)
			.filter(java.util.Objects::nonNull)
			.map(dividend -> dividend.toView(reversals.get(dividend.id())))
			.toList();
	}

	private Optional<Dividend> visible(SignedInUser user, UUID id) {
		if (id == null || !IncomeScope.reads(user)) {
			return Optional.empty();
		}
		return this.dividends.findById(id)
			.filter(dividend -> this.scope.sees(user, dividend.organisationId(), dividend.countyCode()));
	}

	private Optional<UUID> reversalOf(UUID id) {
		return this.jdbc.sql("SELECT id FROM income_dividend WHERE reverses = ?")
			.param(id)
			.query(UUID.class)
			.optional();
	}

}

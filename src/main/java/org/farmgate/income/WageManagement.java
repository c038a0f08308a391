package org.farmgate.income;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.HouseholdEntry;
import org.farmgate.registry.OrganisationView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the wages an organisation paid household members, month by month, and reverses
 * a wrong record.
 */
@Service
@Transactional
public class WageManagement {

	private static final BigDecimal MAX_PAY = new BigDecimal("1000000");

	private final WageRepository wages;

	private final IncomeScope scope;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WageManagement(WageRepository wages, IncomeScope scope, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.wages = wages;
		this.scope = scope;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a month's wages.
	 * @throws IncomeException saying what to fix
	 */
	public WageView record(SignedInUser user, WageInput input) {
		OrganisationView organisation = this.scope.organisationFor(user, input.organisationId());
		HouseholdEntry household = this.scope.householdFor(user, input.householdId(), organisation);
		check(input);
		Wage wage = Wage.record(organisation.countyCode(), organisation.id(), input, user.getUsername(),
				this.clock.instant());
		this.wages.save(wage);
		this.events.publishEvent(wage.recorded(household.villageId()));
		return wage.toView(null);
	}

	/**
	 * Takes a month's wages back with a reversal that says why.
	 * @throws IncomeException when it is a reversal or reversed already, or without a
	 * reason
	 */
	public WageView reverse(SignedInUser user, UUID id, String reason) {
		this.scope.requireWriter(user);
		Wage original = visible(user, id).orElseThrow(IncomeException::notFound);
		String why = IncomeScope.reason(reason);
		this.jdbc.sql("SELECT id FROM income_wage WHERE id = ? FOR UPDATE").param(id).query(UUID.class).list();
		if (reversalOf(id).isPresent()) {
			throw IncomeException.because("income.error.reversed-already");
		}
		Wage reversal = original.reversal(why, user.getUsername(), this.clock.instant());
		this.wages.save(reversal);
		this.events.publishEvent(reversal.recorded(this.scope.villageOf(original.toView(null).householdId())));
		return reversal.toView(null);
	}

	@Transactional(readOnly = true)
	public Optional<WageView> wage(SignedInUser user, UUID id) {
		// a role that reads no income is refused, not told the record is missing
		this.scope.requireReader(user);
		return visible(user, id).map(wage -> wage.toView(reversalOf(id).orElse(null)));
	}

	/**
	 * The wages the user sees, newest month first; of one household or year when given.
	 */
	@Transactional(readOnly = true)
	public List<WageView> wages(SignedInUser user, UUID householdId, Integer year, int page) {
		this.scope.requireReader(user);
		return this.jdbc
			.sql("""
					SELECT w.id, w.organisation_id, w.household_id, w.worker_name, w.work, w.month, w.days, w.daily_rate,
					       w.monthly_pay, w.amount, w.reverses, w.reason, w.recorded_by, w.recorded_at,
					       (SELECT r.id FROM income_wage r WHERE r.reverses = w.id) AS reversed_by
					FROM income_wage w
					WHERE w.county_code = :county AND (CAST(:own AS UUID) IS NULL OR w.organisation_id = :own)
					  AND (CAST(:household AS UUID) IS NULL OR w.household_id = :household)
					  AND (CAST(:year AS INTEGER) IS NULL OR w.month BETWEEN make_date(:year, 1, 1) AND make_date(:year, 12, 1))
					ORDER BY w.month DESC, w.recorded_at DESC, w.id LIMIT :limit OFFSET :offset""")
			.param("county", user.scope().countyCode())
			.param("own", IncomeScope.ownOrganisation(user))
			.param("household", householdId)
			.param("year", IncomeScope.listYear(year))
			.param("limit", ProcurementManagement.PAGE + 1)
			.param("offset", IncomeScope.offset(page, ProcurementManagement.PAGE))
			.query((rs, row) -> new WageView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), Work.valueOf(rs.getString(5)),
					YearMonth.from(rs.getObject(6, java.time.LocalDate.class)), rs.getBigDecimal(7),
					rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getObject(11, UUID.class),
					rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant(), rs.getObject(15, UUID.class)))
			.list();
	}

	private Optional<Wage> visible(SignedInUser user, UUID id) {
		if (id == null || !IncomeScope.reads(user)) {
			return Optional.empty();
		}
		return this.wages.findById(id).filter(wage -> this.scope.sees(user, wage.organisationId(), wage.countyCode()));
	}

	private Optional<UUID> reversalOf(UUID id) {
		return this.jdbc.sql("SELECT id FROM income_wage WHERE reverses = ?").param(id).query(UUID.class).optional();
	}

	private void check(WageInput input) {
		if (input.workerName() == null || input.workerName().isBlank() || input.workerName().strip().length() > 50) {
			throw IncomeException.because("income.error.worker-name");
		}
		if (input.work() == null) {
			throw IncomeException.because("income.error.work");
		}
		if (input.month() == null || input.month().isAfter(YearMonth.from(this.scope.today()))
				|| input.month().isBefore(YearMonth.from(this.scope.today()).minusYears(10))) {
			throw IncomeException.because("income.error.month");
		}
		boolean monthly = input.monthlyPay() != null;
		boolean daily = input.days() != null || input.dailyRate() != null;
		if (monthly == daily) {
			throw IncomeException.because("income.error.pay-basis");
		}
		if (monthly && (input.monthlyPay().signum() <= 0 || input.monthlyPay().scale() > 2
				|| input.monthlyPay().compareTo(MAX_PAY) >= 0)) {
			throw IncomeException.because("income.error.monthly-pay");
		}
		if (daily) {
			if (input.days() == null || input.days().signum() <= 0 || input.days().scale() > 1
					|| input.days().compareTo(BigDecimal.valueOf(31)) > 0) {
				throw IncomeException.because("income.error.days");
			}
			if (input.dailyRate() == null || input.dailyRate().signum() <= 0 || input.dailyRate().scale() > 2
					|| input.dailyRate().compareTo(MAX_PAY) >= 0) {
				throw IncomeException.because("income.error.daily-rate");
			}
			if (Wage.amountOf(input).signum() <= 0) {
				// half a day at 1 fen: nothing to pay
				throw IncomeException.because("income.error.wage-zero");
			}
		}
	}

}

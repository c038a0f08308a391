package org.farmgate.income;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.HouseholdEntry;
import org.farmgate.registry.HouseholdManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read model of farmers' income: each household's income linked to the platform by
 * year and source (summed from the records, reversals included), the county and village
 * roll-ups, and the disadvantaged households that have no linked income yet this year. A
 * merchant sees only what its own organisation paid.
 */
@Service
@Transactional(readOnly = true)
public class IncomeQueries {

	private final JdbcClient jdbc;

	private final IncomeScope scope;

	private final HouseholdManagement households;

	IncomeQueries(JdbcClient jdbc, IncomeScope scope, HouseholdManagement households) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.households = households;
	}

	/** The year whose figures pages show first: the county's current year. */
	public int currentYear() {
		return this.scope.today().getYear();
	}

	/**
	 * The days a year's figures cover, and the days of the year before they are compared
	 * with: a past year whole; the current year to date, against the same days of last
	 * year (a year not over yet is not compared with a whole one).
	 */
	public record Period(int year, java.time.LocalDate from, java.time.LocalDate to, java.time.LocalDate previousFrom,
			java.time.LocalDate previousTo) {

		public boolean toDate() {
			return !this.to.equals(this.from.withMonth(12).withDayOfMonth(31));
		}

	}

	/**
	 * The period of a year's figures.
	 * @throws IncomeException for a year before 2000 or after the current one
	 */
	public Period period(int year) {
		java.time.LocalDate today = this.scope.today();
		if (year < 2000 || year > today.getYear()) {
			throw IncomeException.because("income.error.year-shown", today.getYear());
		}
		java.time.LocalDate from = java.time.LocalDate.of(year, 1, 1);
		if (year < today.getYear()) {
			return new Period(year, from, from.withMonth(12).withDayOfMonth(31), from.minusYears(1), from.minusDays(1));
		}
		// 29 February compared with 28 February
		return new Period(year, from, today, from.minusYears(1), today.minusYears(1));
	}

	/**
	 * Every household with linked income in the period or the one before, with both
	 * totals.
	 */
	public List<HouseholdIncome> incomes(SignedInUser user, int year) {
		this.scope.requireReader(user);
		Period period = period(year);
		return this.jdbc.sql("""
				SELECT household_id,
				       sum(amount) FILTER (WHERE day BETWEEN :from AND :to AND source = 'PROCUREMENT'),
				       sum(amount) FILTER (WHERE day BETWEEN :from AND :to AND source = 'WAGES'),
				       sum(amount) FILTER (WHERE day BETWEEN :from AND :to AND source = 'DIVIDENDS'),
				       sum(amount) FILTER (WHERE day BETWEEN :previousFrom AND :previousTo)
				FROM income_linked
				WHERE county_code = :county AND (CAST(:own AS UUID) IS NULL OR organisation_id = :own)
				  AND (day BETWEEN :from AND :to OR day BETWEEN :previousFrom AND :previousTo)
				GROUP BY household_id""")
			.param("from", period.from())
			.param("to", period.to())
			.param("previousFrom", period.previousFrom())
			.param("previousTo", period.previousTo())
			.param("county", user.scope().countyCode())
			.param("own", IncomeScope.ownOrganisation(user))
			.query((rs, row) -> new HouseholdIncome(rs.getObject(1, UUID.class), year, rs.getBigDecimal(2),
					rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
			.list();
	}

	/** A household's linked income in every year it had some, newest first. */
	public List<HouseholdIncome> history(SignedInUser user, UUID householdId) {
		this.scope.requireReader(user);
		if (this.households.entries(user, List.of(householdId)).isEmpty()) {
			throw IncomeException.notFound();
		}
		Map<Integer, HouseholdIncome> byYear = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
		Map<Integer, java.math.BigDecimal[]> sums = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT year, source, sum(amount) FROM income_linked
				WHERE household_id = :household AND county_code = :county
				  AND (CAST(:own AS UUID) IS NULL OR organisation_id = :own)
				GROUP BY year, source""")
			.param("household", householdId)
			.param("county", user.scope().countyCode())
			.param("own", IncomeScope.ownOrganisation(user))
			.query((rs, row) -> {
				java.math.BigDecimal[] year = sums.computeIfAbsent(rs.getInt(1), key -> new java.math.BigDecimal[3]);
				year[IncomeSource.valueOf(rs.getString(2)).ordinal()] = rs.getBigDecimal(3);
				return null;
			})
			.list();
		for (Map.Entry<Integer, java.math.BigDecimal[]> year : sums.entrySet()) {
			java.math.BigDecimal[] before = sums.get(year.getKey() - 1);
			java.math.BigDecimal previous = (before == null) ? null
					: new HouseholdIncome(householdId, year.getKey() - 1, before[0], before[1], before[2], null)
						.total();
			java.math.BigDecimal[] amounts = year.getValue();
			byYear.put(year.getKey(),
					new HouseholdIncome(householdId, year.getKey(), amounts[0], amounts[1], amounts[2], previous));
		}
		return List.copyOf(byYear.values());
	}

	/** The county's roll-up for the year, per village, for the county's staff. */
	public IncomeOverview overview(SignedInUser user, int year) {
		return summary(user, year).overview();
	}

	/** The county's page for a year: its period, the roll-up and who needs attention. */
	public record Summary(Period period, IncomeOverview overview, List<HouseholdEntry> attention) {
	}

	/** The county's roll-up and attention list, from one pass over the records. */
	public Summary summary(SignedInUser user, int year) {
		this.scope.requireCountyReader(user);
		List<HouseholdIncome> incomes = incomes(user, year);
		Map<UUID, HouseholdEntry> directory = directory(user);
		return new Summary(period(year), IncomeOverview.of(year, incomes, directory),
				needingAttention(incomes, directory.values()));
	}

	/**
	 * The disadvantaged households of the county with no income linked to the platform in
	 * the year: whom the county should look after first.
	 */
	public List<HouseholdEntry> needingAttention(SignedInUser user, int year) {
		this.scope.requireCountyReader(user);
		return needingAttention(incomes(user, year), this.households.directory(user));
	}

	/** The same, from incomes and a directory already loaded. */
	public static List<HouseholdEntry> needingAttention(List<HouseholdIncome> incomes,
			java.util.Collection<HouseholdEntry> directory) {
		Set<UUID> linked = incomes.stream()
			.filter(HouseholdIncome::linked)
			.map(HouseholdIncome::householdId)
			.collect(Collectors.toSet());
		List<HouseholdEntry> attention = new ArrayList<>();
		for (HouseholdEntry household : directory) {
			if (household.disadvantaged() && !linked.contains(household.id())) {
				attention.add(household);
			}
		}
		return attention;
	}

	/** The county's today (Asia/Shanghai). */
	public java.time.LocalDate currentDate() {
		return this.scope.today();
	}

	/** The households the user sees, in name order. */
	public List<HouseholdEntry> directoryList(SignedInUser user) {
		return this.households.directory(user);
	}

	/** The households among these ids that the user sees. */
	public Map<UUID, HouseholdEntry> directoryEntries(SignedInUser user, java.util.Collection<UUID> ids) {
		return this.households.entries(user, ids);
	}

	/** The households the user sees, by id. */
	public Map<UUID, HouseholdEntry> directory(SignedInUser user) {
		Map<UUID, HouseholdEntry> all = new java.util.LinkedHashMap<>();
		this.households.directory(user).forEach(household -> all.put(household.id(), household));
		return all;
	}

}

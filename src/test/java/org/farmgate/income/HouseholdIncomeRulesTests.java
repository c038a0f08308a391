package org.farmgate.income;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.farmgate.registry.HouseholdEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule of DOMAIN.md on hand-built figures, without Spring: a household's income
 * increased when its income linked to the platform (procurement, wages, dividends) in a
 * year exceeds the year before; a village benefits when at least one of its households'
 * income increased; the county's figures add every household up, with or without a
 * village.
 */
class HouseholdIncomeRulesTests {

	private static final int YEAR = 2025;

	private static final String COUNTY = "520122";

	// one household's year

	@Test
	void moreThanLastYearIsAnIncrease() {
		HouseholdIncome income = income(UUID.randomUUID(), "100.00", "50.00", "0", "120.00");

		assertThat(income.total()).isEqualByComparingTo("150.00");
		assertThat(income.change()).isEqualByComparingTo("30.00");
		assertThat(income.increased()).isTrue();
		assertThat(income.linked()).isTrue();
		assertThat(income.changeRatio()).isEqualByComparingTo("0.2500");
	}

	@Test
	void aFenMoreThanLastYearIsStillAnIncrease() {
		assertThat(income(UUID.randomUUID(), "3000.01", null, null, "3000.00").increased()).isTrue();
	}

	@Test
	void theSameAsLastYearIsNotAnIncrease() {
		HouseholdIncome income = income(UUID.randomUUID(), "800.00", "200.00", null, "1000.00");

		assertThat(income.change()).isEqualByComparingTo("0");
		assertThat(income.increased()).isFalse();
		assertThat(income.linked()).isTrue();
	}

	@Test
	void theSameAsLastYearWrittenWithAnotherScaleIsNotAnIncreaseEither() {
		// sums from the database may come back as 1000.0 or 1000.000
		assertThat(income(UUID.randomUUID(), "1000.0", null, null, "1000.000").increased()).isFalse();
	}

	@Test
	void lessThanLastYearIsNotAnIncreaseButTheHouseholdIsStillLinked() {
		HouseholdIncome income = income(UUID.randomUUID(), "500.00", "100.00", "50.00", "900.00");

		assertThat(income.total()).isEqualByComparingTo("650.00");
		assertThat(income.change()).isEqualByComparingTo("-250.00");
		assertThat(income.increased()).isFalse();
		assertThat(income.linked()).isTrue();
		assertThat(income.changeRatio()).isNegative();
	}

	@Test
	void theFirstYearWithIncomeAndNoneBeforeIsAnIncrease() {
		HouseholdIncome income = income(UUID.randomUUID(), "60.00", null, null, null);

		assertThat(income.previousTotal()).isEqualByComparingTo("0");
		assertThat(income.increased()).isTrue();
		assertThat(income.linked()).isTrue();
		assertThat(income.changeRatio()).as("no ratio to a year without income").isNull();
	}

	@Test
	void aYearWhoseRecordsWereAllReversedIsNeitherLinkedNorAnIncrease() {
		// a purchase of 300.00 and its reversal of -300.00 sum to 0.00
		HouseholdIncome nothingBefore = income(UUID.randomUUID(), "0.00", null, null, null);
		HouseholdIncome somethingBefore = income(UUID.randomUUID(), "0.00", "0.00", "0.00", "400.00");

		assertThat(nothingBefore.total()).isEqualByComparingTo("0");
		assertThat(nothingBefore.linked()).isFalse();
		assertThat(nothingBefore.increased()).isFalse();
		assertThat(somethingBefore.linked()).isFalse();
		assertThat(somethingBefore.increased()).isFalse();
		assertThat(somethingBefore.change()).isEqualByComparingTo("-400.00");
	}

	@Test
	void aYearWithNoRecordAtAllIsNeitherLinkedNorAnIncrease() {
		HouseholdIncome income = income(UUID.randomUUID(), null, null, null, null);

		assertThat(income.total()).isEqualByComparingTo("0");
		assertThat(income.linked()).isFalse();
		assertThat(income.increased()).isFalse();
	}

	@Test
	void theTotalIsTheSumOfProcurementWagesAndDividends() {
		HouseholdIncome income = income(UUID.randomUUID(), "1234.56", "789.10", "100.34", "2124.00");

		assertThat(income.total()).isEqualByComparingTo("2124.00");
		assertThat(income.increased()).as("equal to last year to the fen").isFalse();
		assertThat(income(UUID.randomUUID(), null, "2000.00", null, "1999.99").total()).isEqualByComparingTo("2000.00");
		assertThat(income(UUID.randomUUID(), null, null, "88.80", null).total()).isEqualByComparingTo("88.80");
	}

	@Test
	void anIncreaseFromWagesAloneCountsAsMuchAsOneFromProcurement() {
		// less from selling produce, more from wages: the linked income is what counts
		HouseholdIncome income = income(UUID.randomUUID(), "1000.00", "1500.00", null, "2400.00");

		assertThat(income.increased()).isTrue();
		assertThat(income.change()).isEqualByComparingTo("100.00");
	}

	// the county's and the villages' roll-ups

	@Test
	void theOverviewCountsLinkedIncreasedAndDisadvantagedHouseholdsPerVillage() {
		County county = new County();

		IncomeOverview overview = IncomeOverview.of(YEAR, county.incomes, county.households);

		VillageIncome a = village(overview, county.villageA);
		assertThat(a.householdsLinked()).isEqualTo(3);
		assertThat(a.disadvantagedLinked()).isEqualTo(2);
		assertThat(a.householdsIncreased()).isEqualTo(2);
		assertThat(a.disadvantagedIncreased()).isEqualTo(1);
		assertThat(a.total()).isEqualByComparingTo("6300.00");
		assertThat(a.previousTotal()).isEqualByComparingTo("4800.00");
		assertThat(a.benefiting()).isTrue();

		VillageIncome b = village(overview, county.villageB);
		assertThat(b.householdsLinked()).isEqualTo(1);
		assertThat(b.householdsIncreased()).isZero();
		assertThat(b.total()).isEqualByComparingTo("700.00");
		assertThat(b.previousTotal()).isEqualByComparingTo("1000.00");

		VillageIncome c = village(overview, county.villageC);
		assertThat(c.householdsLinked()).as("income last year only").isZero();
		assertThat(c.disadvantagedLinked()).isZero();
		assertThat(c.householdsIncreased()).isZero();
		assertThat(c.total()).isEqualByComparingTo("0");
		assertThat(c.previousTotal()).isEqualByComparingTo("500.00");
	}

	@Test
	void aVillageWhoseOnlyHouseholdEarnedLessDoesNotBenefit() {
		County county = new County();

		IncomeOverview overview = IncomeOverview.of(YEAR, county.incomes, county.households);

		assertThat(village(overview, county.villageB).benefiting()).isFalse();
		assertThat(village(overview, county.villageC).benefiting()).isFalse();
		assertThat(overview.villages()).filteredOn(VillageIncome::benefiting)
			.extracting(VillageIncome::villageId)
			.containsExactlyInAnyOrder(county.villageA, null);
	}

	@Test
	void householdsWithoutAVillageCountInTheCountyButNotAsABenefitingVillage() {
		County county = new County();

		IncomeOverview overview = IncomeOverview.of(YEAR, county.incomes, county.households);

		VillageIncome unknown = village(overview, null);
		assertThat(unknown.householdsLinked()).as("one without a village, one the registry does not list").isEqualTo(2);
		assertThat(unknown.householdsIncreased()).isEqualTo(2);
		assertThat(unknown.disadvantagedIncreased()).as("a household the registry does not list is not disadvantaged")
			.isEqualTo(1);
		assertThat(overview.villagesBenefiting()).as("village A only").isEqualTo(1);
		assertThat(overview.householdsIncreased()).as("two of village A and the two without a village").isEqualTo(4);
	}

	@Test
	void theCountyTotalsAddUpEveryHousehold() {
		County county = new County();

		IncomeOverview overview = IncomeOverview.of(YEAR, county.incomes, county.households);

		assertThat(overview.year()).isEqualTo(YEAR);
		assertThat(overview.householdsLinked()).isEqualTo(6);
		assertThat(overview.householdsIncreased()).isEqualTo(4);
		assertThat(overview.disadvantagedLinked()).isEqualTo(3);
		assertThat(overview.disadvantagedIncreased()).isEqualTo(2);
		assertThat(overview.villagesBenefiting()).isEqualTo(1);
		assertThat(overview.total()).isEqualByComparingTo("9000.00");
		assertThat(overview.previousTotal()).isEqualByComparingTo("6800.00");
		assertThat(overview.villages()).hasSize(4);
		assertThat(overview.villages().stream().mapToInt(VillageIncome::householdsLinked).sum())
			.isEqualTo(overview.householdsLinked());
		assertThat(overview.villages().stream().map(VillageIncome::total).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(overview.total());
	}

	@Test
	void theVillagesComeLargestTotalFirst() {
		County county = new County();

		IncomeOverview overview = IncomeOverview.of(YEAR, county.incomes, county.households);

		assertThat(overview.villages()).extracting(VillageIncome::villageId)
			.containsExactly(county.villageA, null, county.villageB, county.villageC);
	}

	@Test
	void aCountyWithoutAnyIncomeHasNothingToCount() {
		IncomeOverview overview = IncomeOverview.of(YEAR, List.of(), Map.of());

		assertThat(overview.householdsLinked()).isZero();
		assertThat(overview.householdsIncreased()).isZero();
		assertThat(overview.villagesBenefiting()).isZero();
		assertThat(overview.total()).isEqualByComparingTo("0");
		assertThat(overview.villages()).isEmpty();
	}

	@Test
	void aVillageOfOnlyReversedRecordsHasNoLinkedHouseholdAndDoesNotBenefit() {
		UUID village = UUID.randomUUID();
		UUID household = UUID.randomUUID();
		Map<UUID, HouseholdEntry> households = Map.of(household, entry(household, village, true));

		IncomeOverview overview = IncomeOverview.of(YEAR, List.of(income(household, "0.00", null, null, null)),
				households);

		assertThat(overview.householdsLinked()).isZero();
		assertThat(overview.disadvantagedLinked()).isZero();
		assertThat(overview.householdsIncreased()).isZero();
		assertThat(overview.villagesBenefiting()).isZero();
		assertThat(village(overview, village).benefiting()).isFalse();
	}

	/**
	 * Seven households: three in village A (one increased, one disadvantaged increased,
	 * one disadvantaged that earned less), one in B that earned less, one in C with
	 * income last year only, one registered without a village that increased, and one the
	 * registry does not list that increased.
	 */
	private static final class County {

		final UUID villageA = UUID.randomUUID();

		final UUID villageB = UUID.randomUUID();

		final UUID villageC = UUID.randomUUID();

		final Map<UUID, HouseholdEntry> households = new HashMap<>();

		final List<HouseholdIncome> incomes;

		County() {
			UUID a1 = registered(this.villageA, false);
			UUID a2 = registered(this.villageA, true);
			UUID a3 = registered(this.villageA, true);
			UUID b1 = registered(this.villageB, false);
			UUID c1 = registered(this.villageC, true);
			UUID noVillage = registered(null, true);
			UUID unlisted = UUID.randomUUID();
			this.incomes = List.of(income(a1, "2000.00", "1000.00", null, "2000.00"),
					income(a2, "1500.00", null, "300.00", null), income(a3, "1500.00", null, null, "2800.00"),
					income(b1, "700.00", null, null, "1000.00"), income(c1, null, null, null, "500.00"),
					income(noVillage, "900.00", null, null, "500.00"), income(unlisted, null, "1100.00", null, null));
		}

		private UUID registered(UUID village, boolean disadvantaged) {
			UUID id = UUID.randomUUID();
			this.households.put(id, entry(id, village, disadvantaged));
			return id;
		}

	}

	private static VillageIncome village(IncomeOverview overview, UUID villageId) {
		List<VillageIncome> found = overview.villages()
			.stream()
			.filter(village -> java.util.Objects.equals(village.villageId(), villageId))
			.toList();
		assertThat(found).as("village %s", villageId).hasSize(1);
		return found.get(0);
	}

	private static HouseholdEntry entry(UUID id, UUID village, boolean disadvantaged) {
		return new HouseholdEntry(id, COUNTY, "户主", 3, village, disadvantaged, null, null);
	}

	private static HouseholdIncome income(UUID household, String procurement, String wages, String dividends,
			String previous) {
		return new HouseholdIncome(household, YEAR, amount(procurement), amount(wages), amount(dividends),
				amount(previous));
	}

	private static BigDecimal amount(String value) {
		return (value != null) ? new BigDecimal(value) : null;
	}

}

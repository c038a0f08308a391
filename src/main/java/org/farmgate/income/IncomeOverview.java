package org.farmgate.income;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.farmgate.registry.HouseholdEntry;

/**
 * Farmers' income in a county for a year: the households with linked income and with an
 * increase, the disadvantaged among them, the villages benefiting, and the same per
 * village (largest total first).
 */
public record IncomeOverview(int year, int householdsLinked, int householdsIncreased, int disadvantagedLinked,
		int disadvantagedIncreased, int villagesBenefiting, BigDecimal total, BigDecimal previousTotal,
		List<VillageIncome> villages) {

	/**
	 * Rolls households' incomes up by the village the registry gives each; a household
	 * the registry does not list is counted without a village and not as disadvantaged.
	 */
	public static IncomeOverview of(int year, List<HouseholdIncome> incomes, Map<UUID, HouseholdEntry> households) {
		Map<UUID, List<HouseholdIncome>> byVillage = new LinkedHashMap<>();
		for (HouseholdIncome income : incomes) {
			HouseholdEntry household = households.get(income.householdId());
			UUID village = (household != null) ? household.villageId() : null;
			byVillage.computeIfAbsent(village, key -> new ArrayList<>()).add(income);
		}
		List<VillageIncome> villages = new ArrayList<>();
		byVillage.forEach((village, members) -> villages.add(village(village, members, households)));
		villages.sort(Comparator.comparing(VillageIncome::total).reversed());
		VillageIncome all = village(null, incomes, households);
		int benefiting = (int) villages.stream()
			.filter(village -> village.villageId() != null && village.benefiting())
			.count();
		return new IncomeOverview(year, all.householdsLinked(), all.householdsIncreased(), all.disadvantagedLinked(),
				all.disadvantagedIncreased(), benefiting, all.total(), all.previousTotal(), List.copyOf(villages));
	}

	private static VillageIncome village(UUID village, List<HouseholdIncome> incomes,
			Map<UUID, HouseholdEntry> households) {
		int linked = 0;
		int disadvantagedLinked = 0;
		int increased = 0;
		int disadvantagedIncreased = 0;
		BigDecimal total = BigDecimal.ZERO;
		BigDecimal previous = BigDecimal.ZERO;
		for (HouseholdIncome income : incomes) {
			HouseholdEntry household = households.get(income.householdId());
			boolean disadvantaged = household != null && household.disadvantaged();
			total = total.add(income.total());
			previous = previous.add(income.previousTotal());
			if (income.linked()) {
				linked++;
				disadvantagedLinked += disadvantaged ? 1 : 0;
			}
			if (income.increased()) {
				increased++;
				disadvantagedIncreased += disadvantaged ? 1 : 0;
			}
		}
		return new VillageIncome(village, linked, disadvantagedLinked, total, previous, increased,
				disadvantagedIncreased);
	}

}

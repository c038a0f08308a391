package org.farmgate.income.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.income.IncomeQueries;
import org.farmgate.income.ProcurementManagement;
import org.farmgate.registry.HouseholdEntry;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The household picker of the income forms, made for a phone at a collection point: the
 * households matching a name or the last digits of a phone, else the ones bought from
 * last, never the whole county at once; the chosen one always among them.
 */
@Component
class HouseholdPicker {

	private static final int CHOICES = 20;

	private final IncomeQueries queries;

	private final ProcurementManagement procurements;

	HouseholdPicker(IncomeQueries queries, ProcurementManagement procurements) {
		this.queries = queries;
		this.procurements = procurements;
	}

	/**
	 * Puts the picker's choices, the chosen household and what was typed in the model.
	 */
	void fill(Model model, SignedInUser user, String q, UUID selected) {
		model.addAttribute("q", q);
		model.addAttribute("choices", choices(user, q, selected));
		model.addAttribute("selected", selected);
	}

	List<HouseholdEntry> choices(SignedInUser user, String q, UUID selected) {
		List<HouseholdEntry> all = this.queries.directoryList(user);
		String typed = (q != null) ? q.strip() : "";
		List<HouseholdEntry> found;
		if (typed.isEmpty()) {
			Map<UUID, HouseholdEntry> byId = all.stream()
				.collect(Collectors.toMap(HouseholdEntry::id, household -> household));
			found = this.procurements.recentHouseholds(user).stream().map(byId::get).filter(Objects::nonNull).toList();
		}
		else {
			found = all.stream().filter(household -> matches(household, typed)).limit(CHOICES).toList();
		}
		if (selected != null && found.stream().noneMatch(household -> household.id().equals(selected))) {
			List<HouseholdEntry> withSelected = new ArrayList<>();
			all.stream().filter(household -> household.id().equals(selected)).forEach(withSelected::add);
			withSelected.addAll(found);
			return withSelected;
		}
		return found;
	}

	/**
	 * Up to four digits: the end of the phone; anything else: part of the head's name.
	 */
	static boolean matches(HouseholdEntry household, String typed) {
		if (typed.chars().allMatch(Character::isDigit) && typed.length() <= 4) {
			String tail = household.phoneTail();
			return tail != null && tail.endsWith(typed);
		}
		return household.headName().toLowerCase(Locale.ROOT).contains(typed.toLowerCase(Locale.ROOT));
	}

}

package org.farmgate.income;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.farmgate.accounts.AuditLog;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.geo.VillageView;
import org.farmgate.registry.HouseholdEntry;
import org.farmgate.registry.HouseholdManagement;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The workbook for the poverty-alleviation office: every household with linked income in
 * the year (village, head, whether disadvantaged, ID number, income by source, last
 * year's, whether it increased), the villages, and the disadvantaged households with no
 * linked income. ID numbers are masked unless the user's role may see them and asked for
 * them; then the download is recorded in the audit log. Every value is written as a plain
 * cell, never as a formula, so that nothing in it runs when it is opened.
 */
@Service
public class IncomeExport {

	private final IncomeQueries queries;

	private final IncomeScope scope;

	private final HouseholdManagement households;

	private final CountyGeographyManagement geography;

	private final AuditLog auditLog;

	private final MessageSource messages;

	IncomeExport(IncomeQueries queries, IncomeScope scope, HouseholdManagement households,
			CountyGeographyManagement geography, AuditLog auditLog, MessageSource messages) {
		this.queries = queries;
		this.scope = scope;
		this.households = households;
		this.geography = geography;
		this.auditLog = auditLog;
		this.messages = messages;
	}

	/**
	 * Writes the workbook of the year.
	 * @param fullIds whether to write full ID numbers (refused for roles that may not see
	 * them)
	 */
	public void write(SignedInUser user, int year, boolean fullIds, Locale locale, OutputStream out)
			throws IOException {
		this.scope.requireCountyReader(user);
		Map<UUID, HouseholdEntry> directory = this.queries.directory(user);
		List<HouseholdIncome> all = this.queries.incomes(user, year);
		List<HouseholdEntry> attentionList = IncomeQueries.needingAttention(all, directory.values());
		List<HouseholdIncome> incomes = all.stream()
			.filter(income -> income.linked() || income.previousTotal().signum() > 0)
			.toList();
		Map<UUID, String> ids = fullIds
				? this.households.nationalIds(user, incomes.stream().map(HouseholdIncome::householdId).toList())
				: Map.of();
		Map<UUID, String> villages = new java.util.HashMap<>();
		for (VillageView village : this.geography.villages(user.scope().countyCode())) {
			villages.put(village.id(), village.townshipName() + " " + village.name());
		}
		IncomeOverview overview = IncomeOverview.of(year, incomes, directory);
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet(text("income.export.sheet.households", locale));
			header(sheet, locale, "income.village", "income.household", "income.members", "income.disadvantaged",
					"income.national-id", "income.phone", "income.source.PROCUREMENT", "income.source.WAGES",
					"income.source.DIVIDENDS", "income.total", "income.previous-total", "income.change",
					"income.increased");
			int r = 1;
			List<HouseholdIncome> sorted = incomes.stream()
				.sorted(Comparator.comparing((HouseholdIncome income) -> village(villages, directory, income))
					.thenComparing(income -> name(directory, income)))
				.toList();
			for (HouseholdIncome income : sorted) {
				HouseholdEntry household = directory.get(income.householdId());
				Row row = sheet.createRow(r++);
				text(row, 0, village(villages, directory, income));
				text(row, 1, name(directory, income));
				number(row, 2, (household != null) ? BigDecimal.valueOf(household.members()) : null);
				text(row, 3, yesNo(household != null && household.disadvantaged(), locale));
				text(row, 4, fullIds ? ids.get(income.householdId())
						: (household != null) ? household.maskedNationalId() : null);
				text(row, 5, (household != null) ? household.maskedPhone() : null);
				number(row, 6, income.procurement());
				number(row, 7, income.wages());
				number(row, 8, income.dividends());
				number(row, 9, income.total());
				number(row, 10, income.previousTotal());
				number(row, 11, income.change());
				text(row, 12, yesNo(income.increased(), locale));
			}
			Sheet villageSheet = workbook.createSheet(text("income.export.sheet.villages", locale));
			header(villageSheet, locale, "income.village", "income.households-linked", "income.disadvantaged-linked",
					"income.total", "income.previous-total", "income.households-increased",
					"income.disadvantaged-increased");
			r = 1;
			for (VillageIncome village : overview.villages()) {
				Row row = villageSheet.createRow(r++);
				text(row, 0, (village.villageId() != null) ? villages.getOrDefault(village.villageId(), "")
						: text("income.village.unknown", locale));
				number(row, 1, BigDecimal.valueOf(village.householdsLinked()));
				number(row, 2, BigDecimal.valueOf(village.disadvantagedLinked()));
				number(row, 3, village.total());
				number(row, 4, village.previousTotal());
				number(row, 5, BigDecimal.valueOf(village.householdsIncreased()));
				number(row, 6, BigDecimal.valueOf(village.disadvantagedIncreased()));
			}
			Sheet attention = workbook.createSheet(text("income.export.sheet.attention", locale));
			header(attention, locale, "income.village", "income.household", "income.members", "income.phone");
			r = 1;
			for (HouseholdEntry household : attentionList) {
				Row row = attention.createRow(r++);
				text(row, 0, (household.villageId() != null) ? villages.getOrDefault(household.villageId(), "") : "");
				text(row, 1, household.headName());
				number(row, 2, BigDecimal.valueOf(household.members()));
				text(row, 3, household.maskedPhone());
			}
			if (fullIds) {
				// who took full ID numbers away, never the numbers themselves
				this.auditLog.record("INCOME_EXPORT_FULL_IDS",
						"income " + year + ", " + ids.size() + " households, county " + user.scope().countyCode());
			}
			workbook.write(out);
			workbook.dispose();
		}
	}

	private static String village(Map<UUID, String> villages, Map<UUID, HouseholdEntry> directory,
			HouseholdIncome income) {
		HouseholdEntry household = directory.get(income.householdId());
		return (household != null && household.villageId() != null) ? villages.getOrDefault(household.villageId(), "")
				: "";
	}

	private static String name(Map<UUID, HouseholdEntry> directory, HouseholdIncome income) {
		HouseholdEntry household = directory.get(income.householdId());
		return (household != null) ? household.headName() : "";
	}

	private void header(Sheet sheet, Locale locale, String... keys) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < keys.length; i++) {
			text(row, i, text(keys[i], locale));
		}
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private String yesNo(boolean yes, Locale locale) {
		return text(yes ? "income.yes" : "income.no", locale);
	}

	/** A string cell: shown as it is, never evaluated, whatever it starts with. */
	private static void text(Row row, int column, String value) {
		Cell cell = row.createCell(column);
		if (value != null) {
			cell.setCellValue(value);
		}
	}

	private static void number(Row row, int column, BigDecimal value) {
		Cell cell = row.createCell(column);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
	}

}

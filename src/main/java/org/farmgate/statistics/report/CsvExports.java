package org.farmgate.statistics.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.statistics.Dashboard;
import org.farmgate.statistics.Filter;
import org.farmgate.statistics.Labels;
import org.farmgate.statistics.StatisticsQueries;
import org.farmgate.statistics.StatisticsQueries.Destination;
import org.farmgate.statistics.StatisticsQueries.Share;
import org.farmgate.statistics.TaobaoVillage;
import org.farmgate.web.CsvCells;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Every statistics table as CSV for a spreadsheet: UTF-8 with a byte-order mark (so that
 * Excel reads the Chinese), a header row in the reader's language, names rather than ids,
 * and every cell through {@link CsvCells}, so that no name runs as a formula. The
 * Taobao-village assessment sums whole villages, so it is empty when the view is narrowed
 * to an organisation (a merchant's), a shop or a product.
 */
@Component
public class CsvExports {

	/** The tables that export, by their name in the address. */
	public static final Set<String> TABLES = Set.of("platforms", "categories", "products", "villages", "organisations",
			"shops", "provinces", "cities", "districts", "taobao-villages");

	private static final int ALL = 1_000_000;

	private final StatisticsQueries queries;

	private final Labels labels;

	private final MonthlyReports reports;

	private final MessageSource messages;

	private final Dashboard dashboard;

	CsvExports(StatisticsQueries queries, Labels labels, MonthlyReports reports, Dashboard dashboard,
			MessageSource messages) {
		this.queries = queries;
		this.dashboard = dashboard;
		this.labels = labels;
		this.reports = reports;
		this.messages = messages;
	}

	/**
	 * Writes the table of what the filter covers.
	 * @throws IllegalArgumentException for a table not in {@link #TABLES}
	 */
	public void write(String table, Filter filter, SignedInUser user, Locale locale, Writer out) throws IOException {
		write(rows(table, filter, user, locale), out);
	}

	/** Rows as CSV: the byte-order mark, then each row, every cell formula-safe. */
	static void write(List<Object[]> rows, Writer out) throws IOException {
		out.write('\uFEFF');
		for (Object[] row : rows) {
			out.write(CsvCells.row(row));
		}
		out.flush();
	}

	/** The table's rows, the header first; shops are named as the user sees them. */
	List<Object[]> rows(String table, Filter filter, SignedInUser user, Locale locale) {
		List<Object[]> rows = new ArrayList<>();
		switch (table) {
			case "platforms":
				rows.add(header(locale, "statistics.report.platform-code", "statistics.report.platform",
						"statistics.report.orders", "statistics.report.net"));
				for (Share share : this.queries.byPlatform(filter)) {
					rows.add(new Object[] { share.key(), text("registry.platform." + share.key(), locale),
							share.orders(), share.net() });
				}
				break;
			case "categories":
				rows.add(header(locale, "statistics.report.category-code", "statistics.report.category",
						"statistics.report.orders", "statistics.report.net"));
				for (Share share : this.queries.byCategory(filter)) {
					rows.add(new Object[] { share.key(), share.key().isEmpty()
							? text("statistics.report.unmatched", locale) : this.labels.category(share.key(), locale),
							share.orders(), share.net() });
				}
				break;
			case "products":
				rows.add(header(locale, "statistics.report.product", "statistics.report.quantity",
						"statistics.report.orders", "statistics.report.net"));
				Labels.Names products = this.reports.names(filter.area(), locale);
				for (Share share : this.queries.topProducts(filter, ALL)) {
					rows.add(
							new Object[] {
									share.key().isEmpty() ? text("statistics.report.unmatched", locale)
											: products.of(share.key()),
									share.quantity(), share.orders(), share.net() });
				}
				break;
			case "villages":
				named(rows, this.queries.villages(filter), "statistics.report.village", "statistics.report.no-village",
						this.reports.names(filter.area(), locale)::of, locale);
				break;
			case "organisations":
				named(rows, this.queries.organisations(filter), "statistics.report.organisation-name",
						"statistics.report.no-village", this.reports.names(filter.area(), locale)::of, locale);
				break;
			case "shops":
				Labels.Names others = this.reports.names(filter.area(), locale);
				Map<String, String> shopNames = this.dashboard.shopNames(user);
				named(rows, this.queries.shopSales(filter), "statistics.report.shop", "statistics.report.shop",
						shop -> shopNames.getOrDefault(shop, others.of(shop)), locale);
				break;
			case "provinces":
				rows.add(header(locale, "statistics.report.code", "statistics.report.province",
						"statistics.report.orders", "statistics.report.net"));
				destinations(rows, filter, Destination::province, locale, false, false);
				break;
			case "cities":
				rows.add(header(locale, "statistics.report.code", "statistics.report.city",
						"statistics.report.province", "statistics.report.orders", "statistics.report.net"));
				destinations(rows, filter, Destination::city, locale, true, false);
				break;
			case "districts":
				rows.add(
						header(locale, "statistics.report.code", "statistics.report.district", "statistics.report.city",
								"statistics.report.province", "statistics.report.orders", "statistics.report.net"));
				destinations(rows, filter, Destination::county, locale, true, true);
				break;
			case "taobao-villages":
				rows.add(header(locale, "statistics.report.village", "statistics.report.sales-year",
						"statistics.report.shops", "statistics.report.active-shops", "statistics.report.households",
						"statistics.report.qualifies", "statistics.report.sales-missing",
						"statistics.report.active-shops-missing"));
				Labels.Names villages = this.reports.names(filter.area(), locale);
				for (TaobaoVillage village : MonthlyReports.byVillage(filter) ? this.queries.taobaoVillages(filter)
						: List.<TaobaoVillage>of()) {
					rows.add(new Object[] { villages.of(village.village()), village.sales(), village.shops(),
							village.activeShops(), village.households(),
							text(village.qualifies() ? "statistics.report.yes" : "statistics.report.no", locale),
							village.salesMissing(), village.activeShopsMissing() });
				}
				break;
			default:
				throw new IllegalArgumentException("no such table: " + table);
		}
		return rows;
	}

	private void named(List<Object[]> rows, List<Share> shares, String nameKey, String noneKey,
			Function<String, String> names, Locale locale) {
		rows.add(header(locale, nameKey, "statistics.report.orders", "statistics.report.net"));
		for (Share share : shares) {
			if (share.orders() == 0 && share.net().signum() == 0) {
				continue;
			}
			rows.add(new Object[] { share.key().isEmpty() ? text(noneKey, locale) : names.apply(share.key()),
					share.orders(), share.net() });
		}
	}

	/**
	 * Orders and net sales per destination at one level; the orders whose destination did
	 * not resolve that far make one row of their own, last.
	 */
	private void destinations(List<Object[]> rows, Filter filter, Function<Destination, String> level, Locale locale,
			boolean withProvince, boolean withCity) {
		Map<String, Destination> totals = new LinkedHashMap<>();
		for (Destination destination : this.queries.destinations(filter)) {
			String code = level.apply(destination);
			Destination known = totals.get(code);
			totals.put(code, (known == null) ? destination : new Destination(known.province(), known.city(),
					known.county(), known.orders() + destination.orders(), known.net().add(destination.net())));
		}
		List<Destination> sorted = new ArrayList<>(totals.values());
		sorted.sort(Comparator.comparing((Destination d) -> level.apply(d).isEmpty())
			.thenComparing(Destination::net, Comparator.reverseOrder())
			.thenComparing(level));
		for (Destination destination : sorted) {
			String code = level.apply(destination);
			List<Object> row = new ArrayList<>();
			row.add(code);
			row.add(code.isEmpty() ? text("statistics.report.unresolved-destination", locale)
					: this.labels.division(code));
			if (withCity) {
				row.add(code.isEmpty() ? "" : this.labels.division(destination.city()));
			}
			if (withProvince) {
				row.add(code.isEmpty() ? "" : this.labels.division(destination.province()));
			}
			row.add(destination.orders());
			row.add(destination.net());
			rows.add(row.toArray());
		}
	}

	private Object[] header(Locale locale, String... keys) {
		Object[] header = new Object[keys.length];
		for (int i = 0; i < keys.length; i++) {
			header[i] = text(keys[i], locale);
		}
		return header;
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}

package org.farmgate.statistics.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

import org.farmgate.statistics.Filter;
import org.farmgate.statistics.Labels;
import org.farmgate.statistics.StatisticsQueries;
import org.farmgate.statistics.StatisticsQueries.Share;
import org.farmgate.statistics.TaobaoVillage;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Gathers a {@link MonthlyReport} from the statistics' queries and names its rows in the
 * reader's language, telling how far it got as it goes.
 */
@Component
public class MonthlyReports {

	private final StatisticsQueries queries;

	private final Labels labels;

	private final MessageSource messages;

	MonthlyReports(StatisticsQueries queries, Labels labels, MessageSource messages) {
		this.queries = queries;
		this.labels = labels;
		this.messages = messages;
	}

	/**
	 * The report of the month over what the filter covers (its days are replaced by the
	 * month's).
	 * @param progress told 0–100 as the figures are read
	 */
	public MonthlyReport compile(Filter filter, YearMonth month, Locale locale, IntConsumer progress) {
		Filter days = new Filter(filter.area(), filter.village(), filter.organisation(), filter.shop(),
				filter.product(), month.atDay(1), month.atEndOfMonth());
		Labels.Names names = names(filter.area(), locale);
		progress.accept(10);
		org.farmgate.statistics.Summary summary = this.queries.summary(days);
		progress.accept(40);
		StatisticsQueries.Monthly monthly = this.queries.monthly(days);
		List<MonthlyReport.Line> platforms = this.queries.byPlatform(days)
			.stream()
			.map(share -> line(text("registry.platform." + share.key(), locale), share))
			.toList();
		progress.accept(50);
		List<MonthlyReport.Line> categories = this.queries.byCategory(days)
			.stream()
			.map(share -> line(share.key().isEmpty() ? text("statistics.report.unmatched", locale)
					: this.labels.category(share.key(), locale), share))
			.toList();
		List<MonthlyReport.Line> products = this.queries.topProducts(days, MonthlyReport.TOP)
			.stream()
			.map(share -> line(
					share.key().isEmpty() ? text("statistics.report.unmatched", locale) : names.of(share.key()), share))
			.toList();
		progress.accept(60);
		List<MonthlyReport.Line> villages = this.queries.villages(days)
			.stream()
			.filter(share -> share.orders() > 0)
			.limit(MonthlyReport.TOP)
			.map(share -> line(
					share.key().isEmpty() ? text("statistics.report.no-village", locale) : names.of(share.key()),
					share))
			.toList();
		List<MonthlyReport.Line> provinces = provinces(days);
		progress.accept(70);
		// a village's assessment sums every organisation of the village: not for a view
		// narrowed to one
		List<MonthlyReport.Taobao> taobao = byVillage(days)
				? this.queries.taobaoVillages(days).stream().map(village -> taobao(village, names)).toList()
				: List.of();
		progress.accept(80);
		return new MonthlyReport(filter.area(), this.labels.division(filter.area()),
				(filter.organisation() != null) ? names.of(filter.organisation()) : null, month, summary, monthly,
				platforms, categories, products, villages, provinces, taobao);
	}

	/**
	 * Whether the Taobao-village assessment may be shown: it counts every shop and sale
	 * of a village, so never in a view narrowed to an organisation, a shop or a product.
	 */
	static boolean byVillage(Filter filter) {
		return filter.organisation() == null && filter.shop() == null && filter.product() == null;
	}

	/** Paid orders and net sales per destination province, most first. */
	List<MonthlyReport.Line> provinces(Filter filter) {
		Map<String, long[]> orders = new HashMap<>();
		Map<String, BigDecimal> net = new HashMap<>();
		for (StatisticsQueries.Destination destination : this.queries.destinations(filter)) {
			if (destination.province().isEmpty()) {
				continue;
			}
			orders.computeIfAbsent(destination.province(), key -> new long[1])[0] += destination.orders();
			net.merge(destination.province(), destination.net(), BigDecimal::add);
		}
		return net.entrySet()
			.stream()
			.sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(MonthlyReport.TOP)
			.map(entry -> new MonthlyReport.Line(this.labels.division(entry.getKey()), orders.get(entry.getKey())[0], 0,
					entry.getValue()))
			.toList();
	}

	/** The names of the area's villages, organisations and products. */
	Labels.Names names(String area, Locale locale) {
		return this.labels.of(area, locale);
	}

	private MonthlyReport.Taobao taobao(TaobaoVillage village, Labels.Names names) {
		return new MonthlyReport.Taobao(names.of(village.village()), village.sales(), village.shops(),
				village.activeShops(), village.households(), village.qualifies(), village.salesMissing(),
				village.activeShopsMissing());
	}

	private static MonthlyReport.Line line(String name, Share share) {
		return new MonthlyReport.Line(name, share.orders(), share.quantity(), share.net());
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}

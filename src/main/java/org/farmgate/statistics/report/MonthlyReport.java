package org.farmgate.statistics.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.farmgate.statistics.StatisticsQueries;
import org.farmgate.statistics.Summary;

/**
 * The monthly county e-commerce report of an area (a county or a city, or one
 * organisation for its merchant): the month's headline figures, its tables with names in
 * the reader's language, and the series its charts draw.
 *
 * @param area the area's code
 * @param areaName the area's name
 * @param organisation the organisation's name when the report covers one only, else null
 * @param month the month reported
 * @param summary the headline figures of the month (year to date and year on year
 * included)
 * @param monthly net sales per month of the month's year and of the year before
 */
public record MonthlyReport(String area, String areaName, String organisation, YearMonth month, Summary summary,
		StatisticsQueries.Monthly monthly, List<Line> platforms, List<Line> categories, List<Line> products,
		List<Line> villages, List<Line> provinces, List<Taobao> taobaoVillages) {

	/** The most rows of the products, villages and provinces tables. */
	public static final int TOP = 10;

	/**
	 * A row of a table: a name, its orders, quantity (0 when not counted) and net sales.
	 */
	public record Line(String name, long orders, long quantity, BigDecimal net) {
	}

	/** A village against the Taobao-village thresholds, named. */
	public record Taobao(String village, BigDecimal sales, int shops, int activeShops, int households,
			boolean qualifies, BigDecimal salesMissing, int activeShopsMissing) {
	}

}

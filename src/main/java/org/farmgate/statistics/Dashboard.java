package org.farmgate.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything one dashboard view shows for a filter, with names: the summary, the charts'
 * series, the tables (platforms, categories, products, villages, organisations, shops,
 * cities, districts), the province tile grid and the Taobao-village assessment.
 */
@Component
public class Dashboard {

	private final StatisticsQueries queries;

	private final Labels labels;

	private final ProvinceGrid grid;

	private final RegistryManagement registry;

	private final JsonMapper json;

	private final MessageSource messages;

	Dashboard(StatisticsQueries queries, Labels labels, ProvinceGrid grid, RegistryManagement registry, JsonMapper json,
			MessageSource messages) {
		this.messages = messages;
		this.queries = queries;
		this.labels = labels;
		this.grid = grid;
		this.registry = registry;
		this.json = json;
	}

	/**
	 * The view of a filter for a signed-in user (who names shops), or for the public
	 * ({@code user} null: no organisation, shop or product is named, and no slice sold by
	 * fewer than {@code minimumOrganisations} organisations is shown apart).
	 */
	public View view(Filter filter, Locale locale, SignedInUser user, int minimumOrganisations) {
		boolean open = user == null;
		Labels.Names names = this.labels.of(filter.area(), locale);
		Map<String, String> shopNames = open ? Map.of() : shopNames(user);
		List<StatisticsQueries.Destination> destinations = this.queries.destinations(filter);
		List<StatisticsQueries.Share> villageSales = this.queries.villages(filter);
		Summary summary = this.queries.summary(filter, destinations, villageSales);
		List<Row> platforms = rows(this.queries.byPlatform(filter),
				key -> this.messages.getMessage("registry.platform." + key, null, key, locale), open,
				minimumOrganisations);
		List<Row> categories = rows(this.queries.byCategory(filter),
				key -> key.isEmpty() ? "" : this.labels.category(key, locale), open, minimumOrganisations);
		List<Row> products = open ? List.of() : rows(this.queries.topProducts(filter, 10), names::of, false, 0);
		List<Row> villages = rows(villageSales, names::of, open, minimumOrganisations);
		List<Row> organisations = open ? List.of() : rows(this.queries.organisations(filter), names::of, false, 0);
		List<Row> shops = open ? List.of()
				: rows(this.queries.shopSales(filter), key -> shopNames.getOrDefault(key, names.of(key)), false, 0);
		List<Row> provinces = reach(destinations, StatisticsQueries.Destination::province);
		List<Row> cities = reach(destinations, StatisticsQueries.Destination::city);
		List<Row> districts = reach(destinations, StatisticsQueries.Destination::county);
		List<Taobao> taobao = new ArrayList<>();
		if (filter.product() == null && filter.shop() == null && filter.organisation() == null) {
			for (TaobaoVillage village : this.queries.taobaoVillages(filter)) {
				taobao.add(new Taobao(village, names.of(village.village())));
			}
		}
		StatisticsQueries.Monthly monthly = this.queries.monthly(filter);
		Map<String, Object> charts = new LinkedHashMap<>();
		charts.put("year", monthly.year());
		charts.put("thisYear", monthly.thisYear());
		charts.put("lastYear", monthly.lastYear());
		charts.put("platforms", series(platforms));
		charts.put("categories", series(categories));
		charts.put("products", series(products));
		charts.put("villages", series(villages.stream().limit(10).toList()));
		charts.put("provinces", series(provinces.stream().limit(10).toList()));
		return new View(filter, summary, names, platforms, categories, products,
				villages.stream().limit(open ? 20 : 50).toList(), organisations.stream().limit(50).toList(),
				shops.stream().limit(50).toList(), provinces, cities.stream().limit(50).toList(),
				districts.stream().limit(50).toList(), this.grid.tiles(destinations), taobao, scriptJson(charts));
	}

	private static List<Row> rows(List<StatisticsQueries.Share> shares, Function<String, String> name, boolean open,
			int minimumOrganisations) {
		List<Row> rows = new ArrayList<>();
		long otherOrders = 0;
		BigDecimal otherNet = BigDecimal.ZERO;
		int otherOrganisations = 0;
		for (StatisticsQueries.Share share : shares) {
			if (open && (share.organisations() < minimumOrganisations || share.key().isEmpty())) {
				otherOrders += share.orders();
				otherNet = otherNet.add(share.net());
				otherOrganisations += share.organisations();
				continue;
			}
			rows.add(new Row(share.key(), name.apply(share.key()), share.orders(), share.net(), share.quantity(),
					share.organisations()));
		}
		if (otherOrders > 0) {
			rows.add(new Row("", "", otherOrders, otherNet, 0, otherOrganisations));
		}
		return rows;
	}

	private List<Row> reach(List<StatisticsQueries.Destination> destinations,
			Function<StatisticsQueries.Destination, String> level) {
		Map<String, long[]> orders = new HashMap<>();
		Map<String, BigDecimal> net = new HashMap<>();
		for (StatisticsQueries.Destination destination : destinations) {
			String code = level.apply(destination);
			if (!code.isEmpty()) {
				orders.computeIfAbsent(code, key -> new long[1])[0] += destination.orders();
				net.merge(code, destination.net(), BigDecimal::add);
			}
		}
		List<Row> rows = new ArrayList<>();
		net.forEach(
				(code, sales) -> rows.add(new Row(code, this.labels.division(code), orders.get(code)[0], sales, 0, 0)));
		rows.sort(Comparator.comparing(Row::net).reversed().thenComparing(Row::key));
		return rows;
	}

	private static Map<String, Object> series(List<Row> rows) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("labels", rows.stream().map(Row::name).toList());
		series.put("values", rows.stream().map(Row::net).toList());
		return series;
	}

	/**
	 * JSON that may sit inside a script element: no character of it closes the element.
	 */
	private String scriptJson(Object value) {
		return this.json.writeValueAsString(value)
			.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026");
	}

	/**
	 * A table row: key (code or id), name, orders, net sales, quantity, organisations.
	 */
	public record Row(String key, String name, long orders, BigDecimal net, long quantity, int organisations) {
	}

	/** A village's Taobao-village assessment with its name. */
	public record Taobao(TaobaoVillage assessment, String name) {
	}

	/** One dashboard view. */
	public record View(Filter filter, Summary summary, Labels.Names names, List<Row> platforms, List<Row> categories,
			List<Row> products, List<Row> villages, List<Row> organisations, List<Row> shops, List<Row> provinces,
			List<Row> cities, List<Row> districts, List<ProvinceGrid.Tile> tiles, List<Taobao> taobao,
			String chartJson) {
	}

	/** The names of the shops the user sees, by shop id. */
	public Map<String, String> shopNames(SignedInUser user) {
		Map<String, String> names = new HashMap<>();
		for (ShopView shop : this.registry.shops(user)) {
			names.put(shop.id().toString(), shop.name());
		}
		return names;
	}

}

package org.farmgate.statistics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.farmgate.FarmgateApplication;
import org.farmgate.geo.Division;
import org.farmgate.geo.DivisionLevel;
import org.farmgate.geo.Divisions;
import org.farmgate.orders.OrderPaid;
import org.farmgate.orders.OrdersImported;
import org.farmgate.registry.Platform;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The county dashboard at city scale ({@code ./bench.sh dashboard --lines N}): generates
 * a synthetic Guiyang (10 counties, two years ending today, Zipf-like product popularity,
 * Double 11 at ten times a day's orders, destinations in every province) straight into
 * the order tables with COPY, writes the statistics tables from the same orders with the
 * rollup's own rules ({@link SalesRollup.Sale#of} and {@link SalesRollup.Deltas}, a day
 * at a time), checks that the rollups give the figures a plain GROUP BY over the order
 * tables gives, then times one dashboard view (the calls the dashboard page makes)
 * through {@link StatisticsQueries}, the same figures by GROUP BY over the order tables,
 * and the same by DuckDB over the same lines; last, the time from committing orders to
 * seeing them in the summary while 1,000 orders a second arrive through the event path.
 * Prints lines starting {@code RESULT}, {@code CHECK} and {@code DETAIL}.
 */
public final class DashboardBenchmark {

	static final String CITY = "520100";

	static final String[] COUNTIES = { "520102", "520103", "520111", "520112", "520113", "520115", "520121", "520122",
			"520123", "520181" };

	/** The counties' shares of the orders: the rural counties sell more online. */
	static final double[] COUNTY_WEIGHTS = { 1.0, 1.2, 0.8, 1.0, 0.9, 1.1, 1.4, 1.8, 1.3, 1.5 };

	static final String[] CATEGORIES = { "fresh-fruit", "vegetables", "tea", "rice-grain", "meat-poultry", "eggs-dairy",
			"mushrooms", "spices-chilli", "honey", "herbs", "crafts", "snacks" };

	static final Platform[] PLATFORMS = { Platform.TAOBAO, Platform.PINDUODUO, Platform.JD, Platform.DOUYIN,
			Platform.TMALL, Platform.LOCAL };

	static final double[] PLATFORM_WEIGHTS = { 0.35, 0.25, 0.15, 0.15, 0.05, 0.05 };

	static final int VILLAGES_PER_COUNTY = 40;

	static final int ORGANISATIONS_PER_COUNTY = 120;

	static final int SHOPS_PER_COUNTY = 264;

	static final int PRODUCTS_PER_COUNTY = 420;

	static final int HOUSEHOLDS_PER_COUNTY = 600;

	private DashboardBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long lines = 200_000;
		int freshnessSeconds = 30;
		int chunk = 10;
		for (int i = 0; i < args.length - 1; i++) {
			if ("--lines".equals(args[i])) {
				lines = Long.parseLong(args[i + 1]);
			}
			if ("--freshness-seconds".equals(args[i])) {
				freshnessSeconds = Integer.parseInt(args[i + 1]);
			}
			if ("--chunk".equals(args[i])) {
				chunk = Integer.parseInt(args[i + 1]);
			}
		}
		Path data = Files.createTempDirectory("farmgate-dashboard");
		ConfigurableApplicationContext context = SpringApplication.run(FarmgateApplication.class,
				"--farmgate.embedded-db.directory=" + data.resolve("postgres"), "--farmgate.demo=false",
				"--farmgate.statistics.backfill-on-start=false", "--farmgate.statistics.read-cube-at-start=false",
				"--server.port=0", "--logging.level.root=WARN",
				"--farmgate.secrets.key=dGVzdC1rZXktZm9yLWZhcm1nYXRlLXRlc3RzLW9ubHk=");
		try {
			DataSource dataSource = context.getBean(DataSource.class);
			StatisticsQueries queries = context.getBean(StatisticsQueries.class);
			LocalDate today = LocalDate.now(SalesRollup.CHINA);
			City city = new City(new Random(20261111), today);
			long started = System.nanoTime();
			long[] counts = city.load(dataSource, lines);
			long loadMs = (System.nanoTime() - started) / 1_000_000;
			started = System.nanoTime();
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("VACUUM ANALYZE");
				statement.execute(RAW_VIEWS_POSTGRES);
			}
			long vacuumMs = (System.nanoTime() - started) / 1_000_000;
			Map<String, Long> sizes = sizes(dataSource);
			System.out.printf(Locale.ROOT,
					"DETAIL load orders=%d lines=%d salesDayRows=%d productDayRows=%d loadSeconds=%.0f "
							+ "vacuumAnalyzeSeconds=%.0f%n",
					counts[0], counts[1], sizes.get("statistics_sales_day"), sizes.get("statistics_product_day"),
					loadMs / 1000.0, vacuumMs / 1000.0);

			List<Filter> views = views(new Random(7), today, 1000);
			long heapBefore = heapUsedMb();
			started = System.nanoTime();
			context.getBean(SalesCube.class).current();
			System.out.printf(Locale.ROOT, "DETAIL cube read into memory ms=%d heapUsedMb before=%d after=%d%n",
					(System.nanoTime() - started) / 1_000_000, heapBefore, heapUsedMb());
			check(queries, dataSource, views);

			// one dashboard view through the rollups: what the page asks for
			Timings rollup = new Timings(CALLS);
			for (int i = 0; i < 5; i++) {
				rollupView(queries, views.get(views.size() - 1 - i), null);
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			for (int i = 0; i < 200 && (i < 20 || System.nanoTime() < deadline); i++) {
				rollup.add(rollupView(queries, views.get(i), rollup), views.get(i));
			}
			rollup.print("rollup");

			Timings raw = new Timings(List.of("view"));
			try (Connection connection = dataSource.getConnection()) {
				connection.setReadOnly(true);
				rawView(connection, views.get(views.size() - 1));
				deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
				for (int i = 0; i < 100 && (i < 5 || System.nanoTime() < deadline); i++) {
					raw.add(rawView(connection, views.get(i)), views.get(i));
				}
			}
			raw.print("rawSql");

			Timings duck = new Timings(List.of("view"));
			started = System.nanoTime();
			try (Connection connection = duckdb(dataSource, data)) {
				long duckLoadMs = (System.nanoTime() - started) / 1_000_000;
				checkDuckDb(dataSource, connection, views.get(0));
				rawView(connection, views.get(views.size() - 1));
				deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
				for (int i = 0; i < 200 && (i < 20 || System.nanoTime() < deadline); i++) {
					duck.add(rawView(connection, views.get(i)), views.get(i));
				}
				duck.print("duckdb");
				System.out.printf(Locale.ROOT, "DETAIL duckdb version=%s exportAndLoadSeconds=%.0f threads=%s%n",
						scalar(connection, "SELECT version()"), duckLoadMs / 1000.0,
						scalar(connection, "SELECT current_setting('threads')"));
			}

			long[] freshness = freshness(context, city, queries, freshnessSeconds, chunk);

			System.out.printf(Locale.ROOT,
					"RESULT lines=%d p50Ms=%d p95Ms=%d rawSqlP95Ms=%d duckdbP95Ms=%d freshnessMs=%d%n", counts[1],
					rollup.percentile(0.5), rollup.percentile(0.95), raw.percentile(0.95), duck.percentile(0.95),
					freshness[1]);
		}
		finally {
			SpringApplication.exit(context);
			org.springframework.util.FileSystemUtils.deleteRecursively(data);
		}
		System.exit(0);
	}

	// ---------------------------------------------------------------- the dashboard
	// views

	/**
	 * Random dashboard views: a month, a quarter, the year to date or a year, of one of
	 * the ten counties or of the whole city, all within the two years of data.
	 */
	static List<Filter> views(Random random, LocalDate today, int n) {
		List<Filter> views = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String area = (random.nextInt(COUNTIES.length + 1) == COUNTIES.length) ? CITY
					: COUNTIES[random.nextInt(COUNTIES.length)];
			LocalDate from;
			LocalDate to;
			switch (random.nextInt(4)) {
				case 0 -> {
					from = today.minusMonths(random.nextInt(23)).withDayOfMonth(1);
					to = from.plusMonths(1).minusDays(1);
				}
				case 1 -> {
					LocalDate quarter = today.minusMonths(3L * random.nextInt(7));
					from = quarter.withMonth(((quarter.getMonthValue() - 1) / 3) * 3 + 1).withDayOfMonth(1);
					to = from.plusMonths(3).minusDays(1);
				}
				case 2 -> {
					to = today.minusDays(random.nextInt(365));
					from = to.withDayOfYear(1);
				}
				default -> {
					to = today.minusDays(random.nextInt(365));
					from = to.minusYears(1).plusDays(1);
				}
			}
			if (to.isAfter(today)) {
				to = today;
			}
			views.add(new Filter(area, null, null, null, null, from, to));
		}
		return views;
	}

	/** Heap in use after a collection, in MiB. */
	static long heapUsedMb() {
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
	}

	/** What {@link Dashboard#view} asks the queries for, in its order. */
	static final List<String> CALLS = List.of("destinations", "villages", "summary", "byPlatform", "byCategory",
			"topProducts", "organisations", "shopSales", "taobaoVillages", "monthly");

	/**
	 * One dashboard view through the rollups, in milliseconds: the calls
	 * {@link Dashboard#view} makes for a signed-in user (names left out).
	 */
	static long rollupView(StatisticsQueries queries, Filter filter, Timings calls) {
		long[] marks = new long[CALLS.size() + 1];
		marks[0] = System.nanoTime();
		List<StatisticsQueries.Destination> destinations = queries.destinations(filter);
		marks[1] = System.nanoTime();
		List<StatisticsQueries.Share> villages = queries.villages(filter);
		marks[2] = System.nanoTime();
		queries.summary(filter, destinations, villages);
		marks[3] = System.nanoTime();
		queries.byPlatform(filter);
		marks[4] = System.nanoTime();
		queries.byCategory(filter);
		marks[5] = System.nanoTime();
		queries.topProducts(filter, 10);
		marks[6] = System.nanoTime();
		queries.organisations(filter);
		marks[7] = System.nanoTime();
		queries.shopSales(filter);
		marks[8] = System.nanoTime();
		queries.taobaoVillages(filter);
		marks[9] = System.nanoTime();
		queries.monthly(filter);
		marks[10] = System.nanoTime();
		if (calls != null) {
			for (int i = 0; i < CALLS.size(); i++) {
				calls.call(i, (marks[i + 1] - marks[i]) / 1_000_000);
			}
		}
		return (marks[CALLS.size()] - marks[0]) / 1_000_000;
	}

	/**
	 * The relations the raw queries read, over the order tables: one row per order that
	 * counts (paid, not cancelled) and one per line of such an order, the order's paid
	 * amount and refunds shared among its lines by their amounts. The dimensions (shop →
	 * platform, organisation → village, SKU → product → category) are the statistics'
	 * small fact tables.
	 */
	static final String RAW_VIEWS_POSTGRES = """
			CREATE SCHEMA bench;
			CREATE VIEW bench.raw_sale AS
			SELECT o.county_code, CAST(o.paid_at AT TIME ZONE 'Asia/Shanghai' AS DATE) AS day, o.shop_id,
			       coalesce(o.province_code, '') AS province_code, coalesce(o.city_code, '') AS city_code,
			       coalesce(o.destination_code, '') AS destination_code, o.paid_amount AS gross,
			       least(coalesce(o.refunded_amount, 0), o.paid_amount) AS refunds
			FROM orders_order o WHERE o.paid_at IS NOT NULL AND o.status <> 'CANCELLED';
			CREATE VIEW bench.raw_line AS
			SELECT o.county_code, CAST(o.paid_at AT TIME ZONE 'Asia/Shanghai' AS DATE) AS day, o.shop_id,
			       coalesce(l.sku_id, '00000000-0000-0000-0000-000000000000') AS sku_id, l.quantity,
			       l.amount * o.paid_amount / o.goods_amount AS gross,
			       l.amount * least(coalesce(o.refunded_amount, 0), o.paid_amount) / o.goods_amount AS refunds
			FROM orders_order o JOIN orders_order_line l ON l.order_id = o.id
			WHERE o.paid_at IS NOT NULL AND o.status <> 'CANCELLED';
			CREATE VIEW bench.shop AS SELECT * FROM statistics_shop;
			CREATE VIEW bench.organisation AS SELECT * FROM statistics_organisation;
			CREATE VIEW bench.sku AS SELECT * FROM statistics_sku;
			CREATE VIEW bench.product AS SELECT * FROM statistics_product;
			""";

	/**
	 * The line-reading queries one dashboard view makes, as the same SQL for PostgreSQL
	 * and DuckDB: the summary's four totals, shop activity, destinations, villages and
	 * product types, then monthly, platforms, categories, top products, organisations,
	 * shops and the Taobao villages' year of sales and shop activity. (The small fact
	 * tables the summary also reads — income, training, parks, entrepreneurs — are left
	 * out here, which only favours the raw scans.)
	 */
	static List<String> rawQueries(Filter filter) {
		String counties = filter.counties();
		LocalDate to = filter.to();
		List<String> sql = new ArrayList<>();
		sql.add(rawTotals(counties, filter.from(), to));
		sql.add(rawTotals(counties, to.withDayOfYear(1), to));
		sql.add(rawTotals(counties, LocalDate.of(2000, 1, 1), to));
		sql.add(rawTotals(counties, filter.from().minusYears(1), to.minusYears(1)));
		sql.add(rawShops(counties, to));
		sql.add(rawDestinations(counties, filter.from(), to));
		sql.add(rawVillages(counties, filter.from(), to));
		sql.add("SELECT count(*) FROM (SELECT k.product_id FROM bench.raw_line d JOIN bench.sku k ON k.sku_id = d.sku_id"
				+ " WHERE " + where(counties, filter.from(), to) + " GROUP BY k.product_id) sold");
		sql.add(rawMonthly(counties, to.getYear()));
		sql.add(rawPlatforms(counties, filter.from(), to));
		sql.add(rawCategories(counties, filter.from(), to));
		sql.add(rawProducts(counties, filter.from(), to, 10));
		sql.add(rawGrouped("CAST(s.organisation_id AS TEXT)", counties, filter.from(), to));
		sql.add(rawGrouped("CAST(s.shop_id AS TEXT)", counties, filter.from(), to));
		sql.add(rawVillages(counties, to.minusYears(1).plusDays(1), to));
		sql.add(rawShops(counties, to));
		return sql;
	}

	static String where(String counties, LocalDate from, LocalDate to) {
		return "d.county_code LIKE '" + counties + "' AND d.day BETWEEN DATE '" + from + "' AND DATE '" + to + "'";
	}

	static String rawTotals(String counties, LocalDate from, LocalDate to) {
		return "SELECT count(*), coalesce(sum(d.gross), 0), coalesce(sum(d.refunds), 0) FROM bench.raw_sale d WHERE "
				+ where(counties, from, to);
	}

	static String rawShops(String counties, LocalDate to) {
		return "SELECT CAST(s.shop_id AS TEXT), s.platform, CAST(o.village_id AS TEXT), s.opened_on, coalesce(a.n, 0)"
				+ " FROM bench.shop s LEFT JOIN bench.organisation o ON o.organisation_id = s.organisation_id"
				+ " LEFT JOIN (SELECT d.shop_id, count(*) AS n FROM bench.raw_sale d WHERE d.county_code LIKE '"
				+ counties + "' AND d.day > DATE '" + to.minusMonths(3) + "' AND d.day <= DATE '" + to
				+ "' GROUP BY d.shop_id) a ON a.shop_id = s.shop_id WHERE s.county_code LIKE '" + counties
				+ "' AND (s.opened_on IS NULL OR s.opened_on <= DATE '" + to
				+ "') AND (s.closed_on IS NULL OR s.closed_on > DATE '" + to + "')";
	}

	static String rawDestinations(String counties, LocalDate from, LocalDate to) {
		return "SELECT d.province_code, d.city_code, d.destination_code, count(*), sum(d.gross - d.refunds)"
				+ " FROM bench.raw_sale d WHERE " + where(counties, from, to) + " GROUP BY 1, 2, 3";
	}

	/** Sales by organisation or shop ({@code key} over the shop {@code s}). */
	static String rawGrouped(String key, String counties, LocalDate from, LocalDate to) {
		return "SELECT " + key + ", count(*), sum(d.gross - d.refunds)"
				+ " FROM bench.raw_sale d JOIN bench.shop s ON s.shop_id = d.shop_id WHERE " + where(counties, from, to)
				+ " GROUP BY 1";
	}

	static String rawVillages(String counties, LocalDate from, LocalDate to) {
		return "SELECT coalesce(CAST(o.village_id AS TEXT), ''), count(*), sum(d.gross - d.refunds)"
				+ " FROM bench.raw_sale d JOIN bench.shop s ON s.shop_id = d.shop_id"
				+ " LEFT JOIN bench.organisation o ON o.organisation_id = s.organisation_id WHERE "
				+ where(counties, from, to) + " GROUP BY 1";
	}

	static String rawMonthly(String counties, int year) {
		return "SELECT CAST(EXTRACT(YEAR FROM d.day) AS INTEGER), CAST(EXTRACT(MONTH FROM d.day) AS INTEGER),"
				+ " sum(d.gross - d.refunds) FROM bench.raw_sale d WHERE "
				+ where(counties, LocalDate.of(year - 1, 1, 1), LocalDate.of(year, 12, 31)) + " GROUP BY 1, 2";
	}

	static String rawPlatforms(String counties, LocalDate from, LocalDate to) {
		return "SELECT s.platform, count(*), sum(d.gross - d.refunds) FROM bench.raw_sale d"
				+ " JOIN bench.shop s ON s.shop_id = d.shop_id WHERE " + where(counties, from, to) + " GROUP BY 1";
	}

	static String rawCategories(String counties, LocalDate from, LocalDate to) {
		return "SELECT coalesce(p.category_code, ''), count(*), sum(d.gross - d.refunds) FROM bench.raw_line d"
				+ " LEFT JOIN bench.sku k ON k.sku_id = d.sku_id LEFT JOIN bench.product p ON p.product_id = k.product_id"
				+ " WHERE " + where(counties, from, to) + " GROUP BY 1";
	}

	/**
	 * Products by net sales; each line counts as an order of its product (the generated
	 * orders never hold the same SKU twice).
	 */
	static String rawProducts(String counties, LocalDate from, LocalDate to, int limit) {
		return "SELECT coalesce(CAST(k.product_id AS TEXT), ''), count(*), sum(d.gross - d.refunds), sum(d.quantity)"
				+ " FROM bench.raw_line d LEFT JOIN bench.sku k ON k.sku_id = d.sku_id WHERE "
				+ where(counties, from, to) + " GROUP BY 1 ORDER BY 3 DESC, 1" + ((limit > 0) ? " LIMIT " + limit : "");
	}

	/** One dashboard view by the raw queries, in milliseconds. */
	static long rawView(Connection connection, Filter filter) throws SQLException {
		long started = System.nanoTime();
		try (Statement statement = connection.createStatement()) {
			for (String sql : rawQueries(filter)) {
				try (ResultSet rs = statement.executeQuery(sql)) {
					while (rs.next()) {
						rs.getObject(1);
					}
				}
			}
		}
		return (System.nanoTime() - started) / 1_000_000;
	}

	// ---------------------------------------------------------------- checks

	/**
	 * Compares the rollups' figures with the raw GROUP BY's for a few views: totals,
	 * destinations, villages, platforms and months exactly; products' orders and
	 * quantities exactly and their net within 0.01 % (the raw query shares an order's
	 * amount among its lines without the rollup's rounding to the cent).
	 */
	static void check(StatisticsQueries queries, DataSource dataSource, List<Filter> views) throws SQLException {
		List<Filter> checked = new ArrayList<>();
		checked.add(views.stream().filter(Filter::city).findFirst().orElseThrow());
		checked.add(views.stream().filter(view -> !view.city()).findFirst().orElseThrow());
		LocalDate today = LocalDate.now(SalesRollup.CHINA);
		checked.add(new Filter(CITY, null, null, null, null, today.minusYears(2), today));
		checked.add(new Filter("520122", null, null, null, null, LocalDate.of(today.getYear() - 1, 11, 1),
				LocalDate.of(today.getYear() - 1, 11, 30)));
		List<String> failures = new ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (Filter filter : checked) {
				String name = filter.area() + " " + filter.from() + ".." + filter.to();
				StatisticsQueries.Totals totals = queries.totals(filter);
				List<List<Object>> rawTotals = rows(statement,
						rawTotals(filter.counties(), filter.from(), filter.to()));
				same(failures, name + " totals", List.of(totals.orders(), totals.gross(), totals.refunds()),
						rawTotals.get(0));
				Map<String, List<Object>> destinations = new HashMap<>();
				for (StatisticsQueries.Destination row : queries.destinations(filter)) {
					destinations.put(row.province() + "/" + row.city() + "/" + row.county(),
							List.of(row.orders(), row.net()));
				}
				Map<String, List<Object>> rawDestinations = new HashMap<>();
				for (List<Object> row : rows(statement,
						rawDestinations(filter.counties(), filter.from(), filter.to()))) {
					rawDestinations.put(row.get(0) + "/" + row.get(1) + "/" + row.get(2),
							List.of(row.get(3), row.get(4)));
				}
				same(failures, name + " destinations", destinations, rawDestinations);
				same(failures, name + " villages", shares(queries.villages(filter)),
						rawShares(rows(statement, rawVillages(filter.counties(), filter.from(), filter.to()))));
				same(failures, name + " platforms", shares(queries.byPlatform(filter)),
						rawShares(rows(statement, rawPlatforms(filter.counties(), filter.from(), filter.to()))));
				StatisticsQueries.Monthly monthly = queries.monthly(filter);
				Map<String, Object> months = new HashMap<>();
				for (int m = 0; m < 12; m++) {
					months.put((monthly.year() - 1) + "-" + (m + 1), monthly.lastYear().get(m));
					months.put(monthly.year() + "-" + (m + 1), monthly.thisYear().get(m));
				}
				Map<String, Object> rawMonths = new HashMap<>(months);
				rawMonths.replaceAll((key, value) -> BigDecimal.ZERO);
				for (List<Object> row : rows(statement, rawMonthly(filter.counties(), monthly.year()))) {
					rawMonths.put(row.get(0) + "-" + row.get(1), row.get(2));
				}
				same(failures, name + " monthly", months, rawMonths);
				Map<String, List<Object>> rawProducts = new HashMap<>();
				for (List<Object> row : rows(statement,
						rawProducts(filter.counties(), filter.from(), filter.to(), 0))) {
					rawProducts.put((String) row.get(0), row);
				}
				for (StatisticsQueries.Share top : queries.topProducts(filter, 10)) {
					List<Object> row = rawProducts.get(top.key());
					if (row == null || ((Number) row.get(1)).longValue() != top.orders()
							|| ((Number) row.get(3)).longValue() != top.quantity() || !close(top.net(), row.get(2))) {
						failures.add(name + " product " + top + " raw " + row);
					}
				}
				List<StatisticsQueries.Share> categories = queries.byCategory(filter);
				Map<String, List<Object>> rawCategories = new HashMap<>();
				for (List<Object> row : rows(statement, rawCategories(filter.counties(), filter.from(), filter.to()))) {
					rawCategories.put((String) row.get(0), row);
				}
				for (StatisticsQueries.Share category : categories) {
					List<Object> row = rawCategories.get(category.key());
					if (row == null || ((Number) row.get(1)).longValue() != category.orders()
							|| !close(category.net(), row.get(2))) {
						failures.add(name + " category " + category + " raw " + row);
					}
				}
				if (categories.size() != rawCategories.size()) {
					failures.add(name + " categories " + categories.size() + " raw " + rawCategories.size());
				}
			}
		}
		System.out.println(failures.isEmpty() ? "CHECK rollups = raw GROUP BY ok (" + checked.size() + " views)"
				: "CHECK rollups = raw GROUP BY FAILED " + failures);
	}

	/**
	 * Compares PostgreSQL's and DuckDB's answers to every raw query of one view (numbers
	 * within a cent: DuckDB divides decimals as doubles).
	 */
	static void checkDuckDb(DataSource dataSource, Connection duck, Filter filter) throws SQLException {
		List<String> failures = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				Statement postgres = connection.createStatement();
				Statement duckdb = duck.createStatement()) {
			for (String sql : rawQueries(filter)) {
				List<List<Object>> a = sorted(rows(postgres, sql));
				List<List<Object>> b = sorted(rows(duckdb, sql));
				if (!sameRows(a, b)) {
					failures.add(sql + " postgres " + a.subList(0, Math.min(3, a.size())) + " duckdb "
							+ b.subList(0, Math.min(3, b.size())));
				}
			}
		}
		System.out.println(failures.isEmpty() ? "CHECK duckdb = postgres raw ok (" + filter + ")"
				: "CHECK duckdb = postgres raw FAILED " + failures);
	}

	/** Rows sorted by their text columns and their numbers rounded to the yuan. */
	static List<List<Object>> sorted(List<List<Object>> rows) {
		List<List<Object>> out = new ArrayList<>(rows);
		out.sort(java.util.Comparator.comparing(row -> {
			StringBuilder key = new StringBuilder();
			for (Object value : row) {
				key.append((value instanceof Number number)
						? new BigDecimal(number.toString()).setScale(0, RoundingMode.HALF_EVEN).toPlainString()
						: String.valueOf(value).strip());
				key.append('|');
			}
			return key.toString();
		}));
		return out;
	}

	static boolean sameRows(List<List<Object>> a, List<List<Object>> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			for (int j = 0; j < a.get(i).size(); j++) {
				Object x = a.get(i).get(j);
				Object y = b.get(i).get(j);
				if (x instanceof Number && y instanceof Number) {
					BigDecimal difference = new BigDecimal(x.toString()).subtract(new BigDecimal(y.toString())).abs();
					if (difference.compareTo(new BigDecimal("0.01")) > 0) {
						return false;
					}
				}
				else if (!String.valueOf(x).strip().equals(String.valueOf(y).strip())) {
					return false;
				}
			}
		}
		return true;
	}

	static boolean close(BigDecimal expected, Object actual) {
		BigDecimal value = new BigDecimal(actual.toString());
		BigDecimal tolerance = expected.abs().multiply(new BigDecimal("0.0001")).max(new BigDecimal("0.05"));
		return expected.subtract(value).abs().compareTo(tolerance) <= 0;
	}

	static Map<String, List<Object>> shares(List<StatisticsQueries.Share> shares) {
		Map<String, List<Object>> out = new HashMap<>();
		shares.forEach(share -> out.put(share.key(), List.of(share.orders(), share.net())));
		return out;
	}

	static Map<String, List<Object>> rawShares(List<List<Object>> rows) {
		Map<String, List<Object>> out = new HashMap<>();
		rows.forEach(row -> out.put((String) row.get(0), List.of(row.get(1), row.get(2))));
		return out;
	}

	/** Equal as figures: numbers compared by value, whatever their Java types. */
	static void same(List<String> failures, String what, Object expected, Object actual) {
		if (!figures(expected).equals(figures(actual))) {
			failures.add(what + ": rollup " + abbreviated(figures(expected)) + " raw " + abbreviated(figures(actual)));
		}
	}

	static String abbreviated(Object value) {
		String text = String.valueOf(value);
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	static Object figures(Object value) {
		if (value instanceof Number number) {
			return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(DashboardBenchmark::figures).toList();
		}
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> out = new java.util.TreeMap<>();
			map.forEach((key, v) -> out.put(String.valueOf(key), figures(v)));
			return out;
		}
		return value;
	}

	static List<List<Object>> rows(Statement statement, String sql) throws SQLException {
		List<List<Object>> rows = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				List<Object> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					Object value = rs.getObject(i);
					row.add((value instanceof java.sql.Date date) ? date.toLocalDate() : value);
				}
				rows.add(row);
			}
		}
		return rows;
	}

	static Object scalar(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			return rows(statement, sql).get(0).get(0);
		}
	}

	static Map<String, Long> sizes(DataSource dataSource) throws SQLException {
		Map<String, Long> sizes = new HashMap<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String table : List.of("statistics_sales_day", "statistics_product_day")) {
				sizes.put(table, ((Number) rows(statement, "SELECT count(*) FROM " + table).get(0).get(0)).longValue());
			}
		}
		return sizes;
	}

	// ---------------------------------------------------------------- DuckDB

	/**
	 * A DuckDB database holding the same orders and lines (exported from PostgreSQL once,
	 * the paid time as Asia/Shanghai local time), with the same relations as
	 * {@link #RAW_VIEWS_POSTGRES}.
	 */
	static Connection duckdb(DataSource dataSource, Path data) throws Exception {
		Path orders = data.resolve("orders.csv");
		Path lines = data.resolve("lines.csv");
		Map<String, Path> dimensions = new java.util.LinkedHashMap<>();
		try (Connection connection = dataSource.getConnection()) {
			PGConnection pg = connection.unwrap(PGConnection.class);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET TIME ZONE 'Asia/Shanghai'");
			}
			export(pg,
					"COPY (SELECT id, county_code, shop_id, status, paid_at AT TIME ZONE 'Asia/Shanghai', goods_amount,"
							+ " paid_amount, refunded_amount, province_code, city_code, destination_code FROM orders_order)"
							+ " TO STDOUT WITH (FORMAT csv)",
					orders);
			export(pg,
					"COPY (SELECT order_id, sku_id, quantity, amount FROM orders_order_line) TO STDOUT WITH (FORMAT csv)",
					lines);
			for (String table : List.of("shop", "organisation", "sku", "product")) {
				Path file = data.resolve(table + ".csv");
				export(pg, "COPY statistics_" + table + " TO STDOUT WITH (FORMAT csv)", file);
				dimensions.put(table, file);
			}
		}
		Class.forName("org.duckdb.DuckDBDriver");
		Connection duck = DriverManager.getConnection("jdbc:duckdb:" + data.resolve("city.duckdb"));
		try (Statement statement = duck.createStatement()) {
			statement.execute("CREATE SCHEMA bench");
			statement.execute("""
					CREATE TABLE bench.orders (id UUID, county_code VARCHAR, shop_id UUID, status VARCHAR,
					    paid_local TIMESTAMP, goods_amount DECIMAL(14,2), paid_amount DECIMAL(14,2),
					    refunded_amount DECIMAL(14,2), province_code VARCHAR, city_code VARCHAR,
					    destination_code VARCHAR)""");
			statement.execute(
					"CREATE TABLE bench.lines (order_id UUID, sku_id UUID, quantity INTEGER, amount DECIMAL(14,2))");
			statement.execute("""
					CREATE TABLE bench.shop (shop_id UUID, county_code VARCHAR, organisation_id UUID, platform VARCHAR,
					    opened_on DATE, closed_on DATE)""");
			statement.execute("""
					CREATE TABLE bench.organisation (organisation_id UUID, county_code VARCHAR, village_id UUID,
					    park_id UUID, park_relation VARCHAR, approved VARCHAR)""");
			statement.execute("CREATE TABLE bench.sku (sku_id UUID, product_id UUID, county_code VARCHAR)");
			statement.execute(
					"CREATE TABLE bench.product (product_id UUID, county_code VARCHAR, organisation_id UUID, category_code VARCHAR)");
			statement.execute("COPY bench.orders FROM '" + orders + "' (FORMAT csv, HEADER false)");
			statement.execute("COPY bench.lines FROM '" + lines + "' (FORMAT csv, HEADER false)");
			for (Map.Entry<String, Path> dimension : dimensions.entrySet()) {
				statement.execute("COPY bench." + dimension.getKey() + " FROM '" + dimension.getValue()
						+ "' (FORMAT csv, HEADER false)");
			}
			statement.execute("""
					CREATE VIEW bench.raw_sale AS
					SELECT o.county_code, CAST(o.paid_local AS DATE) AS day, o.shop_id,
					       coalesce(o.province_code, '') AS province_code, coalesce(o.city_code, '') AS city_code,
					       coalesce(o.destination_code, '') AS destination_code, o.paid_amount AS gross,
					       least(coalesce(o.refunded_amount, 0), o.paid_amount) AS refunds
					FROM bench.orders o WHERE o.paid_local IS NOT NULL AND o.status <> 'CANCELLED'""");
			statement.execute("""
					CREATE VIEW bench.raw_line AS
					SELECT o.county_code, CAST(o.paid_local AS DATE) AS day, o.shop_id,
					       coalesce(l.sku_id, '00000000-0000-0000-0000-000000000000') AS sku_id, l.quantity,
					       l.amount * o.paid_amount / o.goods_amount AS gross,
					       l.amount * least(coalesce(o.refunded_amount, 0), o.paid_amount) / o.goods_amount AS refunds
					FROM bench.orders o JOIN bench.lines l ON l.order_id = o.id
					WHERE o.paid_local IS NOT NULL AND o.status <> 'CANCELLED'""");
			statement.execute("CHECKPOINT");
		}
		for (Path file : List.of(orders, lines)) {
			Files.deleteIfExists(file);
		}
		return duck;
	}

	static void export(PGConnection pg, String sql, Path file) throws Exception {
		try (OutputStream out = Files.newOutputStream(file)) {
			pg.getCopyAPI().copyOut(sql, out);
		}
	}

	// ---------------------------------------------------------------- freshness

	/**
	 * Orders committed at 1,000 a second through the event path while a reader asks for
	 * the summary of a marker shop: the time from a marker order's commit to the summary
	 * counting it. Each transaction writes its orders and publishes them, {@code chunk}
	 * orders a publication, as an import chunk does (the orders of any shop: the
	 * statistics read each order's own shop and county) (the statistics take it in that
	 * transaction, decision 0016), or with {@code chunk} 1 one {@code OrderPaid} an
	 * order, as webhooks do (taken after the commit, in the background, through the event
	 * publication registry). Returns the median and maximum over the markers in
	 * milliseconds.
	 */
	static long[] freshness(ConfigurableApplicationContext context, City city, StatisticsQueries queries, int seconds,
			int chunk) throws Exception {
		ApplicationEventPublisher events = context;
		TransactionTemplate transactions = new TransactionTemplate(
				context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		Shop marker = city.markerShop(jdbc);
		LocalDate today = LocalDate.now(SalesRollup.CHINA);
		Filter watched = new Filter(marker.county(), null, null, marker.id(), null, today, today);
		long before = queries.summary(watched).orders();
		int perTick = 100;
		int ticksPerSecond = 10;
		int markers = seconds;
		long[] committed = new long[markers];
		long[] seen = new long[markers];
		AtomicInteger markersCommitted = new AtomicInteger();
		AtomicLong sent = new AtomicLong();
		AtomicInteger ticks = new AtomicInteger();
		AtomicLong lateTicks = new AtomicLong();
		ScheduledExecutorService generator = Executors.newSingleThreadScheduledExecutor();
		long start = System.nanoTime();
		generator.scheduleAtFixedRate(() -> {
			try {
				int tick = ticks.getAndIncrement();
				if (tick >= seconds * ticksPerSecond) {
					return;
				}
				long due = start + tick * (1_000_000_000L / ticksPerSecond);
				if (System.nanoTime() - due > 100_000_000L) {
					lateTicks.incrementAndGet();
				}
				boolean withMarker = tick % ticksPerSecond == 0;
				List<Order> orders = new ArrayList<>();
				for (int i = 0; i < perTick; i++) {
					orders.add(city.liveOrder((withMarker && i == 0) ? marker : null));
				}
				transactions.executeWithoutResult(status -> {
					city.insert(jdbc, orders);
					for (int from = 0; from < orders.size(); from += chunk) {
						List<Order> part = orders.subList(from, Math.min(orders.size(), from + chunk));
						List<OrderPaid> paid = part.stream().map(Order::paid).toList();
						if (chunk == 1) {
							events.publishEvent(paid.get(0));
						}
						else {
							Shop shop = part.get(0).shop();
							events.publishEvent(new OrdersImported(UUID.randomUUID(), UUID.randomUUID(), shop.id(),
									shop.organisation(), shop.county(), paid, List.of(), List.of(), List.of(),
									List.of()));
						}
					}
				});
				sent.addAndGet(orders.size());
				if (withMarker) {
					int index = markersCommitted.get();
					committed[index] = System.nanoTime();
					markersCommitted.incrementAndGet();
				}
			}
			catch (RuntimeException ex) {
				// a failed tick would silently end the schedule: say so
				ex.printStackTrace();
			}
		}, 0, 1000 / ticksPerSecond, TimeUnit.MILLISECONDS);
		int visible = 0;
		long end = start + TimeUnit.SECONDS.toNanos(seconds + 120L);
		while (visible < markers && System.nanoTime() < end) {
			long orders = queries.summary(watched).orders() - before;
			long now = System.nanoTime();
			int done = markersCommitted.get();
			while (visible < Math.min(orders, done)) {
				seen[visible++] = now;
			}
			Thread.sleep(5);
		}
		long sendSeconds = System.nanoTime() - start;
		generator.shutdown();
		generator.awaitTermination(1, TimeUnit.MINUTES);
		long[] latencies = new long[visible];
		for (int i = 0; i < visible; i++) {
			latencies[i] = (seen[i] - committed[i]) / 1_000_000;
		}
		Arrays.sort(latencies);
		long outstanding = jdbc.queryForObject("SELECT count(*) FROM event_publication WHERE completion_date IS NULL",
				Long.class);
		long p50 = (visible > 0) ? latencies[visible / 2] : -1;
		long max = (visible > 0) ? latencies[visible - 1] : -1;
		System.out.printf(Locale.ROOT,
				"DETAIL freshness markers=%d/%d p50Ms=%d maxMs=%d ordersSent=%d overSeconds=%.1f lateTicks=%d "
						+ "ordersPerPublication=%d outstandingPublicationsAtEnd=%d%n",
				visible, markers, p50, max, sent.get(), Math.min(sendSeconds / 1e9, seconds + 120.0), lateTicks.get(),
				chunk, outstanding);
		return new long[] { p50, (visible == markers) ? max : -1 };
	}

	// ---------------------------------------------------------------- timings

	/** Durations of dashboard views and of the calls within them. */
	static final class Timings {

		private final List<String> calls;

		private final List<Long> views = new ArrayList<>();

		private final List<List<Long>> perCall = new ArrayList<>();

		private final List<Long> cityYear = new ArrayList<>();

		Timings(List<String> calls) {
			this.calls = calls;
			calls.forEach(call -> this.perCall.add(new ArrayList<>()));
		}

		void add(long ms, Filter filter) {
			this.views.add(ms);
			if (filter.city() && ChronoUnit.DAYS.between(filter.from(), filter.to()) > 300) {
				this.cityYear.add(ms);
			}
		}

		void call(int index, long ms) {
			this.perCall.get(index).add(ms);
		}

		long percentile(double q) {
			return percentile(this.views, q);
		}

		static long percentile(List<Long> values, double q) {
			if (values.isEmpty()) {
				return -1;
			}
			long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
			return sorted[(int) Math.max(0, Math.ceil(q * sorted.length) - 1)];
		}

		void print(String name) {
			StringBuilder text = new StringBuilder();
			text.append(String.format(Locale.ROOT,
					"DETAIL %s views=%d p50Ms=%d p95Ms=%d maxMs=%d cityYearViews=%d" + " cityYearP50Ms=%d", name,
					this.views.size(), percentile(0.5), percentile(0.95), percentile(1.0), this.cityYear.size(),
					percentile(this.cityYear, 0.5)));
			if (this.calls.size() > 1) {
				for (int i = 0; i < this.calls.size(); i++) {
					text.append(String.format(Locale.ROOT, " %sP95Ms=%d", this.calls.get(i),
							percentile(this.perCall.get(i), 0.95)));
				}
			}
			System.out.println(text);
		}

	}

	// ---------------------------------------------------------------- the synthetic city

	record Shop(UUID id, String county, UUID organisation, Platform platform) {
	}

	record Sku(UUID id, UUID product, UUID organisation, BigDecimal price) {
	}

	record Destination(String province, String city, String county) {
	}

	record Line(Sku sku, int quantity, BigDecimal amount) {
	}

	/** A generated order and what the orders module would publish of it. */
	record Order(UUID id, String number, Shop shop, Instant createdAt, Instant paidAt, String status, String afterSale,
			BigDecimal goods, BigDecimal shipping, BigDecimal discount, BigDecimal paidAmount, BigDecimal refunded,
			Destination destination, List<Line> lines) {

		OrderPaid paid() {
			return new OrderPaid(this.id, this.number, this.shop.id(), this.shop.organisation(), this.shop.county(),
					this.shop.platform(), this.paidAmount, this.destination.province(), this.destination.city(),
					this.destination.county(), this.paidAt,
					this.lines.stream()
						.map(line -> new OrderPaid.Line(line.sku().id(), line.quantity(), line.amount()))
						.toList(),
					this.paidAt);
		}

	}

	/** The counties' villages, organisations, shops, products and buyers' places. */
	static final class City {

		private final Random random;

		private final LocalDate today;

		private final Map<String, List<Sku>> skus = new HashMap<>();

		private final Map<String, double[]> popularity = new HashMap<>();

		private final Map<UUID, List<Shop>> shopsOf = new HashMap<>();

		private final Map<UUID, List<Sku>> skusOf = new HashMap<>();

		private final List<Shop> shops = new ArrayList<>();

		private final List<Destination> destinations = new ArrayList<>();

		private final List<Destination> guizhou = new ArrayList<>();

		private long sequence;

		City(Random random, LocalDate today) {
			this.random = random;
			this.today = today;
			Divisions divisions = Divisions.load();
			for (int province = 11; province <= 82; province++) {
				Division p = divisions.byCode(province + "0000").orElse(null);
				if (p == null || p.level() != DivisionLevel.PROVINCE) {
					continue;
				}
				for (Division c : divisions.children(p.code())) {
					List<Division> counties = divisions.children(c.code());
					if (counties.isEmpty()) {
						this.destinations.add(new Destination(p.code(), c.code(), null));
					}
					for (Division county : counties) {
						Destination destination = new Destination(p.code(), c.code(), county.code());
						this.destinations.add(destination);
						if (p.code().equals("520000")) {
							this.guizhou.add(destination);
						}
					}
				}
			}
		}

		UUID uuid() {
			return new UUID(this.random.nextLong(), this.random.nextLong());
		}

		/** An id that sorts by creation, so that the big tables' keys load in order. */
		UUID sequentialId() {
			return new UUID(++this.sequence, this.random.nextLong());
		}

		/**
		 * Writes the facts, then the orders day by day with their lines, their
		 * {@code statistics_sale} rows and the day's rollup rows, each table through its
		 * own COPY. Returns the orders and lines written.
		 */
		private SalesRollup.Months months = new SalesRollup.Months();

		long[] load(DataSource dataSource, long targetLines) throws Exception {
			// the facts are small: made in memory, then copied one table at a time
			Map<String, Writer> facts = new java.util.LinkedHashMap<>();
			for (String table : List.of("statistics_organisation", "statistics_shop", "statistics_product",
					"statistics_sku", "statistics_household", "statistics_entrepreneur")) {
				facts.put(table, new java.io.StringWriter());
			}
			facts(facts);
			try (Connection connection = dataSource.getConnection()) {
				for (Map.Entry<String, Writer> table : facts.entrySet()) {
					connection.unwrap(PGConnection.class)
						.getCopyAPI()
						.copyIn("COPY " + table.getKey() + columns(table.getKey()) + " FROM STDIN",
								new java.io.StringReader(table.getValue().toString()));
				}
			}
			// the big tables stream at once, each through its own connection (the pool
			// and the server allow ten)
			List<Connection> connections = new ArrayList<>();
			try {
				Map<String, Writer> copies = new java.util.LinkedHashMap<>();
				for (String table : List.of("orders_order", "orders_order_line", "statistics_sale",
						"statistics_sales_day", "statistics_product_day")) {
					Connection connection = dataSource.getConnection();
					connections.add(connection);
					try (Statement statement = connection.createStatement()) {
						statement.execute("SET synchronous_commit = off");
					}
					copies.put(table,
							new BufferedWriter(new OutputStreamWriter(
									new PGCopyOutputStream(connection.unwrap(PGConnection.class),
											"COPY " + table + columns(table) + " FROM STDIN", 1 << 16),
									StandardCharsets.UTF_8), 1 << 16));
				}
				long[] written = orders(copies, targetLines);
				for (Writer copy : copies.values()) {
					copy.close();
				}
				// the monthly rollups, summed over the days' deltas
				Map<String, List<Object[]>> monthly = new java.util.LinkedHashMap<>();
				monthly.put("statistics_sales_month", SalesRollup.Months.rows(this.months.shops(), false));
				monthly.put("statistics_reach_month", SalesRollup.Months.rows(this.months.reach(), false));
				monthly.put("statistics_product_month", SalesRollup.Months.rows(this.months.products(), true));
				try (Connection connection = dataSource.getConnection()) {
					for (Map.Entry<String, List<Object[]>> table : monthly.entrySet()) {
						java.io.StringWriter text = new java.io.StringWriter();
						for (Object[] month : table.getValue()) {
							row(text, month);
						}
						connection.unwrap(PGConnection.class)
							.getCopyAPI()
							.copyIn("COPY " + table.getKey() + " FROM STDIN",
									new java.io.StringReader(text.toString()));
					}
				}
				return written;
			}
			finally {
				for (Connection connection : connections) {
					connection.close();
				}
			}
		}

		static String columns(String table) {
			switch (table) {
				case "orders_order":
					return " (id, county_code, organisation_id, shop_id, platform, platform_order_no, buyer_nickname,"
							+ " created_at, paid_at, shipped_at, completed_at, status, after_sale, goods_amount,"
							+ " shipping_fee, discount, paid_amount, refunded_amount, recipient_name, recipient_phone,"
							+ " raw_address, province_code, city_code, destination_code, destination_status,"
							+ " first_seen_at, updated_at)";
				case "orders_order_line":
					return " (order_id, line_key, item_id, title, sku_id, quantity, unit_price, amount)";
				case "statistics_sale":
					return " (order_id, county_code, shop_id, day, province_code, city_code, destination_code, paid,"
							+ " refunded, cancelled, lines)";
				case "statistics_household":
					return " (household_id, county_code, village_id, disadvantaged)";
				case "statistics_entrepreneur":
					return " (entrepreneur_id, county_code, village_id, organisation_id)";
				default:
					return "";
			}
		}

		private void facts(Map<String, Writer> copies) throws IOException {
			LocalDate first = this.today.minusDays(729);
			for (String county : COUNTIES) {
				List<UUID> villages = new ArrayList<>();
				for (int i = 0; i < VILLAGES_PER_COUNTY; i++) {
					villages.add(uuid());
				}
				List<UUID> organisations = new ArrayList<>();
				for (int i = 0; i < ORGANISATIONS_PER_COUNTY; i++) {
					UUID organisation = uuid();
					organisations.add(organisation);
					UUID village = villages.get(this.random.nextInt(villages.size()));
					row(copies.get("statistics_organisation"), organisation, county, village, null, null, true);
					row(copies.get("statistics_entrepreneur"), uuid(), county, village, organisation);
				}
				for (int i = 0; i < SHOPS_PER_COUNTY; i++) {
					// every organisation has a shop; the rest go to organisations at
					// random
					UUID organisation = organisations
						.get((i < organisations.size()) ? i : this.random.nextInt(organisations.size()));
					Shop shop = new Shop(uuid(), county, organisation, pick(PLATFORMS, PLATFORM_WEIGHTS));
					LocalDate opened = (this.random.nextDouble() < 0.85) ? first.minusDays(this.random.nextInt(700))
							: first.plusDays(this.random.nextInt(700));
					LocalDate closed = (this.random.nextDouble() < 0.05) ? this.today.minusDays(this.random.nextInt(30))
							: null;
					row(copies.get("statistics_shop"), shop.id(), county, organisation, shop.platform(), opened,
							closed);
					this.shops.add(shop);
					this.shopsOf.computeIfAbsent(organisation, key -> new ArrayList<>()).add(shop);
				}
				List<Sku> countySkus = new ArrayList<>();
				for (int i = 0; i < PRODUCTS_PER_COUNTY; i++) {
					UUID product = uuid();
					UUID organisation = organisations.get(i % organisations.size());
					row(copies.get("statistics_product"), product, county, organisation,
							CATEGORIES[this.random.nextInt(CATEGORIES.length)]);
					int variants = 1 + this.random.nextInt(3);
					for (int v = 0; v < variants; v++) {
						Sku sku = new Sku(uuid(), product, organisation,
								BigDecimal.valueOf(990 + this.random.nextInt(18_000), 2));
						row(copies.get("statistics_sku"), sku.id(), product, county);
						countySkus.add(sku);
						this.skusOf.computeIfAbsent(organisation, key -> new ArrayList<>()).add(sku);
					}
				}
				java.util.Collections.shuffle(countySkus, this.random);
				double[] cumulative = new double[countySkus.size()];
				double sum = 0;
				for (int rank = 0; rank < countySkus.size(); rank++) {
					sum += 1 / Math.pow(rank + 1, 1.1);
					cumulative[rank] = sum;
				}
				this.skus.put(county, countySkus);
				this.popularity.put(county, cumulative);
				for (int i = 0; i < HOUSEHOLDS_PER_COUNTY; i++) {
					row(copies.get("statistics_household"), uuid(), county,
							villages.get(this.random.nextInt(villages.size())), this.random.nextDouble() < 0.1);
				}
			}
		}

		/**
		 * The orders of the two years: a day's share grows by half over the two years,
		 * weekends sell a fifth more, and 11 November sells ten times a day.
		 */
		private long[] orders(Map<String, Writer> copies, long targetLines) throws IOException {
			LocalDate first = this.today.minusDays(729);
			double[] weights = new double[730];
			double total = 0;
			for (int d = 0; d < 730; d++) {
				LocalDate day = first.plusDays(d);
				double weight = (1 + 0.5 * d / 730.0) * ((day.getDayOfWeek().getValue() >= 6) ? 1.2 : 1.0)
						* ((day.getMonth() == Month.NOVEMBER && day.getDayOfMonth() == 11) ? 10 : 1);
				weights[d] = weight;
				total += weight;
			}
			double targetOrders = targetLines / 1.95;
			long orders = 0;
			long lines = 0;
			double[] countyWeights = COUNTY_WEIGHTS;
			// the monthly rollups, summed from each day's deltas and written at the end
			SalesRollup.Months months = new SalesRollup.Months();
			for (int d = 0; d < 730; d++) {
				LocalDate day = first.plusDays(d);
				long n = Math.round(targetOrders * weights[d] / total);
				SalesRollup.Deltas deltas = new SalesRollup.Deltas();
				for (long i = 0; i < n; i++) {
					String county = COUNTIES[pickIndex(countyWeights)];
					Order order = order(county, day, null, 3);
					write(copies, order, deltas);
					orders++;
					lines += order.lines().size();
				}
				for (Map.Entry<SalesRollup.SalesKey, SalesRollup.Totals> entry : deltas.sales.entrySet()) {
					SalesRollup.SalesKey key = entry.getKey();
					SalesRollup.Totals totals = entry.getValue();
					if (totals.orders != 0) {
						row(copies.get("statistics_sales_day"), key.county(), key.day(), key.shop(), key.province(),
								key.city(), key.destination(), totals.orders, totals.gross, totals.refunds);
					}
				}
				for (Map.Entry<SalesRollup.ProductKey, SalesRollup.Totals> entry : deltas.products.entrySet()) {
					SalesRollup.ProductKey key = entry.getKey();
					SalesRollup.Totals totals = entry.getValue();
					if (totals.orders != 0) {
						row(copies.get("statistics_product_day"), key.county(), key.day(), key.shop(), key.sku(),
								totals.orders, totals.quantity, totals.gross, totals.refunds);
					}
				}
				months.add(deltas);
			}
			this.months = months;
			return new long[] { orders, lines };
		}

		/**
		 * One order of a county on a day: its first SKU by popularity, the other lines
		 * from the same organisation's SKUs, sold by one of its shops.
		 */
		Order order(String county, LocalDate day, Shop only, int maxLines) {
			List<Sku> countySkus = this.skus.get(county);
			Sku first = countySkus.get(search(this.popularity.get(county)));
			Shop shop;
			if (only != null) {
				shop = only;
			}
			else {
				List<Shop> shops = this.shopsOf.get(first.organisation());
				shop = shops.get(this.random.nextInt(shops.size()));
			}
			List<Sku> mates = this.skusOf.get(first.organisation());
			double u = this.random.nextDouble();
			int wanted = Math.min(maxLines, (u < 0.35) ? 1 : (u < 0.70) ? 2 : 3);
			List<Sku> chosen = new ArrayList<>();
			chosen.add(first);
			for (int attempt = 0; chosen.size() < wanted && attempt < 10; attempt++) {
				Sku other = mates.get(this.random.nextInt(mates.size()));
				if (!chosen.contains(other)) {
					chosen.add(other);
				}
			}
			List<Line> lines = new ArrayList<>();
			BigDecimal goods = BigDecimal.ZERO;
			for (Sku sku : chosen) {
				int quantity = (this.random.nextDouble() < 0.7) ? 1 : 2 + this.random.nextInt(4);
				BigDecimal amount = sku.price().multiply(BigDecimal.valueOf(quantity));
				lines.add(new Line(sku, quantity, amount));
				goods = goods.add(amount);
			}
			BigDecimal shipping = (this.random.nextDouble() < 0.3)
					? BigDecimal.valueOf(500 + this.random.nextInt(700), 2) : BigDecimal.ZERO;
			BigDecimal discount = (this.random.nextDouble() < 0.4)
					? goods.multiply(BigDecimal.valueOf(1 + this.random.nextInt(10), 2)).setScale(2, RoundingMode.DOWN)
					: BigDecimal.ZERO;
			BigDecimal paid = goods.add(shipping).subtract(discount);
			ZonedDateTime at = day.atStartOfDay(SalesRollup.CHINA).plusSeconds(this.random.nextInt(86_400));
			if (at.toLocalDate().isAfter(day)) {
				at = day.atTime(23, 59).atZone(SalesRollup.CHINA);
			}
			Instant paidAt = at.toInstant();
			boolean recent = day.isAfter(this.today.minusDays(3));
			double s = this.random.nextDouble();
			String status = recent ? "PAID" : "COMPLETED";
			String afterSale = "NONE";
			BigDecimal refunded = null;
			if (only == null && s < 0.02) {
				// cancelled before payment
				status = "CANCELLED";
				paidAt = null;
				paid = null;
			}
			else if (only == null && s < 0.035) {
				// cancelled after payment, money back
				status = "CANCELLED";
				refunded = paid;
				afterSale = "REFUNDED";
			}
			else if (only == null && s < 0.065) {
				afterSale = "REFUNDED";
				refunded = paid;
			}
			else if (only == null && s < 0.085) {
				afterSale = "REFUNDED_PARTIAL";
				refunded = paid.multiply(BigDecimal.valueOf(10 + this.random.nextInt(50), 2))
					.setScale(2, RoundingMode.DOWN);
			}
			Destination destination;
			double where = this.random.nextDouble();
			if (where < 0.02) {
				destination = new Destination(null, null, null);
			}
			else if (where < 0.25) {
				destination = this.guizhou.get(this.random.nextInt(this.guizhou.size()));
			}
			else {
				destination = this.destinations.get(this.random.nextInt(this.destinations.size()));
			}
			return new Order(sequentialId(), Long.toString(10_000_000_000L + this.sequence), shop,
					at.toInstant().minusSeconds(60 + this.random.nextInt(600)), paidAt, status, afterSale, goods,
					shipping, discount, paid, refunded, destination, lines);
		}

		/** An order paid now, for the freshness run; of the marker shop when given. */
		Order liveOrder(Shop marker) {
			synchronized (this) {
				if (marker != null) {
					return now(order(COUNTIES[pickIndex(COUNTY_WEIGHTS)], this.today, marker, 1), marker);
				}
				String county = COUNTIES[pickIndex(COUNTY_WEIGHTS)];
				Order order = order(county, this.today, null, 3);
				return now(order, null);
			}
		}

		private Order now(Order order, Shop marker) {
			Instant paidAt = Instant.now();
			BigDecimal paid = (order.paidAmount() != null) ? order.paidAmount() : order.goods();
			// a marker sells the marker shop's one SKU so that its product exists
			List<Line> lines = (marker != null)
					? List.of(new Line(this.skusOf.get(marker.organisation()).get(0), 1, paid)) : order.lines();
			return new Order(order.id(), order.number(), order.shop(), paidAt.minusSeconds(30), paidAt, "PAID", "NONE",
					(marker != null) ? paid : order.goods(), (marker != null) ? BigDecimal.ZERO : order.shipping(),
					(marker != null) ? BigDecimal.ZERO : order.discount(), paid, null, order.destination(), lines);
		}

		/** A shop of its own organisation in 520122, with one SKU, for the markers. */
		Shop markerShop(JdbcTemplate jdbc) {
			synchronized (this) {
				UUID organisation = uuid();
				Shop shop = new Shop(uuid(), "520122", organisation, Platform.TAOBAO);
				Sku sku = new Sku(uuid(), uuid(), organisation, new BigDecimal("19.90"));
				jdbc.update(
						"INSERT INTO statistics_organisation (organisation_id, county_code, approved) VALUES (?, ?, TRUE)",
						organisation, shop.county());
				jdbc.update(
						"INSERT INTO statistics_shop (shop_id, county_code, organisation_id, platform, opened_on)"
								+ " VALUES (?, ?, ?, ?, ?)",
						shop.id(), shop.county(), organisation, shop.platform().name(), this.today.minusYears(1));
				jdbc.update("INSERT INTO statistics_product (product_id, county_code, organisation_id, category_code)"
						+ " VALUES (?, ?, ?, 'tea')", sku.product(), shop.county(), organisation);
				jdbc.update("INSERT INTO statistics_sku (sku_id, product_id, county_code) VALUES (?, ?, ?)", sku.id(),
						sku.product(), shop.county());
				this.shopsOf.put(organisation, List.of(shop));
				this.skusOf.put(organisation, List.of(sku));
				return shop;
			}
		}

		/** Inserts orders and their lines as the orders module's tables hold them. */
		void insert(JdbcTemplate jdbc, List<Order> orders) {
			Instant now = Instant.now();
			jdbc.batchUpdate("""
					INSERT INTO orders_order (id, county_code, organisation_id, shop_id, platform, platform_order_no,
					       created_at, paid_at, status, after_sale, goods_amount, shipping_fee, discount, paid_amount,
					       province_code, city_code, destination_code, first_seen_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					orders.stream()
						.map(o -> new Object[] { o.id(), o.shop().county(), o.shop().organisation(), o.shop().id(),
								o.shop().platform().name(), o.number(), java.sql.Timestamp.from(o.createdAt()),
								java.sql.Timestamp.from(o.paidAt()), o.status(), o.afterSale(), o.goods(), o.shipping(),
								o.discount(), o.paidAmount(), o.destination().province(), o.destination().city(),
								o.destination().county(), java.sql.Timestamp.from(now), java.sql.Timestamp.from(now) })
						.toList());
			List<Object[]> lines = new ArrayList<>();
			for (Order o : orders) {
				for (int i = 0; i < o.lines().size(); i++) {
					Line line = o.lines().get(i);
					lines.add(new Object[] { o.id(), Integer.toString(i + 1), line.sku().id(), line.quantity(),
							line.sku().price(), line.amount() });
				}
			}
			jdbc.batchUpdate("INSERT INTO orders_order_line (order_id, line_key, sku_id, quantity, unit_price, amount)"
					+ " VALUES (?, ?, ?, ?, ?, ?)", lines);
		}

		/**
		 * Writes an order, its lines and its statistics row, and adds what it counts for
		 * to the day's rollup deltas by the rollup's own rules.
		 */
		private void write(Map<String, Writer> copies, Order o, SalesRollup.Deltas deltas) throws IOException {
			Instant shipped = (o.paidAt() != null && !"CANCELLED".equals(o.status())) ? o.paidAt().plusSeconds(20_000)
					: null;
			Instant completed = "COMPLETED".equals(o.status()) ? o.paidAt().plusSeconds(400_000) : null;
			String address = (o.destination().county() != null) ? "某某路" + (1 + this.random.nextInt(300)) + "号" : "不详";
			row(copies.get("orders_order"), o.id(), o.shop().county(), o.shop().organisation(), o.shop().id(),
					o.shop().platform(), o.number(), "买家" + (this.sequence % 100_000), o.createdAt(), o.paidAt(),
					shipped, completed, o.status(), o.afterSale(), o.goods(), o.shipping(), o.discount(),
					o.paidAmount(), o.refunded(), "张*", "138****" + (1000 + this.random.nextInt(9000)), address,
					o.destination().province(), o.destination().city(), o.destination().county(),
					(o.destination().province() != null) ? "RESOLVED" : "UNRESOLVED", o.createdAt(), o.createdAt());
			for (int i = 0; i < o.lines().size(); i++) {
				Line line = o.lines().get(i);
				row(copies.get("orders_order_line"), o.id(), Integer.toString(i + 1), "item-" + line.sku().product(),
						"贵州特产", line.sku().id(), line.quantity(), line.sku().price(), line.amount());
			}
			boolean cancelled = "CANCELLED".equals(o.status());
			if (o.paidAt() == null) {
				// a cancellation told before any payment waits in a row without payment
				row(copies.get("statistics_sale"), o.id(), o.shop().county(), o.shop().id(), null, "", "", "", null,
						BigDecimal.ZERO, cancelled, null);
				return;
			}
			SalesRollup.Sale sale = SalesRollup.Sale.of(o.paid())
				.with((o.refunded() != null) ? o.refunded() : BigDecimal.ZERO, cancelled);
			row(copies.get("statistics_sale"), sale.orderId(), sale.countyCode(), sale.shopId(), sale.day(),
					sale.provinceCode(), sale.cityCode(), sale.destinationCode(), sale.paid(), sale.refunded(),
					sale.cancelled(), bytea(sale.lines().stored()));
			deltas.add(sale, 1);
		}

		/**
		 * Bytes as COPY's text form reads a bytea (its hex form, the backslash doubled).
		 */
		private static String bytea(byte[] bytes) {
			return "\\\\x" + java.util.HexFormat.of().formatHex(bytes);
		}

		/**
		 * A row of COPY's text format, written as it is: no value holds a tab or a
		 * newline, and {@link #bytea} doubles its own backslash.
		 */
		private static void row(Writer out, Object... values) throws IOException {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					out.write('\t');
				}
				Object value = values[i];
				if (value == null) {
					out.write("\\N");
				}
				else if (value instanceof BigDecimal decimal) {
					out.write(decimal.toPlainString());
				}
				else if (value instanceof Instant instant) {
					out.write(instant.toString());
				}
				else if (value instanceof LocalDateTime time) {
					out.write(time.toString());
				}
				else {
					out.write(value.toString());
				}
			}
			out.write('\n');
		}

		private int pickIndex(double[] weights) {
			double sum = 0;
			for (double weight : weights) {
				sum += weight;
			}
			double u = this.random.nextDouble() * sum;
			for (int i = 0; i < weights.length; i++) {
				u -= weights[i];
				if (u < 0) {
					return i;
				}
			}
			return weights.length - 1;
		}

		private <T> T pick(T[] values, double[] weights) {
			return values[pickIndex(weights)];
		}

		private int search(double[] cumulative) {
			double u = this.random.nextDouble() * cumulative[cumulative.length - 1];
			int index = Arrays.binarySearch(cumulative, u);
			return Math.min(cumulative.length - 1, (index >= 0) ? index : -index - 1);
		}

	}

}

package org.farmgate.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily sales rollups of every county held in memory, with the same sums per month,
 * for the views of a whole county or city: a city's year is then a few hundred blocks
 * added up, where the rollup tables would give up a million rows.
 * <p>
 * Each block is one county's day (or month): its totals, its sales per shop, per
 * destination and per shop × SKU, sums exactly as in {@code statistics_sales_day} and
 * {@code statistics_product_day} (money in fen). Before every read the cube asks
 * {@code statistics_change} which county-days transactions it may not have seen wrote
 * (those whose id is at least the oldest one still running when it last looked) and
 * reloads just those, so it shows every committed sale, whichever instance took it (and
 * nothing not yet committed, even to the transaction that wrote it). Views narrowed to a
 * village, an organisation, a shop or a product read the tables for their sales; the list
 * of shops comes from the shops held here.
 */
@Component
class SalesCube {

	private static final String SALES = """
			SELECT d.county_code, d.day, d.shop_id, d.province_code, d.city_code, d.destination_code, d.orders,
			       CAST(d.gross * 100 AS BIGINT), CAST(d.refunds * 100 AS BIGINT)
			FROM statistics_sales_day d""";

	private static final String PRODUCTS = """
			SELECT d.county_code, d.day, d.shop_id, d.sku_id, d.orders, d.quantity,
			       CAST(d.gross * 100 AS BIGINT), CAST(d.refunds * 100 AS BIGINT)
			FROM statistics_product_day d""";

	private static final String CHANGED = " JOIN unnest(CAST(? AS TEXT[]), CAST(? AS DATE[])) AS c(county_code, day)"
			+ " ON d.county_code = CAST(c.county_code AS CHAR(6)) AND d.day = c.day";

	/** The advisory lock of the notes' compaction. */
	private static final long COMPACTION_LOCK = 0x5A1E5C0BEL;

	private final JdbcTemplate jdbc;

	/** Looks: read-only, one snapshot. */
	private final TransactionTemplate transactions;

	private final TransactionTemplate compactions;

	private final ReentrantLock refreshing = new ReentrantLock();

	final Keys<UUID> shops = new Keys<>();

	/** Destinations as "province|city|county". */
	final Keys<String> destinations = new Keys<>();

	final Keys<UUID> skus = new Keys<>();

	/** Shop × SKU pairs, as shop key × 2^32 + SKU key. */
	final Keys<Long> pairs = new Keys<>();

	private volatile State state;

	SalesCube(DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(10_000);
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.transactions.setReadOnly(true);
		this.compactions = new TransactionTemplate(transactions);
		this.compactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The blocks that add up to the sales of the counties ({@code area}: one county's
	 * code, or a city's four digits and %) from one day to another: whole months as month
	 * blocks, the days of the partial months at the edges as day blocks.
	 */
	static List<Block> blocks(State state, String area, LocalDate from, LocalDate to) {
		List<Block> blocks = new ArrayList<>();
		state.counties().forEach((county, days) -> {
			if (!covers(area, county)) {
				return;
			}
			for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
				LocalDate end = month.plusMonths(1).minusDays(1);
				if (!from.isAfter(month) && !to.isBefore(end)) {
					Block whole = days.months().get(month);
					if (whole != null) {
						blocks.add(whole);
					}
				}
				else {
					LocalDate first = from.isAfter(month) ? from : month;
					LocalDate last = to.isBefore(end) ? to : end;
					blocks.addAll(days.days().subMap(first, true, last, true).values());
				}
			}
		});
		return blocks;
	}

	/** Whether an area ({@link Filter#counties()}) covers a county. */
	static boolean covers(String area, String county) {
		return area.endsWith("%") ? county.startsWith(area.substring(0, area.length() - 1)) : county.equals(area);
	}

	/** Whether the cube has been read since the start. */
	boolean read() {
		return this.state != null;
	}

	/**
	 * The cube as of now: the county-days noted since the last look are read again. The
	 * look runs in a short transaction of its own (one snapshot for the notes and the
	 * rows), never in the caller's: a caller holding table locks while it waits for the
	 * look could otherwise close a circle with a rebuild's TRUNCATE that PostgreSQL
	 * cannot see.
	 */
	State current() {
		this.refreshing.lock();
		try {
			State known = this.state;
			if (known != null) {
				// while nothing new was noted, one statement outside any transaction
				Look look = look(known);
				if (look.fresh().isEmpty()) {
					this.state = new State(look.xmin(), known.counties(), known.dimensions(), look.read());
					return this.state;
				}
			}
			State now = this.transactions.execute(status -> refresh(known));
			this.state = now;
			return now;
		}
		finally {
			this.refreshing.unlock();
		}
	}

	/**
	 * The oldest transaction running now and the notes of transactions from the oldest
	 * one running at the last look on (any transaction whose rows that look missed was
	 * running then or began after), in one statement (one snapshot); {@code fresh}: those
	 * not read yet.
	 */
	private Look look(State known) {
		String[] xmin = new String[1];
		Set<Note> notes = new HashSet<>();
		this.jdbc.query("""
				SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS TEXT), c.county_code, c.day,
				       CAST(c.xid AS TEXT)
				FROM (SELECT 1) AS look
				LEFT JOIN statistics_change c ON c.xid >= CAST(? AS XID8)""", rs -> {
			xmin[0] = rs.getString(1);
			if (rs.getString(2) != null) {
				notes.add(new Note(rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4)));
			}
		}, known.xmin());
		Set<Note> fresh = new HashSet<>(notes);
		fresh.removeAll(known.read());
		// a note older than the oldest running transaction is never selected again
		notes.removeIf(
				note -> Long.compareUnsigned(Long.parseUnsignedLong(note.xid()), Long.parseUnsignedLong(xmin[0])) < 0);
		return new Look(xmin[0], fresh, Set.copyOf(notes));
	}

	/** A look at the notes: the xmin, the notes not read yet, the notes to remember. */
	private record Look(String xmin, Set<Note> fresh, Set<Note> read) {
	}

	/**
	 * Reads what changed since {@code known} (everything when null), in a read-only
	 * transaction of one snapshot that waits at most 30 s for a lock.
	 */
	private State refresh(State known) {
		this.jdbc.execute("SET LOCAL lock_timeout = '30s'");
		if (known == null) {
			String xmin = this.jdbc.queryForObject("SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS TEXT)",
					String.class);
			return load(xmin, Map.of(), null, dimensions(), Set.of());
		}
		Look look = look(known);
		String xmin = look.xmin();
		Set<Note> fresh = new HashSet<>(look.fresh());
		Set<Note> notes = look.read();
		if (fresh.stream().anyMatch(note -> "*".equals(note.county()))) {
			return load(xmin, Map.of(), null, dimensions(), notes);
		}
		boolean dimensions = fresh.removeIf(note -> "#".equals(note.county()));
		if (fresh.isEmpty() && !dimensions) {
			return new State(xmin, known.counties(), known.dimensions(), notes);
		}
		List<CountyDay> changed = fresh.stream()
			.map(note -> new CountyDay(note.county(), note.day()))
			.distinct()
			.sorted(Comparator.comparing(CountyDay::county).thenComparing(CountyDay::day))
			.toList();
		return load(xmin, known.counties(), changed, dimensions ? dimensions() : known.dimensions(), notes);
	}

	/**
	 * Makes the notes of each county-day with two or more of finished transactions one
	 * note of this compaction's own transaction. Keeping the newest of them instead would
	 * lose changes: transaction ids do not follow commit order, so a reader may have read
	 * a younger transaction's note (and its day) before an older one committed, and would
	 * then take the older one's note for read. The new note is younger than anything a
	 * reader has read: every reader reads the day once more. One instance at a time.
	 */
	@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
	void compact() {
		this.compactions.executeWithoutResult(status -> {
			if (Boolean.TRUE.equals(
					this.jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, COMPACTION_LOCK))) {
				this.jdbc.update("""
						WITH finished AS (
						  DELETE FROM statistics_change c
						  WHERE c.xid < pg_snapshot_xmin(pg_current_snapshot())
						    AND EXISTS (SELECT 1 FROM statistics_change n
						                WHERE n.county_code = c.county_code AND n.day = c.day AND n.ctid <> c.ctid
						                  AND n.xid < pg_snapshot_xmin(pg_current_snapshot()))
						  RETURNING c.county_code, c.day)
						INSERT INTO statistics_change (county_code, day)
						SELECT DISTINCT county_code, day FROM finished""");
			}
		});
	}

	/**
	 * Every shop (with its organisation's village; not one told only closed by a closing
	 * that did not name its organisation yet) and SKU (with its product's category).
	 */
	private Dimensions dimensions() {
		Map<UUID, ShopDimensions> shops = new HashMap<>();
		this.jdbc.query("""
				SELECT s.shop_id, s.organisation_id, o.village_id, s.platform, s.county_code, s.opened_on, s.closed_on
				FROM statistics_shop s
				LEFT JOIN statistics_organisation o ON o.organisation_id = s.organisation_id
				WHERE s.organisation_id IS NOT NULL""", rs -> {
			UUID shop = rs.getObject(1, UUID.class);
			shops.put(shop,
					new ShopDimensions(shop, rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
							rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)));
		});
		Map<UUID, SkuDimensions> skus = new HashMap<>();
		this.jdbc.query("""
				SELECT k.sku_id, k.product_id, p.category_code
				FROM statistics_sku k
				LEFT JOIN statistics_product p ON p.product_id = k.product_id""", rs -> {
			skus.put(rs.getObject(1, UUID.class), new SkuDimensions(rs.getObject(2, UUID.class), rs.getString(3)));
		});
		return new Dimensions(Map.copyOf(shops), Map.copyOf(skus));
	}

	/**
	 * Reads the county-days {@code changed} (every one when null) into a copy of
	 * {@code counties}, and sums their months again.
	 */
	private State load(String xmin, Map<String, County> counties, List<CountyDay> changed, Dimensions dimensions,
			Set<Note> read) {
		Map<String, NavigableMap<LocalDate, Block.Parts>> rows = new HashMap<>();
		Object[] args = (changed == null) ? new Object[0]
				: new Object[] { literal(changed, CountyDay::county), literal(changed, CountyDay::day) };
		String join = (changed == null) ? "" : CHANGED;
		if (changed == null || !changed.isEmpty()) {
			Reader sales = new Reader(rows, false);
			this.jdbc.query(SALES + join + " ORDER BY d.county_code, d.day", sales, args);
			sales.flush();
			Reader products = new Reader(rows, true);
			this.jdbc.query(PRODUCTS + join + " ORDER BY d.county_code, d.day", products, args);
			products.flush();
		}

		Map<String, County> next = new HashMap<>(counties);
		Map<String, Set<LocalDate>> months = new HashMap<>();
		if (changed == null) {
			next.clear();
			rows.forEach((county, days) -> days.keySet()
				.forEach(day -> months.computeIfAbsent(county, key -> new HashSet<>()).add(day.withDayOfMonth(1))));
		}
		else {
			changed.forEach(day -> months.computeIfAbsent(day.county(), key -> new HashSet<>())
				.add(day.day().withDayOfMonth(1)));
		}
		Sums[] scratch = { new Sums(), new Sums(), new Sums() };
		months.forEach((county, touched) -> {
			County before = next.get(county);
			NavigableMap<LocalDate, Block> days = (before != null) ? new TreeMap<>(before.days()) : new TreeMap<>();
			NavigableMap<LocalDate, Block> sums = (before != null) ? new TreeMap<>(before.months()) : new TreeMap<>();
			if (changed != null) {
				changed.stream().filter(day -> day.county().equals(county)).forEach(day -> days.remove(day.day()));
			}
			rows.getOrDefault(county, Collections.emptyNavigableMap())
				.forEach((day, parts) -> days.put(day, Block.of(day, parts)));
			for (LocalDate month : touched) {
				Collection<Block> inMonth = days.subMap(month, true, month.plusMonths(1), false).values();
				if (inMonth.isEmpty()) {
					sums.remove(month);
				}
				else {
					sums.put(month, Block.sum(month, inMonth, scratch));
				}
			}
			next.put(county,
					new County(Collections.unmodifiableNavigableMap(days), Collections.unmodifiableNavigableMap(sums)));
		});
		return new State(xmin, Map.copyOf(next), dimensions, Set.copyOf(read));
	}

	private static <T> String literal(List<T> rows, java.util.function.Function<T, Object> column) {
		return rows.stream().map(row -> column.apply(row).toString()).collect(Collectors.joining(",", "{", "}"));
	}

	/**
	 * The cube at one look: the xmin it was read at, each county's blocks, the shops and
	 * SKUs.
	 */
	record State(String xmin, Map<String, County> counties, Dimensions dimensions, Set<Note> read) {

		/**
		 * The blocks of the area's sales from one day to another (see
		 * {@link SalesCube#blocks}).
		 */
		List<Block> blocks(String area, LocalDate from, LocalDate to) {
			return SalesCube.blocks(this, area, from, to);
		}

		/** One part of the area's blocks from one day to another, summed. */
		Sums sum(String area, LocalDate from, LocalDate to, java.util.function.Function<Block, Part> part) {
			Sums sums = new Sums();
			for (Block block : blocks(area, from, to)) {
				sums.add(part.apply(block));
			}
			return sums;
		}

		/** The month blocks of the area from one month to another, by month. */
		NavigableMap<LocalDate, List<Block>> months(String area, LocalDate first, LocalDate last) {
			NavigableMap<LocalDate, List<Block>> months = new TreeMap<>();
			this.counties.forEach((county, blocks) -> {
				if (covers(area, county)) {
					blocks.months()
						.subMap(first, true, last, true)
						.forEach((month, block) -> months.computeIfAbsent(month, key -> new ArrayList<>()).add(block));
				}
			});
			return months;
		}

	}

	/** A change note: a county-day written by a transaction. */
	record Note(String county, LocalDate day, String xid) {
	}

	record CountyDay(String county, LocalDate day) {
	}

	/** The shops and SKUs the statistics were told of. */
	record Dimensions(Map<UUID, ShopDimensions> shops, Map<UUID, SkuDimensions> skus) {
	}

	/**
	 * A shop as the registry told it, with its organisation's village; open from
	 * {@code openedOn} (null: unknown) until {@code closedOn} (null: open).
	 */
	record ShopDimensions(UUID shop, UUID organisation, UUID village, String platform, String county,
			LocalDate openedOn, LocalDate closedOn) {
	}

	/** A SKU's product and that product's category (null when not told). */
	record SkuDimensions(UUID product, String category) {
	}

	/** A county's day blocks and month blocks. */
	record County(NavigableMap<LocalDate, Block> days, NavigableMap<LocalDate, Block> months) {
	}

	/**
	 * Rows of one table, ordered by county and day, summed into parts of blocks: the
	 * sales (shops and destinations), or the products (shop × SKU pairs).
	 */
	private final class Reader implements org.springframework.jdbc.core.RowCallbackHandler {

		private final Map<String, NavigableMap<LocalDate, Block.Parts>> into;

		private final boolean products;

		private final Sums first = new Sums();

		private final Sums second = new Sums();

		private String county;

		private LocalDate day;

		private long orders;

		private long gross;

		private long refunds;

		Reader(Map<String, NavigableMap<LocalDate, Block.Parts>> into, boolean products) {
			this.into = into;
			this.products = products;
		}

		@Override
		public void processRow(ResultSet rs) throws SQLException {
			String county = rs.getString(1);
			LocalDate day = rs.getObject(2, LocalDate.class);
			if (!county.equals(this.county) || !day.equals(this.day)) {
				flush();
				this.county = county;
				this.day = day;
			}
			int shop = SalesCube.this.shops.of(rs.getObject(3, UUID.class));
			if (!this.products) {
				long orders = rs.getLong(7);
				long gross = rs.getLong(8);
				long refunds = rs.getLong(9);
				this.first.add(shop, orders, 0, gross, refunds);
				this.second.add(
						SalesCube.this.destinations.of(rs.getString(4) + '|' + rs.getString(5) + '|' + rs.getString(6)),
						orders, 0, gross, refunds);
				this.orders += orders;
				this.gross += gross;
				this.refunds += refunds;
			}
			else {
				int sku = SalesCube.this.skus.of(rs.getObject(4, UUID.class));
				this.first.add(SalesCube.this.pairs.of(((long) shop << 32) | sku), rs.getLong(5), rs.getLong(6),
						rs.getLong(7), rs.getLong(8));
			}
		}

		void flush() {
			if (this.county == null) {
				return;
			}
			Block.Parts parts = this.into.computeIfAbsent(this.county, key -> new TreeMap<>())
				.computeIfAbsent(this.day, key -> new Block.Parts());
			if (!this.products) {
				parts.orders = this.orders;
				parts.gross = this.gross;
				parts.refunds = this.refunds;
				parts.shops = this.first.part(false);
				parts.destinations = this.second.part(false);
			}
			else {
				parts.pairs = this.first.part(true);
			}
			this.orders = 0;
			this.gross = 0;
			this.refunds = 0;
			this.county = null;
		}

	}

	/**
	 * One county's sales of a day or a month ({@code first}): orders, gross and refunds
	 * in fen, and the same per shop, per destination and per shop × SKU pair (with
	 * quantity).
	 */
	record Block(LocalDate first, long orders, long gross, long refunds, Part shops, Part destinations, Part pairs) {

		/**
		 * A day's parts as its two tables' rows gave them (a part neither gave: empty).
		 */
		static final class Parts {

			long orders;

			long gross;

			long refunds;

			Part shops = Part.EMPTY;

			Part destinations = Part.EMPTY;

			Part pairs = Part.EMPTY;

		}

		static Block of(LocalDate day, Parts parts) {
			return new Block(day, parts.orders, parts.gross, parts.refunds, parts.shops, parts.destinations,
					parts.pairs);
		}

		/** The days' sums, through three empty scratch sums (left empty). */
		static Block sum(LocalDate month, Collection<Block> days, Sums[] scratch) {
			Sums shops = scratch[0];
			Sums destinations = scratch[1];
			Sums pairs = scratch[2];
			long orders = 0;
			long gross = 0;
			long refunds = 0;
			for (Block day : days) {
				orders += day.orders();
				gross += day.gross();
				refunds += day.refunds();
				shops.add(day.shops());
				destinations.add(day.destinations());
				pairs.add(day.pairs());
			}
			return new Block(month, orders, gross, refunds, shops.part(false), destinations.part(false),
					pairs.part(true));
		}

	}

	/**
	 * Sums per key, sorted by key, in parallel arrays; {@code quantity} null unless the
	 * keys are shop × SKU pairs.
	 */
	record Part(int[] keys, int[] orders, long[] quantity, long[] gross, long[] refunds) {

		static final Part EMPTY = new Part(new int[0], new int[0], null, new long[0], new long[0]);

	}

	/**
	 * Sums per key in dense arrays, growing as keys come; remembers which keys it was
	 * given.
	 */
	static final class Sums {

		private long[] orders = new long[256];

		private long[] quantity = new long[256];

		private long[] gross = new long[256];

		private long[] refunds = new long[256];

		private boolean[] seen = new boolean[256];

		private int[] touched = new int[64];

		private int count;

		void add(int key, long orders, long quantity, long gross, long refunds) {
			if (key >= this.seen.length) {
				int size = Math.max(key + 1, this.seen.length * 2);
				this.orders = Arrays.copyOf(this.orders, size);
				this.quantity = Arrays.copyOf(this.quantity, size);
				this.gross = Arrays.copyOf(this.gross, size);
				this.refunds = Arrays.copyOf(this.refunds, size);
				this.seen = Arrays.copyOf(this.seen, size);
			}
			if (!this.seen[key]) {
				this.seen[key] = true;
				if (this.count == this.touched.length) {
					this.touched = Arrays.copyOf(this.touched, this.count * 2);
				}
				this.touched[this.count++] = key;
			}
			this.orders[key] += orders;
			this.quantity[key] += quantity;
			this.gross[key] += gross;
			this.refunds[key] += refunds;
		}

		void add(Part part) {
			long[] quantity = part.quantity();
			for (int i = 0; i < part.keys().length; i++) {
				add(part.keys()[i], part.orders()[i], (quantity != null) ? quantity[i] : 0, part.gross()[i],
						part.refunds()[i]);
			}
		}

		/** The keys given, in the order they came. */
		int[] keys() {
			return Arrays.copyOf(this.touched, this.count);
		}

		long orders(int key) {
			return this.orders[key];
		}

		long quantity(int key) {
			return this.quantity[key];
		}

		long gross(int key) {
			return this.gross[key];
		}

		long refunds(int key) {
			return this.refunds[key];
		}

		/** The sums as a part (with quantities or not), and empty again. */
		Part part(boolean quantities) {
			int[] keys = keys();
			Arrays.sort(keys);
			Part part = new Part(keys, new int[keys.length], quantities ? new long[keys.length] : null,
					new long[keys.length], new long[keys.length]);
			for (int i = 0; i < keys.length; i++) {
				int key = keys[i];
				part.orders()[i] = Math.toIntExact(this.orders[key]);
				if (quantities) {
					part.quantity()[i] = this.quantity[key];
				}
				part.gross()[i] = this.gross[key];
				part.refunds()[i] = this.refunds[key];
				this.orders[key] = 0;
				this.quantity[key] = 0;
				this.gross[key] = 0;
				this.refunds[key] = 0;
				this.seen[key] = false;
			}
			this.count = 0;
			return part;
		}

	}

	/**
	 * Values numbered from 0 in the order first met; a number never changes. Numbering is
	 * serial; reading a number's value takes no lock (a number is only handed out after
	 * its value is stored).
	 */
	static final class Keys<T> {

		private final Map<T, Integer> numbers = new HashMap<>();

		private volatile Object[] values = new Object[256];

		private int size;

		synchronized int of(T value) {
			Integer number = this.numbers.get(value);
			if (number == null) {
				number = this.size;
				Object[] values = this.values;
				if (number == values.length) {
					values = Arrays.copyOf(values, number * 2);
				}
				values[number] = value;
				this.values = values;
				this.numbers.put(value, number);
				this.size++;
			}
			return number;
		}

		@SuppressWarnings("unchecked")
		T value(int number) {
			return (T) this.values[number];
		}

	}

}

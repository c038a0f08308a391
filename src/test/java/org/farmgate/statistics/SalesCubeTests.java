package org.farmgate.statistics;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.farmgate.FarmgateTest;
import org.farmgate.registry.Platform;
import org.farmgate.registry.ShopClosed;
import org.farmgate.registry.ShopOpened;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sales cube shows every committed rollup row, whichever transaction or instance
 * wrote it and however late it committed: checked with two cubes (two instances) over a
 * county of its own, with writes held open across a look.
 */
@FarmgateTest
class SalesCubeTests {

	/** A county no other test sells in. */
	static final String COUNTY = "659001";

	static final LocalDate DAY = LocalDate.of(2021, 3, 14);

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Facts facts;

	@AfterEach
	void forgetTheCounty() {
		this.jdbc.update("DELETE FROM statistics_sales_day WHERE county_code = ?", COUNTY);
		this.jdbc.update("DELETE FROM statistics_product_day WHERE county_code = ?", COUNTY);
		this.jdbc.update("INSERT INTO statistics_change (county_code, day) SELECT DISTINCT county_code, day "
				+ "FROM statistics_change WHERE county_code = ?", COUNTY);
	}

	@Test
	void aWriteStillOpenDuringALookIsSeenByTheNextLookAfterItCommits() throws Exception {
		SalesCube cube = new SalesCube(this.dataSource, this.transactions);
		assertThat(orders(cube, DAY, DAY)).isZero();
		try (Connection open = this.dataSource.getConnection()) {
			open.setAutoCommit(false);
			sell(open, DAY, 3, "120.50");
			// a write on another day commits meanwhile, and the cube moves past it
			try (Connection other = this.dataSource.getConnection()) {
				sell(other, DAY.plusDays(1), 2, "10.00");
			}
			assertThat(orders(cube, DAY, DAY.plusDays(1))).as("the committed day only").isEqualTo(2);
			open.commit();
		}
		assertThat(orders(cube, DAY, DAY)).as("the write that was open").isEqualTo(3);
		assertThat(orders(cube, DAY, DAY.plusDays(1))).isEqualTo(5);
	}

	@Test
	void aSecondInstanceSeesWhatTheFirstTookAndTheMonthAddsUpItsDays() throws Exception {
		SalesCube first = new SalesCube(this.dataSource, this.transactions);
		SalesCube second = new SalesCube(this.dataSource, this.transactions);
		orders(first, DAY, DAY);
		orders(second, DAY, DAY);
		try (Connection connection = this.dataSource.getConnection()) {
			sell(connection, DAY.withDayOfMonth(1), 1, "5.00");
			sell(connection, DAY, 4, "40.25");
			sell(connection, DAY.withDayOfMonth(31), 2, "1.10");
		}
		LocalDate month = DAY.withDayOfMonth(1);
		LocalDate end = DAY.withDayOfMonth(31);
		for (SalesCube cube : List.of(first, second)) {
			List<SalesCube.Block> whole = cube.current().blocks(COUNTY, month, end);
			assertThat(whole).as("a whole month is one block").hasSize(1);
			assertThat(whole.get(0).orders()).isEqualTo(7);
			assertThat(whole.get(0).gross()).as("fen").isEqualTo(500 + 4025 + 110);
			assertThat(orders(cube, month.plusDays(1), end)).as("the days after the first").isEqualTo(6);
			assertThat(cube.current().blocks("6590%", month, end)).as("the city's whole month").hasSize(1);
		}
		// a day whose rows are gone leaves the month and the day
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement delete = connection
					.prepareStatement("DELETE FROM statistics_sales_day WHERE county_code = ? AND day = ?")) {
			delete.setString(1, COUNTY);
			delete.setDate(2, Date.valueOf(DAY));
			delete.executeUpdate();
			mark(connection, DAY);
		}
		assertThat(orders(second, month, end)).isEqualTo(3);
		assertThat(second.current().blocks(COUNTY, DAY, DAY)).isEmpty();
	}

	@Test
	void aRebuildMarkReadsEverythingAgain() throws Exception {
		// a day no test notes as changed: only reading everything brings its row in
		LocalDate unnoted = LocalDate.of(2021, 7, 1);
		SalesCube cube = new SalesCube(this.dataSource, this.transactions);
		orders(cube, unnoted, unnoted);
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO statistics_sales_day (county_code, day, shop_id, province_code, city_code,
						       destination_code, orders, gross, refunds)
						VALUES (?, ?, ?, '', '', '', 6, 60, 0)""")) {
			// written by hand, without noting the day: only a mark for everything brings
			// it in
			insert.setString(1, COUNTY);
			insert.setDate(2, Date.valueOf(unnoted));
			insert.setObject(3, UUID.randomUUID());
			insert.executeUpdate();
			assertThat(orders(cube, unnoted, unnoted)).isZero();
			connection.createStatement()
				.executeUpdate("INSERT INTO statistics_change (county_code, day) VALUES ('*', DATE '2000-01-01')");
		}
		assertThat(orders(cube, unnoted, unnoted)).isEqualTo(6);
	}

	@Test
	void aShopToldAfterALookIsKnownAtTheNextAndItsClosingToo() {
		SalesCube cube = new SalesCube(this.dataSource, this.transactions);
		UUID shop = UUID.randomUUID();
		UUID organisation = UUID.randomUUID();
		assertThat(cube.current().dimensions().shops()).doesNotContainKey(shop);
		this.transactions(() -> this.facts
			.shops(List.of(new ShopOpened(shop, organisation, COUNTY, Platform.JD, LocalDate.of(2021, 1, 4)))));
		SalesCube.ShopDimensions told = cube.current().dimensions().shops().get(shop);
		assertThat(told).isNotNull();
		assertThat(told.platform()).isEqualTo("JD");
		assertThat(told.county()).isEqualTo(COUNTY);
		assertThat(told.closedOn()).isNull();
		this.transactions(() -> this.facts
			.closed(List.of(new ShopClosed(shop, organisation, COUNTY, Platform.JD, LocalDate.of(2021, 5, 1)))));
		assertThat(cube.current().dimensions().shops().get(shop).closedOn()).isEqualTo(LocalDate.of(2021, 5, 1));
		this.jdbc.update("DELETE FROM statistics_shop WHERE shop_id = ?", shop);
	}

	@Test
	void compactingLeavesOneNoteOfADayAndTheCubeStillFindsTheChange() throws Exception {
		SalesCube cube = new SalesCube(this.dataSource, this.transactions);
		LocalDate day = LocalDate.of(2021, 9, 9);
		orders(cube, day, day);
		try (Connection connection = this.dataSource.getConnection()) {
			sell(connection, day, 1, "1.00");
			sell(connection, day, 2, "2.00");
		}
		// (the application's own cube may have compacted them already: it does once a
		// minute)
		cube.compact();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM statistics_change WHERE county_code = ? AND day = ?",
				Integer.class, COUNTY, day))
			.as("the two notes become one")
			.isEqualTo(1);
		assertThat(orders(cube, day, day)).isEqualTo(3);
	}

	@Test
	void anOlderTransactionCommittingAfterALookReadTheNewerOnesNoteIsStillFoundAfterCompaction() throws Exception {
		SalesCube cube = new SalesCube(this.dataSource, this.transactions);
		LocalDate day = LocalDate.of(2021, 10, 10);
		orders(cube, day, day);
		try (Connection older = this.dataSource.getConnection()) {
			older.setAutoCommit(false);
			// its id first, its write last
			older.createStatement().execute("SELECT pg_current_xact_id()");
			try (Connection younger = this.dataSource.getConnection()) {
				sell(younger, day, 2, "2.00");
			}
			assertThat(orders(cube, day, day)).as("the younger transaction's write").isEqualTo(2);
			sell(older, day, 1, "1.00");
			older.commit();
		}
		cube.compact();
		assertThat(orders(cube, day, day)).as("the older transaction's write too").isEqualTo(3);
	}

	@Test
	void aWriteNotCommittedIsShownToNoOneNotEvenItsWriter() {
		SalesCube cube = new SalesCube(this.dataSource, this.transactions);
		LocalDate day = LocalDate.of(2021, 11, 11);
		orders(cube, day, day);
		new org.springframework.transaction.support.TransactionTemplate(this.transactions)
			.executeWithoutResult(status -> {
				this.jdbc.update("""
						INSERT INTO statistics_sales_day (county_code, day, shop_id, province_code, city_code,
						       destination_code, orders, gross, refunds)
						VALUES (?, ?, ?, '', '', '', 4, 40, 0)""", COUNTY, day, UUID.randomUUID());
				this.jdbc.update("INSERT INTO statistics_change (county_code, day) VALUES (?, ?)", COUNTY, day);
				assertThat(orders(cube, day, day)).as("inside the writing transaction").isZero();
				status.setRollbackOnly();
			});
		assertThat(orders(cube, day, day)).as("after the rollback").isZero();
	}

	@Test
	void whileAnOldTransactionRunsADayReadOnceIsNotReadAgainAtEveryLook() throws Exception {
		SalesCube cube = new SalesCube(this.dataSource, this.transactions);
		LocalDate day = LocalDate.of(2021, 12, 12);
		orders(cube, day, day);
		try (Connection old = this.dataSource.getConnection()) {
			// a transaction with an id, running all along: the oldest one stays behind
			old.setAutoCommit(false);
			old.createStatement().execute("SELECT pg_current_xact_id()");
			try (Connection connection = this.dataSource.getConnection()) {
				sell(connection, day, 2, "3.00");
			}
			SalesCube.Block first = cube.current().counties().get(COUNTY).days().get(day);
			assertThat(first.orders()).isEqualTo(2);
			assertThat(cube.current().counties().get(COUNTY).days().get(day)).as("the same block, not read again")
				.isSameAs(first);
			try (Connection connection = this.dataSource.getConnection()) {
				sell(connection, day, 1, "1.00");
			}
			assertThat(cube.current().counties().get(COUNTY).days().get(day).orders()).as("a new note is read")
				.isEqualTo(3);
			old.rollback();
		}
	}

	private void transactions(Runnable work) {
		new org.springframework.transaction.support.TransactionTemplate(this.transactions)
			.executeWithoutResult(status -> work.run());
	}

	private static long orders(SalesCube cube, LocalDate from, LocalDate to) {
		return cube.current().blocks(COUNTY, from, to).stream().mapToLong(SalesCube.Block::orders).sum();
	}

	/** What the rollup writes for a sale: a daily row, and the day noted as changed. */
	private static void sell(Connection connection, LocalDate day, int orders, String gross) throws Exception {
		try (PreparedStatement insert = connection.prepareStatement("""
				INSERT INTO statistics_sales_day (county_code, day, shop_id, province_code, city_code,
				       destination_code, orders, gross, refunds)
				VALUES (?, ?, ?, '110000', '110100', '110101', ?, CAST(? AS NUMERIC), 0)""")) {
			insert.setString(1, COUNTY);
			insert.setDate(2, Date.valueOf(day));
			insert.setObject(3, UUID.randomUUID());
			insert.setInt(4, orders);
			insert.setString(5, gross);
			insert.executeUpdate();
		}
		mark(connection, day);
	}

	private static void mark(Connection connection, LocalDate day) throws Exception {
		try (PreparedStatement mark = connection.prepareStatement("""
				INSERT INTO statistics_change (county_code, day) VALUES (?, ?)""")) {
			mark.setString(1, COUNTY);
			mark.setDate(2, Date.valueOf(day));
			mark.executeUpdate();
		}
	}

}
